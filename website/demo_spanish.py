"""The demo's Spanish versions, from website/demo/es/ when it is there (load_demo runs it).

content.toml in that folder has the English file's structure and key names: [facility];
[[centers]], [[categories]], [[services]], [[pages]] and [[posts]] matched by their
English `slug`; [[staff]] matched by `name`, [[gallery]] by `picture` (else both by their
order). Each entry gives the Spanish of its text keys, and `slug_es` a Spanish address.
Bodies are HTML files beside it, es/<kind>/<english slug>.html. A missing entry, or for a
service, page or post a missing body, means that record has no Spanish version. Records
are matched, never created, and only changed fields are saved: running it again changes
nothing.
"""

import tomllib
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError
from django.utils import translation
from modeltranslation.translator import translator

from articles.models import Category, Post
from facility.models import Center, Facility, GalleryPhoto, Page, Service, StaffProfile

from .demo_periods import fill_periods

SPANISH = "es"
# Demo keys whose model field has another name.
FIELD_NAMES = {"image_alt": "featured_image_alt"}
WITH_BODY = ("services", "pages", "posts")


def read_spanish(folder: Path):
    """The Spanish entries, with each body read from its file; None without the folder."""
    path = folder / "content.toml"
    if not path.exists():
        return None
    try:
        with path.open("rb") as file:
            content = tomllib.load(file)
        for kind in WITH_BODY:
            with_body = []
            for entry in content.get(kind, []):
                body = folder / kind / f"{entry['slug']}.html"
                if body.exists():
                    with_body.append({**entry, "body": body.read_text(encoding="utf-8").strip()})
            content[kind] = with_body
    except tomllib.TOMLDecodeError as error:
        raise CommandError(f"{path} is not valid TOML: {error}") from error
    except (OSError, KeyError) as error:
        raise CommandError(f"Cannot read the Spanish demo content: {error}") from error
    return content


def spanish_values(model, entry, fill: Callable[[str], str] = str):
    """The model's Spanish fields that `entry` gives, as {field_es: text}."""
    translated = set(translator.get_options_for_model(model).all_fields)
    values = {}
    for key, value in entry.items():
        name = FIELD_NAMES.get(key, key)
        if key == f"slug_{SPANISH}":
            values[key] = value
        elif name in translated and name != "slug" and isinstance(value, str):
            values[f"{name}_{SPANISH}"] = fill(value)
    return values


def load_spanish(folder: Path, sync):
    """Give the loaded demo records the Spanish versions in `folder`; the number updated."""
    content = read_spanish(folder)
    if content is None:
        return 0
    with translation.override(settings.MODELTRANSLATION_DEFAULT_LANGUAGE):
        return _load(content, sync)


def _load(content, sync):
    count = 0

    def update(record, values):
        nonlocal count
        if record is not None and values:
            sync(type(record), {"pk": record.pk}, values)
            count += 1

    if "facility" in content:
        update(Facility.objects.first(), spanish_values(Facility, content["facility"]))
    for kind, model in (
        ("centers", Center),
        ("categories", Category),
        ("services", Service),
        ("pages", Page),
        ("posts", Post),
    ):
        for entry in content.get(kind, []):
            # The English slug (the command runs in English: `slug` is slug_en where
            # the slug is translated, the one slug where it is not).
            record = model.objects.filter(slug=entry["slug"]).first()
            update(
                record,
                spanish_values(model, entry, fill_periods),
            )
    for kind, model, key in (("staff", StaffProfile, "name"), ("gallery", GalleryPhoto, None)):
        records = list(model.objects.all())
        for order, entry in enumerate(content.get(kind, [])):
            record = _match(records, model, entry, key, order)
            update(record, spanish_values(model, entry))
    return count


def _match(records, model, entry, key, order):
    if key and key in entry:
        return next((r for r in records if getattr(r, key) == entry[key]), None)
    if model is GalleryPhoto and "picture" in entry:
        name = Path(entry["picture"]).name
        stem = Path(name).stem
        return next((r for r in records if Path(r.image.name).name.startswith(stem)), None)
    return records[order] if order < len(records) else None
