"""Rich text: the one place that names the editor and the one place that makes HTML safe.

Models use `RichTextField`, a plain `TextField` to the database, so swapping the editor
(django-ckeditor today) changes `editor_widget()` and nothing else, not even a migration.
The editor runs in the browser and is no security boundary: whatever it sends is cleaned
here on save, with an allow-list matching its toolbar exactly. A `SanitizedStamp` beside
the field records that the stored text came out of this version of the sanitizer; text
shown without a matching stamp (older sanitizer, or changed by another road) is cleaned
again as it is shown.
"""

import re
from html import unescape
from urllib.parse import urlsplit

import nh3
from django.conf import settings
from django.db import models
from django.utils.crypto import salted_hmac
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe

from .languages import active_language, has_text

# Raise it whenever sanitize() changes what it keeps: every stamp made before then stops
# matching, so text cleaned by the older rules is cleaned again when shown (and a data
# migration can re-sanitize and re-stamp the stored rows once, as articles' 0005 does).
SANITIZER_VERSION = 1

# What the toolbar makes (settings.CKEDITOR_CONFIGS["default"]): formats p, h2-h4; bold,
# italic; lists; blockquote; links; images; tables; a horizontal rule.
ALLOWED_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "strong", "em", "b", "i", "ul", "ol", "li",
    "blockquote", "a", "img", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height", "style"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel", "sms"}
EXTERNAL_REL = "noopener noreferrer"

_NUMBER = re.compile(r"\d{1,5}")
_SIZE = re.compile(r"\s*(width|height)\s*:\s*(\d{1,5}(?:\.\d{1,3})?(?:px|%)?)\s*", re.IGNORECASE)
_SCOPES = {"row", "col", "rowgroup", "colgroup"}
_ANCHOR = re.compile(r"<a\b([^>]*)>")
_HREF = re.compile(r'\bhref="([^"]*)"')
_IMG_WITHOUT_SRC = re.compile(r"<img\b(?![^>]*\bsrc=)[^>]*>")

# Block tags end a word: without a space "<h2>Detox</h2><p>Care" would read "DetoxCare".
BLOCK_TAG = re.compile(
    r"<(?=/?(?:p|h[1-6]|li|ul|ol|br|hr|blockquote|table|caption|thead|tbody|tfoot|tr|th|td|img)\b)",
    re.IGNORECASE,
)


def sanitize(html):
    """Return `html` keeping only what the editor's toolbar can make.

    Idempotent: cleaning clean HTML changes nothing, so saved text survives rendering.
    """
    cleaned = nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
        attribute_filter=_filter_attribute,
        filter_style_properties={"width", "height"},
    )
    cleaned = _IMG_WITHOUT_SRC.sub("", cleaned)
    return _ANCHOR.sub(_mark_external, cleaned)


def _filter_attribute(tag, attribute, value):
    """Keep an allowed attribute only when its value is of the expected, harmless kind."""
    if attribute == "src":
        return value if is_our_media(value) else None
    if attribute == "style":
        # Only plain sizes: no expression(), url() or anything else CSS could smuggle.
        sizes = [_SIZE.fullmatch(part) for part in value.split(";") if part.strip()]
        if not sizes or not all(sizes):
            return None
        return ";".join(f"{m.group(1).lower()}:{m.group(2)}" for m in sizes)
    if attribute in {"width", "height", "colspan", "rowspan"}:
        return value if _NUMBER.fullmatch(value) else None
    if attribute == "scope":
        return value if value in _SCOPES else None
    return value


def is_our_media(url):
    """True for an image address in our own uploaded media, and nothing else."""
    parts = urlsplit(unescape(url))
    if parts.scheme not in ("", "http", "https") or ".." in parts.path or "\\" in url:
        return False
    media = urlsplit(settings.MEDIA_URL)
    if media.netloc and (parts.scheme, parts.netloc) == (media.scheme, media.netloc):
        # On object storage (MEDIA_S3_BUCKET): the bucket's (or its CDN's) address.
        return parts.path.startswith(media.path) and not parts.query
    if parts.netloc and parts.netloc != _our_host():
        return False
    if not parts.netloc and (parts.scheme or url.startswith("//")):
        return False
    # On disk; with a bucket, what texts written before the move still point to, kept
    # rather than dropped when they are saved again.
    return parts.path.startswith(settings.LOCAL_MEDIA_URL)


