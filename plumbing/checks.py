"""Deployment checks (`manage.py check --deploy`, which docs/deploy.md runs)."""

from pathlib import Path

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.translation, deploy=True)
def translations_compiled(app_configs, **kwargs):
    """Each translation's compiled .mo is there and newer than its .po: without it the
    language's pages show English, and its translated addresses answer 404."""
    errors = []
    for folder in settings.LOCALE_PATHS:
        for po in sorted(Path(folder).glob("*/LC_MESSAGES/django.po")):
            mo = po.with_suffix(".mo")
            if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
                errors.append(
                    checks.Error(
                        f"{mo} is missing or older than {po.name}: pages in that language "
                        "would show English, and its translated addresses would answer 404.",
                        hint="Run `make messages` (it needs msgfmt, from Debian's gettext).",
                        id="plumbing.E001",
                    )
                )
    return errors
