"""The site's menus: the same links in the header and the footer of every page."""

from django.urls import reverse
from django.utils.translation import gettext as _

from facility.models.content import ACCESSIBILITY, NONDISCRIMINATION, PRIVACY_POLICY, WHO_WE_ARE

# Pages staff write that the menus always link to, by slug, and pages regulators ask
# every provider's site to link from every page (their Spanish slugs are read with the
# facility: facility.models.content.LINKED_FROM_EVERY_PAGE).


def _page(slug, page_slugs=()):
    """A staff page's address in the active language: its own slug there when it has a
    version (page_slugs: the cached facility's (English, translated) pairs), so the link
    needs no redirect."""
    return reverse("facility:page", args=[dict(page_slugs).get(slug) or slug])


def _locations(several_centers):
    # One center is the simple case: no list of locations to choose from.
    return [(_("Locations"), reverse("facility:centers"))] if several_centers else []


def main_menu(several_centers=False, page_slugs=()):
    return [
        (_("Who We Are"), _page(WHO_WE_ARE, page_slugs)),
        (_("Treatment Services"), reverse("facility:services")),
        *_locations(several_centers),
        (_("Tour Facility"), reverse("facility:tour")),
        (_("Admissions"), reverse("inquiries:admissions")),
        (_("Blog"), reverse("articles:list")),
        (_("Contact"), reverse("inquiries:contact")),
    ]


def footer_menu(several_centers=False, page_slugs=()):
    return [
        (_("Who We Are"), _page(WHO_WE_ARE, page_slugs)),
        (_("Treatment Services"), reverse("facility:services")),
        *_locations(several_centers),
        (_("Tour Facility"), reverse("facility:tour")),
        (_("Our Team"), reverse("facility:team")),
        (_("Admissions"), reverse("inquiries:admissions")),
        (_("Contact"), reverse("inquiries:contact")),
        (_("Privacy Policy"), _page(PRIVACY_POLICY, page_slugs)),
        (_("Blog"), reverse("articles:list")),
    ]


def notices(page_slugs=()):
    """The links at the foot of every page, beside the site map."""
    return [
        (_("Accessibility"), _page(ACCESSIBILITY, page_slugs)),
        (_("Nondiscrimination notice"), _page(NONDISCRIMINATION, page_slugs)),
        # Free help in other languages (Section 1557), offered from every page.
        (_("Language assistance"), reverse("facility:language_assistance")),
        (_("Site map"), reverse("website:site_map")),
    ]


def mark_current(menu, path):
    """Menu entries as dicts, the one the visitor is in marked current."""
    return [
        {"label": label, "url": url, "current": url != "/" and path.startswith(url)}
        for label, url in menu
    ]
