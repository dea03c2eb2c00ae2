"""Deployment checks (`manage.py check --deploy`, which docs/deploy.md runs)."""

import gettext
from pathlib import Path

import polib
from django.conf import settings
from django.core import checks


def untranslated_by_the_compiled_file(po_path, mo_path):
    """The msgids whose translation in the .po the compiled .mo does not give back.

    Compared by content, not by file times: a clock that was moved, a copy or a restore
    can make an outdated .mo look newer than its .po."""
    with open(mo_path, "rb") as compiled:
        catalog = gettext.GNUTranslations(compiled)
    stale = []
    for entry in polib.pofile(str(po_path)).translated_entries():
        if entry.msgid_plural:
            given = [
                catalog.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, n)
                if entry.msgctxt
                else catalog.ngettext(entry.msgid, entry.msgid_plural, n)
                for n in (1, 2)
            ]
            wanted = [entry.msgstr_plural[0], entry.msgstr_plural.get(1, entry.msgstr_plural[0])]
        else:
            given = [
                catalog.pgettext(entry.msgctxt, entry.msgid)
                if entry.msgctxt
                else catalog.gettext(entry.msgid)
            ]
            wanted = [entry.msgstr]
        if given != wanted:
            stale.append(entry.msgid)
    return stale


@checks.register(checks.Tags.translation, deploy=True)
def translations_compiled(app_configs, **kwargs):
    """Each translation's compiled .mo is there and says what its .po says: without it the
    language's pages show English, and its translated addresses answer 404."""
    errors = []
    for folder in settings.LOCALE_PATHS:
        for po in sorted(Path(folder).glob("*/LC_MESSAGES/django.po")):
            mo = po.with_suffix(".mo")
            problem = None
            if not mo.exists():
                problem = "is missing"
            else:
                stale = untranslated_by_the_compiled_file(po, mo)
                if stale:
                    problem = (
                        f"is out of date: {len(stale)} translations of {po.name} are not in "
                        f"it (the first: {stale[0]!r})"
                    )
            if problem:
                errors.append(
                    checks.Error(
                        f"{mo} {problem}: pages in that language would show English or an "
                        "old translation, and its translated addresses could answer 404.",
                        hint="Run `make messages` (it needs msgfmt, from Debian's gettext).",
                        id="plumbing.E001",
                    )
                )
    return errors


@checks.register(checks.Tags.security, deploy=True)
def site_url_set(app_configs, **kwargs):
    """SITE_URL is set wherever the site runs with debug off. The settings refuse to start
    without it over HTTPS; a plain-HTTP host may start, and this says what it costs."""
    if settings.DEBUG or settings.SITE_URL:
        return []
    return [
        checks.Warning(
            "SITE_URL is not set: canonical links, sitemaps, structured data and the links in "
            "staff notifications take the address from each request's Host header, which a "
            "visitor can make up (and a cache in front would keep for everyone).",
            hint="Set SITE_URL to the site's public address, such as https://www.example.org.",
            id="plumbing.W001",
        )
    ]
