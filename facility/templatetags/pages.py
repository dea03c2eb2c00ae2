from django import template
from django.urls import reverse
from django.utils.translation import get_language

register = template.Library()


@register.filter
def page_url(facility, slug):
    """The address of the staff page `slug` (its English slug) in the active language,
    with its own slug there when it has one (/es/politica-de-privacidad/), so the link
    costs no redirect. Only the pages every page links to are known this way
    (facility.models.content.LINKED_FROM_EVERY_PAGE)."""
    slugs = dict(facility.page_slugs(get_language())) if facility else {}
    return reverse("facility:page", args=[slugs.get(slug) or slug])
