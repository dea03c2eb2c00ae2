"""The site's languages: English at today's addresses, Spanish under /es/.

The public pages are in i18n_patterns without a prefix for English (recovery_site/urls.py),
so English never depends on a visitor's Accept-Language header or cookie. Translations of
the site's own words are in locale/<code>/LC_MESSAGES/django.po; `make` compiles them.
"""

from pathlib import Path

__all__ = ["FORMAT_MODULE_PATH", "LANGUAGES", "LANGUAGE_CODE", "LOCALE_PATHS", "USE_I18N"]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("es", "Español")]
USE_I18N = True
LOCALE_PATHS = [Path(__file__).resolve().parent.parent / "locale"]
# Dates in templates are written `|date:"DATE_FORMAT"`: each language's own way.
FORMAT_MODULE_PATH = ["recovery_site.formats"]
