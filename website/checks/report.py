"""All content with open findings, for the publishers' report on the admin's home.

Checking every post, page and service takes a few milliseconds each, too long to repeat
on every visit to the admin's home: the report is kept in the shared cache under a key
made of what it depends on (the rules, each checked model's count and last change, the published
posts, moved pages, centers, acknowledgements and text stamps, and today's date), read
in a handful of small queries. Any save, a post's date coming, or a new day makes a new
key, so the report is never older than the content."""

import hashlib
import uuid
from collections import Counter
from dataclasses import dataclass
from functools import cache as once

from django.apps import apps
from django.core.cache import cache
from django.db.models import Count, Max
from django.db.models.signals import post_delete, post_save
from django.urls import reverse
from django.utils import timezone

from .content import Context, check, is_open
from .rules import RULES_DIR, summary
from .scope import CHECKED, top_level

CACHE_SECONDS = 24 * 60 * 60


@dataclass(frozen=True)
class Item:
    title: str
    kind: str  # "post", "page", "service"
    url: str
    summary: str
    has_claims: bool


def item(obj, findings):
    meta = obj._meta
    return Item(
        title=str(obj),
        kind=meta.verbose_name,
        url=reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk]),
        summary=summary(Counter(found.kind for found in findings)),
        has_claims=any(found.kind == "claim" for found in findings),
    )


def open_findings(context=None):
    """Each post, page and service with open findings: claims first, then by title."""
    context = context or Context(whole_site=True)
    items = []
    for spec in top_level():
        for obj in spec.model.objects.order_by("pk"):
            found = [f for f in check(obj, context) if is_open(obj, f, context)]
            if found:
                items.append(item(obj, found))
    items.sort(key=lambda entry: (not entry.has_claims, entry.title.lower()))
    return items


@once
def rules_version():
    return hashlib.sha256(b"".join(p.read_bytes() for p in sorted(RULES_DIR.glob("*.toml"))))


TOKEN_KEY = "checks-report:token"


def changed(**kwargs):
    """Any save or deletion of a checked row makes the report's key new: not every model
    has a time of last change to read."""
    cache.set(TOKEN_KEY, uuid.uuid4().hex, None)


def connect():
    for spec in CHECKED.values():
        uid = f"checks-report:{spec.label}"
        post_save.connect(changed, sender=spec.model, dispatch_uid=uid)
        post_delete.connect(changed, sender=spec.model, dispatch_uid=uid)


def state():
    """What the report depends on, read cheaply."""
    parts = [rules_version().hexdigest(), timezone.localdate().isoformat(), cache.get(TOKEN_KEY)]
    for spec in CHECKED.values():
        parts.append(spec.model.objects.aggregate(n=Count("pk"), last=Max("pk")))
    Post = apps.get_model("articles.Post")
    parts.append(Post.objects.published().count())
    for label, field in [
        ("website.MovedPage", "created"),
        ("website.ClaimAcknowledgement", "id"),
        ("website.TextChange", "changed"),
        ("facility.Page", "updated"),
        ("articles.Post", "updated"),
    ]:
        parts.append(apps.get_model(label).objects.aggregate(n=Count("pk"), last=Max(field)))
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def cached_open_findings():
    key = f"checks-report:{state()}"
    items = cache.get(key)
    if items is None:
        items = open_findings()
        cache.set(key, items, CACHE_SECONDS)
    return items
