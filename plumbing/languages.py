"""The site's languages, and what a model with a version per language promises.

English is the site's own language and answers at today's addresses; each other language
in ``settings.LANGUAGES`` answers under its prefix (``/es/``). A model whose texts are
translated (registered in its app's ``translation.py``) names in
``required_translations`` the fields that must have text before its version in a
language exists; until then it is not listed in that language, and the language
switcher sends visitors to that language's home page instead.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import translation


def default_language() -> str:
    return settings.LANGUAGE_CODE.split("-")[0]


class Translated:
    """Mixin for models with a version per language.

    ``available_in(code)`` is the one answer to "may this be shown in that language";
    ``get_absolute_url()`` answers in the active language (call it inside
    ``translation.override(code)``).
    """

    required_translations: tuple[str, ...] = ()

    def available_in(self, language_code: str | None = None) -> bool:
        code = active_language(language_code)
        if code == default_language():
            return True
        return all(
            has_text(getattr(self, f"{name}_{code}", None)) for name in self.required_translations
        )


def active_language(language_code: str | None = None) -> str:
    """`language_code`'s base language, or the active one's ("es-mx" -> "es")."""
    return (language_code or translation.get_language() or default_language()).split("-")[0]


def has_text(value) -> bool:
    return value is not None and value != ""


def text_language(instance, field: str, language_code: str | None = None) -> str:
    """The language of the text `instance.<field>` shows: the active language's when it
    has one, else the default language's (the translation library's fallback)."""
    code = active_language(language_code)
    if code == default_language() or has_text(getattr(instance, f"{field}_{code}", None)):
        return code
    return default_language()


def available_filter(fields, language_code: str) -> Q:
    """The rows whose `fields` all have text in `language_code`."""
    condition = Q()
    for name in fields:
        column = f"{name}_{language_code}"
        condition &= Q(**{f"{column}__isnull": False}) & ~Q(**{column: ""})
    return condition


class TranslatedQuerySet(models.QuerySet):
    """The one answer, for lists, to "which of these exist in that language"."""

    def in_language(self, language_code: str | None = None):
        code = active_language(language_code)
        if code == default_language():
            return self
        return self.filter(available_filter(self.model.required_translations, code))
