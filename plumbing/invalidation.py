"""What is cached, and what each change in the admin makes stale: the one place for both.

Two things are kept in the cache every process shares (Redis, or without it a table in
the site's database; see CACHES in settings):

- the facility with its hours, which the header and footer of every page show
  (`cached_facility()`, behind `Facility.for_request()`, in facility/caching.py);
- whole pages as anonymous visitors see them (plumbing/page_cache.py): those in PAGES.

Everything is stored together with the versions of the data "tags" it was built from.
Saving or deleting a record gives its tags (TAGS) new versions, so all that was built
from the old data stops matching at once, on every application server sharing the cache;
nothing has to be found and deleted. Time makes pages stale too: a page listing posts
lives no longer than until the next scheduled post is due (`lifetime()`; the moments
are kept in the cache too, with the versions, by `current()`).

This module knows no app: each app says in its AppConfig.ready() which of its models
bump which tags (`track()`), which of its pages may be kept and what they show
(`cache_pages()`), and when its data goes stale by itself (`expires_when()`). The
rules of every app are in its own `caching.py`.
"""

from django.apps import apps
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from . import edge, missed_bumps
from .tag_versions import key as tag_key
from .tag_versions import new_version, new_versions

# What a save or delete of each kind of record changes (track()).
TAGS = {}

# The pages kept for anonymous visitors, by URL name, with what each shows besides the
# header and footer (EVERY_PAGE, on every page). Pages not listed are never cached:
# the contact form (its CSRF token is each visitor's own), search, the admin.
PAGES = {}
EVERY_PAGE = set()
# The query parameter that numbers the pages of a paged list, by URL name (cache_pages()).
PAGE_NUMBER = {}

# For a tag, functions giving the moment its data next changes by itself, or None.
EXPIRY = {}

MISSING = object()


def track(label, tags):
    """Bump `tags` whenever a record of the model `label` ("app.Model") is saved or
    deleted. Call it from an AppConfig.ready(); tags given for one model add up."""
    TAGS.setdefault(label, set()).update(tags)
    connect()


def cache_pages(pages, every_page=(), paged=None):
    """Keep the pages `pages` names ({URL name: tags it shows}); `every_page`: the tags
    that every page shows, in its header or footer; `paged`: {URL name: the query
    parameter its page number is read from}, the only parameter that makes a new entry."""
    PAGES.update({name: set(tags) for name, tags in pages.items()})
    EVERY_PAGE.update(every_page)
    PAGE_NUMBER.update(paged or {})


def expires_when(tag, next_change):
    """Keep what shows `tag` no longer than until `next_change()`, a datetime or None."""
    EXPIRY.setdefault(tag, []).append(next_change)


def page_tags(url_name):
    """The tags of a cacheable page, or None when the page is never cached."""
    if url_name not in PAGES:
        return None
    return PAGES[url_name] | EVERY_PAGE


def versions(tags, found=None):
    """The current version of each tag, making one up for a tag the cache has lost.

    A version is None only when the cache cannot be reached; nothing is stored then.
    """
    found = cache.get_many([tag_key(tag) for tag in tags]) if found is None else found
    current = {tag: found.get(tag_key(tag)) for tag in tags}
    lost = [tag for tag, version in current.items() if version is None]
    for tag in lost:
        # add(), not set(): another process may be doing the same; first one wins.
        cache.add(tag_key(tag), new_version(), timeout=None)
    if lost:
        again = cache.get_many([tag_key(tag) for tag in lost])
        current.update({tag: again.get(tag_key(tag)) for tag in lost})
    return current


def fetch(key, tags):
    """What is stored under `key` if built from the current versions of `tags`, else
    MISSING; and those versions, to store a fresh value with. One cache round trip."""
    found = cache.get_many([key, *(tag_key(tag) for tag in tags)])
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
    version of a moment ago. The edge (plumbing/edge.py) is purged after the commit.
    """

    def renew():
        if cache.set_many(new_versions(tags), timeout=None):
            # Not taken (the cache is unreachable): kept in the database, replayed later.
            missed_bumps.missed(tags)

    def committed():
        renew()
        edge.purge(tags)

    renew()
    transaction.on_commit(committed)


def bump_all():
    """Make everything cached stale: after a restore or an upgrade (invalidate_cache)."""
    bump(*set().union(EVERY_PAGE, *TAGS.values(), *PAGES.values()))


NEXT_CHANGES_KEY = "next-changes"
# How long the next changes are kept at most when none is due sooner.
NEXT_CHANGES_SECONDS = 3600


def every_tag():
    """Every tag a save can bump or a page can show."""
    return set().union(EVERY_PAGE, EXPIRY, *TAGS.values(), *PAGES.values())


def current():
    """(the version of every tag, {tag: the next moment its data changes by itself, or
    None}) in one round trip to the cache, however many tags there are.

    The moments are worked out once and kept with the versions of every tag they were
    worked out from (the next opening of a center depends on its hours, which bump
    another tag than the one the moment is for), until the first of them is due: a
    page-cache miss or a fragment's key then costs no query. They are worked out again
    after any save, once one is past, or if the clock reads earlier than when they were.
    """
    tags = every_tag()
    entry, built_from = fetch(NEXT_CHANGES_KEY, tags)
    now = timezone.now()
    if entry is not MISSING:
        worked_out_at, moments = entry
        if worked_out_at <= now and all(due is None or now < due for due in moments.values()):
            return built_from, moments
    moments = {tag: earliest(tag) for tag in EXPIRY}
    seconds = NEXT_CHANGES_SECONDS
    for due in moments.values():
        if due is not None:
            seconds = max(1, min(seconds, int((due - now).total_seconds()) + 1))
    store(NEXT_CHANGES_KEY, built_from, (now, moments), seconds)
    return built_from, moments


def earliest(tag):
    """The next moment the data `tag` shows changes by itself, or None: asked of each of
    the functions expires_when() gave for it."""
    moments = [next_change() for next_change in EXPIRY.get(tag, ())]
    moments = [moment for moment in moments if moment is not None]
    return min(moments) if moments else None


def lifetime(tags, seconds):
    """How long a page showing `tags` may be kept: `seconds`, or until its data changes by
    itself (a scheduled post becomes public, say) if that is sooner."""
    moments = current()[1]
    for tag in tags:
        due = moments.get(tag)
        if due is not None:
            seconds = min(seconds, int((due - timezone.now()).total_seconds()) + 1)
    return seconds


def _changed(sender, update_fields=None, **kwargs):
    if update_fields is not None and set(update_fields) <= {"last_login"}:
        return  # a staff login, not a change anyone reads
    bump(*TAGS[sender._meta.label])


def connect():
    """Bump the tags of every record in TAGS when it is saved or deleted."""
    for label in TAGS:
        model = apps.get_model(label)
        uid = f"plumbing.invalidation:{label}"
        post_save.connect(_changed, sender=model, dispatch_uid=uid)
        post_delete.connect(_changed, sender=model, dispatch_uid=uid)
