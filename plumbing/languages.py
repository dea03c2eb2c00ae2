"""The site's languages, and what a model with a version per language promises.

English is the site's own language and answers at today's addresses; each other language
in ``settings.LANGUAGES`` answers under its prefix (``/es/``). A model whose texts are
translated (registered in its app's ``translation.py``) names in
``required_translations`` the fields that must have text before its version in a
language exists; until then it is not listed in that language, and the language
switcher sends visitors to that language's home page instead.
"""

from django.conf import settings
from django.urls import get_script_prefix
from django.utils import translation


def default_language() -> str:
    return settings.LANGUAGE_CODE.split("-")[0]


def home_path(language_code: str | None = None) -> str:
    """The home page in that language (the active one by default): the site's root, or
    /<code>/ under it."""
    code = (language_code or translation.get_language() or "").split("-")[0]
    prefix = get_script_prefix()
    return prefix if not code or code == default_language() else f"{prefix}{code}/"


class Translated:
    """Mixin for models with a version per language.

    ``available_in(code)`` is the one answer to "may this be shown in that language";
    ``get_absolute_url()`` answers in the active language (call it inside
    ``translation.override(code)``).
    """

    required_translations: tuple[str, ...] = ()

    def available_in(self, language_code: str | None = None) -> bool:
        code = (language_code or translation.get_language() or "").split("-")[0]
        if not code or code == default_language():
            return True
        return all(getattr(self, f"{name}_{code}", None) for name in self.required_translations)


class TranslatedObjectMixin:
    """For a DetailView: its object is the page's, and the language switcher and the
    hreflang alternates (plumbing/templatetags/language_tags.py) follow its versions."""

    def get_context_data(self, **kwargs):
        kwargs.setdefault("translated_object", self.object)
        return super().get_context_data(**kwargs)
