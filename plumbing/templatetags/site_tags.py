import json
from datetime import datetime

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone, translation
from django.utils.safestring import mark_safe

from plumbing.images import Picture
from plumbing.richtext import display_html
from plumbing.seo import Image, absolute, default_image

register = template.Library()

# The schema.org types the site describes that are creative works (have inLanguage).
CREATIVE_WORKS = {"BlogPosting", "Article", "WebPage", "MedicalWebPage"}

# Characters that could end the script element or start markup, escaped as JSON allows.
JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.inclusion_tag("includes/breadcrumbs.html")
def breadcrumbs(current, *parents):
    """Home, then `parents` given as label, URL, label, URL..., then `current`."""
    crumbs = list(zip(parents[::2], parents[1::2], strict=True))
    return {"crumbs": crumbs, "current": current}


@register.simple_tag(takes_context=True)
def absolute_url(context, path):
    """`path` as a full address on the site's public URL."""
    return absolute(context["request"], path)


@register.simple_tag(takes_context=True)
def share_image(context, meta):
    """The picture link previews show: the page's own, or the site's default."""
    image = getattr(meta, "image", None) or default_image(context["facility"].name)
    return Image(absolute(context["request"], image.url), image.width, image.height, image.alt)


@register.filter
def json_ld(data):
    """A <script type="application/ld+json"> block, safe to put in HTML. A creative
    work says the language it is written in, the page's (schema.org's inLanguage is
    CreativeWork's: an organization says the languages it speaks with knowsLanguage)."""
    if isinstance(data, dict) and data.get("@type") in CREATIVE_WORKS:
        data = {**data, "inLanguage": translation.get_language()}
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    payload = payload.translate(JSON_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')


@register.filter
def machine_time(value):
    """A date or moment as a <time datetime="..."> value, in the site's zone and to the
    second: HTML allows at most three digits of a second, and a saved moment carries six
    (`date:'c'` writes them all)."""
    if value in (None, ""):
        return ""
    if isinstance(value, datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.replace(microsecond=0).isoformat()
    return value.isoformat()


@register.filter
def rich_text(html, stamp=""):
    """Stored rich text, sanitized again as it is shown unless its `SanitizedStamp`
    (`{{ post.body|rich_text:post.body_stamp }}`) says this sanitizer already did."""
    return display_html(html, stamp)


@register.inclusion_tag("includes/picture.html")
def picture(field_file, width, height, alt, sizes="100vw", lazy=True, css_class=""):
    """A responsive <picture>: WebP with a JPEG fallback, in every rendition width."""
    return {
        "picture": Picture.of(field_file, width, height) if field_file else None,
        "original": field_file,
        "alt": alt,
        "sizes": sizes,
        "lazy": lazy,
        "css_class": css_class,
    }
