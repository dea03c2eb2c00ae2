"""Editing a text's versions together: each language's field beside the others.

The admin classes of translated models derive from `TranslatedAdmin`
(django-modeltranslation's plain admin: no tabs, so no jQuery UI from a CDN) and name
their fields through `side_by_side()`: a short text's English and Spanish on one row,
a long one's (the rich-text body, a bio) one under the other, each with its own editor.
"""

from django.conf import settings
from django.contrib import admin
from django.utils import timezone
from django.utils.html import format_html
from modeltranslation.admin import TranslationAdmin
from modeltranslation.translator import translator

# Texts too long to sit side by side: their versions follow each other.
LONG_TEXTS = {"body", "about", "bio", "description"}


def per_language(name):
    return tuple(f"{name}_{code}" for code, _ in settings.LANGUAGES)


def side_by_side(model, fields):
    """`fields` as admin rows: each translated field's versions together."""
    translated = set(translator.get_options_for_model(model).all_fields)
    rows = []
    for name in fields:
        if name not in translated:
            rows.append(name)
        elif name in LONG_TEXTS:
            rows.extend(per_language(name))
        else:
            rows.append(per_language(name))
    return rows


def prepopulated_per_language(slug, source):
    """Each language's slug made from the same language's title."""
    return {f"{slug}_{code}": [f"{source}_{code}"] for code, _ in settings.LANGUAGES}


class TranslatedAdmin(TranslationAdmin):
    """The admin of a model with a version per language."""

    def save_model(self, request, obj, form, change):
        """Stamp the languages whose texts this save changed (TextVersions)."""
        stamp = getattr(obj, "stamp_changed", None)
        if stamp is not None:
            stamp(form.changed_data, timezone.now())
        super().save_model(request, obj, form, change)


class SpanishVersionFilter(admin.SimpleListFilter):
    """The list narrowed to the rows whose Spanish version is missing, older than the
    English, or current."""

    title = "Spanish version"
    parameter_name = "spanish"
    code = "es"

    def lookups(self, request, model_admin):
        return [
            ("missing", "Missing"),
            ("older", "Older than the English"),
            ("current", "Up to date"),
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if value is None:
            return queryset
        model = queryset.model
        available = model.objects.in_language(self.code).values("pk")
        if value == "missing":
            return queryset.exclude(pk__in=available)
        return queryset.filter(pk__in=available).filter(model.state_filter(self.code, value))


VERSION_BADGES = {
    "missing": ("Missing", "#8a1c1c"),
    "older": ("Older than English", "#8a5a00"),
    "current": ("Up to date", "#1f6b3a"),
}


@admin.display(description="Spanish")
def spanish_version(obj):
    """A badge: whether the Spanish version is missing, older than the English, or current."""
    label, color = VERSION_BADGES[obj.version_state("es")]
    return format_html('<strong style="color: {}">{}</strong>', color, label)
