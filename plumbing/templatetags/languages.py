"""Marking text shown in another language than the page's.

A short text with no version in the page's language (a center's description, the
facility's tagline) is shown in English, never unmarked: screen readers then read it
with English pronunciation, and browsers translate the right part.

    <p{{ center|lang_attr:"description" }}>{{ center.description }}</p>
    <p>{{ facility|marked:"crisis_line" }} Call or text 988 …</p>
"""

from django import template
from django.utils.html import format_html

from plumbing.languages import active_language, text_language

register = template.Library()


@register.filter
def lang_attr(instance, field):
    """` lang="en"` when `instance.<field>` is shown in English in a page of another
    language; nothing otherwise. For the opening tag of the element holding the text."""
    if instance is None or instance == "":
        return ""
    code = text_language(instance, field)
    return format_html(' lang="{}"', code) if code != active_language() else ""


@register.filter
def marked(instance, field):
    """`instance.<field>`, escaped, in a `<span lang="en">` when it is shown in English
    in a page of another language. For text inside a sentence."""
    if instance is None or instance == "":
        return ""
    value = getattr(instance, field) or ""
    code = text_language(instance, field)
    if code != active_language():
        return format_html('<span lang="{}">{}</span>', code, value)
    return format_html("{}", value)


@register.filter
def english_name(value):
    """A proper name kept in English (an agency, an insurance plan): in a
    `<span lang="en">` on a page in another language, as it is elsewhere."""
    if value is None or value == "":
        return ""
    if active_language() != "en":
        return format_html('<span lang="en">{}</span>', value)
    return format_html("{}", value)
