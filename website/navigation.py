"""The site's menus: the same links in the header and the footer of every page."""

from django.urls import reverse
from django.utils.translation import gettext as _

# Pages staff write that the menus always link to, by slug.
WHO_WE_ARE = "who-we-are"
PRIVACY_POLICY = "privacy-policy"
# Pages regulators ask every provider's site to link from every page.
ACCESSIBILITY = "accessibility"
NONDISCRIMINATION = "nondiscrimination-notice"


def _page(slug):
    return reverse("facility:page", args=[slug])


def _locations(several_centers):
    # One center is the simple case: no list of locations to choose from.
    return [(_("Locations"), reverse("facility:centers"))] if several_centers else []


def main_menu(several_centers=False):
    return [
        (_("Who We Are"), _page(WHO_WE_ARE)),
        (_("Treatment Services"), reverse("facility:services")),
        *_locations(several_centers),
        (_("Tour Facility"), reverse("facility:tour")),
        (_("Admissions"), reverse("inquiries:admissions")),
        (_("Blog"), reverse("articles:list")),
        (_("Contact"), reverse("inquiries:contact")),
    ]


def footer_menu(several_centers=False):
    return [
        (_("Who We Are"), _page(WHO_WE_ARE)),
        (_("Treatment Services"), reverse("facility:services")),
        *_locations(several_centers),
        (_("Tour Facility"), reverse("facility:tour")),
        (_("Our Team"), reverse("facility:team")),
        (_("Admissions"), reverse("inquiries:admissions")),
        (_("Contact"), reverse("inquiries:contact")),
        (_("Privacy Policy"), _page(PRIVACY_POLICY)),
        (_("Blog"), reverse("articles:list")),
    ]


def notices():
    """The links at the foot of every page, beside the site map."""
    return [
        (_("Accessibility"), _page(ACCESSIBILITY)),
        (_("Nondiscrimination notice"), _page(NONDISCRIMINATION)),
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
