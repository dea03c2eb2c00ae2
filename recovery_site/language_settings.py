"""The site's languages and how model texts are kept per language (settings imports it).

English is the site's own language; Spanish is the second. django-modeltranslation adds a
column per language beside each translated field (`title_en`, `title_es`), registered in
each app's ``translation.py``; docs/languages.md says why that library.
"""

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("es", "Español")]

MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
# Reading a field with no text in the active language gives the English text: the
# short facility and center texts rely on it, and templates mark such text lang="en"
# (plumbing/templatetags/languages.py). Posts, pages and services without their Spanish
# version are never shown in Spanish at all (plumbing/languages.py).
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
