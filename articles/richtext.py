"""Rich text: the one place that names the editor and the one place that makes HTML safe.

Models use `RichTextField`, a plain `TextField` to the database, so swapping the editor
(django-ckeditor today) changes `editor_widget()` and nothing else, not even a migration.
The editor runs in the browser and is no security boundary: whatever it sends is cleaned
here with an allow-list matching its toolbar.
"""

import re
from html import unescape

import nh3
from django.db import models
from django.utils.html import strip_tags

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
URL_SCHEMES = {"http", "https", "mailto", "tel"}


def sanitize(html):
    """Return `html` keeping only what the editor's toolbar can make."""
    return nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
        # CKEditor 4 sizes images with style="width:..;height:.."; keep just those.
        filter_style_properties={"width", "height"},
    )


# Block tags end a word: without a space "<h2>Detox</h2><p>Care" would read "DetoxCare".
BLOCK_TAG = re.compile(
    r"<(?=/?(?:p|h[1-6]|li|ul|ol|br|hr|blockquote|table|caption|thead|tbody|tfoot|tr|th|td|img)\b)",
    re.IGNORECASE,
)


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
        setattr(model_instance, self.attname, value)
        return value
