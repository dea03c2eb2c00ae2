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
from django.db.models import Case, Q, When
from django.http import Http404
from django.shortcuts import redirect
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
        code = active_language(language_code)
        if code == default_language():
            return True
        known = self.__dict__.get(f"in_{code}")  # TranslatedQuerySet.with_languages()
        if known is not None:
            return known
        return all(
            has_text(getattr(self, f"{name}_{code}", None)) for name in self.required_translations
        )


def other_languages() -> list[str]:
    """The codes of the site's languages but the default one."""
    return [code for code, _ in settings.LANGUAGES if code != default_language()]


def no_defaults_but_in_default_language(model, names):
    """A field's default is its default language's text: the other languages' versions
    of it start empty (the translation library copies the default to every language)."""
    for name in names:
        for code in other_languages():
            model._meta.get_field(f"{name}_{code}").default = None


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

    def with_languages(self):
        """Each row says which languages it exists in (`in_es`), read with it: lists that
        ask available_in() of every row cost no query more, nor read the texts."""
        required = self.model.required_translations
        return self.annotate(
            **{
                f"in_{code}": Case(
                    When(available_filter(required, code), then=True),
                    default=False,
                    output_field=models.BooleanField(),
                )
                for code in other_languages()
            }
        )


class TranslatedObjectMixin:
    """For a DetailView: its object is the page's, and the language switcher and the
    hreflang alternates (plumbing/templatetags/languages.py) follow its versions."""

    def get_context_data(self, **kwargs):
        kwargs.setdefault("translated_object", self.object)
        return super().get_context_data(**kwargs)


class InLanguageDetailMixin(TranslatedObjectMixin):
    """A detail view of a translated model, by its slug in the active language.

    In a language the object has no version in (its address there never existed, or its
    text is not all written), the visitor is sent to the default language's page rather
    than shown that language's layout around English text: a temporary redirect, as the
    translation may come. The default language's slug under this language's prefix
    leads to the object's page in this language when it has one. Shown versions cost
    the same queries in every language.
    """

    def get(self, request, *args, **kwargs):
        code = active_language()
        if code == default_language():
            return super().get(request, *args, **kwargs)
        try:
            self.object = self.get_object()
        except Http404:
            self.object = None
        if self.object is not None and self.object.available_in(code):
            return self.render_to_response(self.get_context_data(object=self.object))
        url, permanent = self._default_language_url(code)
        return redirect(url, permanent=permanent)

    def _default_language_url(self, code):
        """Where to send the visitor, and whether for good: the English slug of an object
        with a version in this language has moved for good (301) to that version's
        address; an object not yet translated is shown in English for now (302)."""
        slug = self.kwargs[self.slug_url_kwarg]
        default = default_language()
        found = self.get_queryset().filter(**{f"{self.slug_field}_{default}": slug}).first()
        if found is None and self.object is not None:
            found = self.object
        if found is None:
            raise Http404
        if found.available_in(code) and found is not self.object:
            # The default language's slug under this language's prefix (a menu's link, an
            # edited address): the object's own page in this language.
            return found.get_absolute_url(), True
        with translation.override(default):
            return found.get_absolute_url(), False


class TextVersions(models.Model):
    """When each language's version of a post, page or service last changed.

    The admin stamps the language whose fields a save changed
    (``plumbing.admin_languages.TranslatedAdmin``), so the lists can show which Spanish
    versions are missing or older than their English. One column per language of
    ``settings.LANGUAGES`` (English and Spanish).
    """

    text_changed_en = models.DateTimeField("English text changed", null=True, editable=False)
    text_changed_es = models.DateTimeField("Spanish text changed", null=True, editable=False)

    class Meta:
        abstract = True

    MISSING = "missing"
    OLDER = "older"
    CURRENT = "current"

    def version_state(self, code: str) -> str:
        """ "missing", "older" (its text changed before the English last did) or
        "current", for the version in language `code`."""
        if not self.available_in(code):
            return self.MISSING
        english = getattr(self, f"text_changed_{default_language()}")
        other = getattr(self, f"text_changed_{code}")
        if english and other and other < english:
            return self.OLDER
        if english and other is None:
            return self.OLDER
        return self.CURRENT

    def stamp_changed(self, field_names, now) -> None:
        """Stamp each language one of `field_names` (``title_es``…) belongs to."""
        for code, _ in settings.LANGUAGES:
            if any(name.endswith(f"_{code}") for name in field_names):
                setattr(self, f"text_changed_{code}", now)

    @classmethod
    def state_filter(cls, code: str, state: str) -> Q:
        """The rows whose version in `code` is in `state` (for the admin's filter), given
        the rows already available in that language for OLDER and CURRENT."""
        english = f"text_changed_{default_language()}"
        other = f"text_changed_{code}"
        older = Q(**{f"{other}__lt": models.F(english)}) | Q(
            **{f"{english}__isnull": False, f"{other}__isnull": True}
        )
        return older if state == cls.OLDER else ~older
