"""The site's languages in templates: text shown in another language than the page's,
and the page in the site's other languages.

Marking text shown in another language than the page's:
A short text with no version in the page's language (a center's description, the
facility's tagline) is shown in English, never unmarked: screen readers then read it
with English pronunciation, and browsers translate the right part.

    <p{{ center|lang_attr:"description" }}>{{ center.description }}</p>
    <p>{{ facility|marked:"crisis_line" }} Call or text 988 …</p>

The page in the other languages: the switcher in the header (`{% language_switcher %}`)
and the hreflang alternates in the head (`{% language_alternates %}`); plumbing/languages.py
says what a translated model promises. A view whose page shows one model's object puts
it in the context as `translated_object`: its address in each language is the object's
own, and a language it has no version in gets that language's home page. Any other page
is found in the other language by its URL name (django.urls.translate_url). Django's 404
page links home.
"""

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.html import format_html

from plumbing.languages import active_language, home_path, text_language
from plumbing.seo import absolute

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
def marked_in_sentence(instance, field):
    """`marked`, for a job title after a name inside a sentence ("…, MD, directora
    médica, el …"): in Spanish, which writes titles in lower case there, its first
    letter is lowered, unless its first word is an abbreviation ("LICDC-CS"); English
    keeps the title as staff typed it ("Medical Director")."""
    value = (getattr(instance, field, "") or "") if instance not in (None, "") else ""
    if not value:
        return ""
    code = text_language(instance, field)
    if code == "es" and len(value) > 1 and value[0].isupper() and value[1].islower():
        value = value[0].lower() + value[1:]
    if code != active_language():
        return format_html('<span lang="{}">{}</span>', code, value)
    return format_html("{}", value)


@dataclass
class LanguageVersion:
    code: str
    name: str  # in its own language: "English", "Español"
    url: str
    exists: bool  # False: the page has no version in it; url is that language's home
    current: bool


def versions(context):
    request = context.get("request")
    current = translation.get_language()
    obj = context.get("translated_object")
    not_found = context.get("request_path") is not None  # Django's page_not_found view
    path = request.path if request is not None else "/"
    found = []
    for code, name in settings.LANGUAGES:
        if obj is not None and available(obj, code):
            with translation.override(code):
                url, exists = obj.get_absolute_url(), True
        elif obj is not None or not_found:
            url, exists = home_path(code), False
        elif code == current:
            url, exists = path, True
        else:
            url = translate_url(path, code)
            exists = url != path
            url = url if exists else home_path(code)
        found.append(LanguageVersion(code, name, url, exists, code == current))
    return found


def available(obj, code):
    available_in = getattr(obj, "available_in", None)
    return available_in is None or available_in(code)


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this page in the languages other than the one it is shown in."""
    return {"others": [version for version in versions(context) if not version.current]}


@register.inclusion_tag("includes/language_alternates.html", takes_context=True)
def language_alternates(context):
    """<link rel="alternate" hreflang> for each language the page exists in, and
    x-default: the site's own language's version."""
    request = context.get("request")
    if request is None or context.get("request_path") is not None:
        return {"alternates": []}
    existing = [version for version in versions(context) if version.exists]
    alternates = [(version.code, absolute(request, version.url)) for version in existing]
    default = settings.LANGUAGE_CODE
    alternates += [("x-default", url) for code, url in alternates if code == default]
    return {"alternates": alternates if len(existing) > 1 else []}


@register.filter
def english_name(value):
    """A proper name kept in English (an agency, an insurance plan): in a
    `<span lang="en">` on a page in another language, as it is elsewhere."""
    if value is None or value == "":
        return ""
    if active_language() != "en":
        return format_html('<span lang="en">{}</span>', value)
    return format_html("{}", value)
