"""What is cached, and what each change in the admin makes stale: the one place for both.

Two things are kept in the cache every process shares (Redis, or without it a table in
the site's database; see CACHES in settings):

- the facility with its hours, which the header and footer of every page show
  (`cached_facility()`, behind `Facility.for_request()`);
- whole pages as anonymous visitors see them (facility/page_cache.py): those in PAGES.

Everything is stored together with the versions of the data "tags" it was built from.
Saving or deleting a record gives its tags (TAGS) new versions, so all that was built
from the old data stops matching at once, on every application server sharing the cache;
nothing has to be found and deleted. Time makes pages stale too: a page listing posts
lives no longer than until the next scheduled post is due (`lifetime()`).
"""

import secrets

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

# What a save or delete of each kind of record changes.
TAGS = {
    "facility.Facility": {"facility"},
    "facility.OpeningHours": {"facility"},
    "facility.Service": {"services"},
    "facility.Page": {"pages"},
    "facility.GalleryPhoto": {"photos"},
    "articles.Post": {"posts"},
    "articles.RecommendedPost": {"posts"},
    "articles.Category": {"categories"},
    settings.AUTH_USER_MODEL: {"posts"},  # posts show their author's name
}

# The pages kept for anonymous visitors, by URL name, with what each shows besides the
# header and footer (the facility, on every page). Pages not listed are never cached:
# the contact form (its CSRF token is each visitor's own), search, the admin.
PAGES = {
    "facility:home": {"posts", "categories", "services", "photos"},
    "facility:services": {"services"},
    "facility:service": {"services"},
    "facility:tour": {"photos"},
    "facility:page": {"pages"},
    "facility:contact_thanks": set(),
    "facility:site_map": {"pages", "services", "categories", "posts"},
    "articles:list": {"posts", "categories"},
    "articles:category": {"posts", "categories"},
    "articles:post": {"posts", "categories"},
    "articles:feed": {"posts", "categories"},
    "articles:atom": {"posts", "categories"},
    "articles:category_feed": {"posts", "categories"},
    "sitemap": {"posts", "categories", "pages", "services"},
}
EVERY_PAGE = {"facility"}

MISSING = object()
_TAG = "tag:"
FACILITY_KEY = "facility"
# Saves replace the cached facility at once; the timeout only bounds how long a change
# made behind Django's back (a restored backup, SQL by hand) can go unseen.
FACILITY_SECONDS = 24 * 3600


def page_tags(url_name):
    """The tags of a cacheable page, or None when the page is never cached."""
    if url_name not in PAGES:
        return None
    return PAGES[url_name] | EVERY_PAGE


def _new_version():
    return secrets.token_hex(8)


def versions(tags, found=None):
    """The current version of each tag, making one up for a tag the cache has lost.

    A version is None only when the cache cannot be reached; nothing is stored then.
    """
    found = cache.get_many([_TAG + tag for tag in tags]) if found is None else found
    current = {tag: found.get(_TAG + tag) for tag in tags}
    lost = [tag for tag, version in current.items() if version is None]
    for tag in lost:
        # add(), not set(): another process may be doing the same; first one wins.
        cache.add(_TAG + tag, _new_version(), timeout=None)
    if lost:
        again = cache.get_many([_TAG + tag for tag in lost])
        current.update({tag: again.get(_TAG + tag) for tag in lost})
    return current


def fetch(key, tags):
    """What is stored under `key` if built from the current versions of `tags`, else
    MISSING; and those versions, to store a fresh value with. One cache round trip."""
    found = cache.get_many([key, *(_TAG + tag for tag in tags)])
    current = versions(tags, found)
    entry = found.get(key)
    if entry is not None and entry[0] == current:
        return entry[1], current
    return MISSING, current


def store(key, built_from, value, timeout):
    """Keep `value`, built from data at the versions `built_from` (read before building)."""
    if None not in built_from.values():
        cache.set(key, (built_from, value), timeout)


def bump(*tags):
    """Make everything built from `tags` stale, now and again once the transaction commits.

    Now, so that this process never serves what it just changed; after the commit, because
    another request may have read the old rows in between and stored them under the
    version of a moment ago.
    """

    def renew():
        cache.set_many({_TAG + tag: _new_version() for tag in tags}, timeout=None)

    renew()
    transaction.on_commit(renew)


def bump_all():
    """Make everything cached stale: after a restore or an upgrade (invalidate_cache)."""
    bump(*set().union(EVERY_PAGE, *TAGS.values(), *PAGES.values()))


def cached_facility():
    """The facility with its hours prefetched, from the cache when it is current."""
    facility, built_from = fetch(FACILITY_KEY, EVERY_PAGE)
    if facility is MISSING:
        Facility = apps.get_model("facility", "Facility")
        facility = Facility.objects.prefetch_related("hours").first()
        store(FACILITY_KEY, built_from, facility, FACILITY_SECONDS)
    return facility


def last_known_facility():
    """The facility as last cached, current or not, without touching the database."""
    entry = cache.get(FACILITY_KEY)
    return entry[1] if entry is not None else None


def lifetime(tags, seconds):
    """How long a page showing `tags` may be kept: `seconds`, or until the next scheduled
    post is due if that is sooner and the page shows posts."""
    if "posts" not in tags:
        return seconds
    Post = apps.get_model("articles", "Post")
    due = Post.objects.scheduled().order_by("pub_date").values_list("pub_date", flat=True)
    due = due.first()
    if due is None:
        return seconds
    return min(seconds, int((due - timezone.now()).total_seconds()) + 1)


def _changed(sender, update_fields=None, **kwargs):
    if update_fields is not None and set(update_fields) <= {"last_login"}:
        return  # a staff login, not a change anyone reads
    bump(*TAGS[sender._meta.label])


def connect():
    """Bump the tags of every record in TAGS when it is saved or deleted."""
    for label in TAGS:
        model = apps.get_model(label)
        uid = f"facility.cache:{label}"
        post_save.connect(_changed, sender=model, dispatch_uid=uid)
        post_delete.connect(_changed, sender=model, dispatch_uid=uid)
