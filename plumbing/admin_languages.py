"""Editing a text's versions together: each language's field beside the others.

The admin classes of translated models derive from `TranslatedAdmin`
(django-modeltranslation's plain admin: no tabs, so no jQuery UI from a CDN) and name
their fields through `side_by_side()`: a short text's English and Spanish on one row,
a long one's (the rich-text body, a bio) one under the other, each with its own editor.
"""

from django.conf import settings
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