def _our_host():
    return urlsplit(settings.SITE_URL).netloc if settings.SITE_URL else None


def is_external(href):
    parts = urlsplit(unescape(href))
    return bool(parts.netloc) and parts.netloc != _our_host()


def _mark_external(match):
    attributes = match.group(1)
    href = _HREF.search(attributes)
    if href and is_external(href.group(1)):
        return f'<a{attributes} rel="{EXTERNAL_REL}">'
    return match.group(0)


def sanitized_stamp(html):
    """The stamp of text that sanitize() returned: the sanitizer's version and a keyed
    digest of the text, so that text changed by any other road (a raw update, an import)
    or cleaned by an older sanitizer no longer matches it."""
    digest = salted_hmac("plumbing.richtext.sanitized", html or "", algorithm="sha256")
    return f"{SANITIZER_VERSION}:{digest.hexdigest()}"


def display_html(html, stamp=""):
    """Stored rich text, safe to show: cleaned again unless `stamp` vouches for it.

    Pictures in the text load lazily: they sit below the page's title and its own picture.
    """
    if not stamp or stamp != sanitized_stamp(html):
        html = sanitize(html)
    return mark_safe(html.replace("<img ", '<img loading="lazy" decoding="async" '))


def plain_text(html):
    """What a reader sees of `html`, for counting and searching: words, single spaces."""
    return " ".join(unescape(strip_tags(BLOCK_TAG.sub(" <", html or ""))).split())


def editor_widget():
    from ckeditor_uploader.widgets import CKEditorUploadingWidget

    return CKEditorUploadingWidget(config_name="default")


class RichTextField(models.TextField):
    """HTML edited in the site's rich-text editor, sanitized whenever it is saved."""

    def formfield(self, **kwargs):
        # Always the editor, even where the admin would pick its plain textarea.
        return super().formfield(**{**kwargs, "widget": editor_widget()})

    def pre_save(self, model_instance, add):
        value = sanitize(getattr(model_instance, self.attname))
        # Into the instance's own dict, past any descriptor: a field translated per
        # language reads the active language's text (or the fallback's), and writing it
        # back through the descriptor would copy that text into the active language.
        model_instance.__dict__[self.attname] = value
        return value


class SanitizedStamp(models.CharField):
    """Vouches that the rich text in `source` was sanitized by this sanitizer when saved.

    It sanitizes the text itself before stamping it (sanitize() is idempotent), so the
    stamp is right whichever of the two fields Django saves first. Empty means "not
    vouched for": such text is sanitized again whenever it is shown.
    """

    def __init__(self, *args, source="body", **kwargs):
        self.source = source
        kwargs.update(max_length=80, blank=True, default="", editable=False)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        for key in ("max_length", "blank", "default", "editable"):
            kwargs.pop(key, None)
        if self.source != "body":
            kwargs["source"] = self.source
        return name, path, args, kwargs

    def pre_save(self, model_instance, add):
        html = sanitize(getattr(model_instance, self.source))
        setattr(model_instance, self.source, html)
        stamp = sanitized_stamp(html)
        setattr(model_instance, self.attname, stamp)
        return stamp


class StampedBody:
    """Mixin for a model whose translated `body` (django-modeltranslation's `body_en`,
    `body_es`) is stamped on save by a SanitizedStamp per language, named in
    BODY_STAMPS: `rich_body` shows it without sanitizing it again."""

    BODY_STAMPS = {"en": "body_stamp", "es": "body_stamp_es"}

    @property
    def rich_body(self):
        """The body in the active language (English without one), safe to show."""
        code = active_language()
        if code not in self.BODY_STAMPS or not has_text(getattr(self, f"body_{code}", None)):
            code = "en"
        return display_html(getattr(self, f"body_{code}"), getattr(self, self.BODY_STAMPS[code]))
