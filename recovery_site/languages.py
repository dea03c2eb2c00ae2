"""The site's languages: English at today's addresses, Spanish under /es/.

The public pages are in i18n_patterns without a prefix for English (recovery_site/urls.py),
so English never depends on a visitor's Accept-Language header or cookie. Translations of
the site's own words are in locale/<code>/LC_MESSAGES/django.po; `make` compiles them.

Model texts: django-modeltranslation adds a column per language beside each translated
field (`title_en`, `title_es`), registered in each app's ``translation.py``;
docs/languages.md says why that library.
"""

from pathlib import Path

__all__ = [
    "FORMAT_MODULE_PATH",
    "LANGUAGES",
    "LANGUAGE_CODE",
    "LOCALE_PATHS",
    "MODELTRANSLATION_DEFAULT_LANGUAGE",
    "MODELTRANSLATION_FALLBACK_LANGUAGES",
    "USE_I18N",
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("es", "Español")]
USE_I18N = True
LOCALE_PATHS = [Path(__file__).resolve().parent.parent / "locale"]
# Dates in templates are written `|date:"DATE_FORMAT"`: each language's own way.
FORMAT_MODULE_PATH = ["recovery_site.formats"]

MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
# Reading a field with no text in the active language gives the English text: the
# short facility and center texts rely on it, and templates mark such text lang="en"
# (plumbing/templatetags/languages.py). Posts, pages and services without their Spanish
# version are never shown in Spanish at all (plumbing/languages.py).
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
