"""Cache invalidations that survive an outage of the cache they invalidate.

A save makes its tags stale by giving them new versions in the cache (plumbing/invalidation.py).
With Redis unreachable that write is lost, while Redis keeps the old versions and the
pages built from them: once it answers again, every visitor would be shown what was there
before the save, until the entries expire. So a bump the cache did not take is written
down in the database (`MissedBump`), in the transaction of the save itself, and replayed,
new versions for those tags, before anything is served from the cache again:

- by the process that saved, from a thread that asks the cache every 50 ms whether it
  answers (no database query until it does), then replays (a worker may get no request
  for a while);
- by every process whose cache calls failed, on its first successful one after, before
  that call's answer is used (plumbing/cache_backend.py calls `replay()`).

A process that saw no failure (it had no request during the outage) cannot know, and may
serve the old page in the 50 ms or so before the saving process notices the cache is back
and replays: closing that gap would cost every page-cache hit a database query, and the
site must serve cached pages while the database hangs. Page-cache hits cost no database
query: only the first cache call after a failure reads this table.

The editor is told: a save in the admin whose bump was missed gets a warning message
(`MissedBumpMessageMiddleware`).
"""

import logging
import threading
import time

from django.contrib import messages
from django.core.cache import cache
from django.db import DatabaseError, transaction
from django.utils.translation import gettext as _

from .tag_versions import new_versions

logger = logging.getLogger(__name__)

RETRY_SECONDS = 0.05
# The replaying thread gives up after this long; processes replay on reconnection anyway.
RETRY_FOR_SECONDS = 24 * 3600

_this_request = threading.local()
_retrying = threading.Lock()


def missed(tags):
    """The cache did not take new versions of `tags`: write them down, to be replayed."""
    from .models import MissedBump

    _this_request.missed = True
    if getattr(cache, "reachable", None) is None:
        # The cache is the database's own table (or memory): an entry it failed to
        # replace is one it cannot serve either, and a remade table starts empty.
        return
    try:
        MissedBump.objects.bulk_create([MissedBump(tag=tag) for tag in tags])
    except DatabaseError:
        # The database is failing too: so is the save, which rolls back with this.
        logger.exception("Could not write down the cache invalidation of %s.", sorted(tags))
        raise
    logger.warning("Cache unreachable: invalidation of %s kept to replay.", sorted(tags))
    transaction.on_commit(retry_until_replayed)


def replay():
    """Give every tag written down a new version in the cache; True when none is left.

    Called by the cache backend on its first successful call after failures, and by the
    retrying thread. Rows are deleted only once the cache has taken the new versions.
    """
    from .models import MissedBump

    try:
        rows = list(MissedBump.objects.values_list("pk", "tag")[:1000])
        if not rows:
            return True
        tags = {tag for _, tag in rows}
        if cache.set_many(new_versions(tags), timeout=None):
            return False  # not taken: the rows stay for the next try
        MissedBump.objects.filter(pk__in=[pk for pk, _ in rows]).delete()
    except DatabaseError:
        logger.exception("Could not replay the missed cache invalidations yet.")
        return False
    logger.warning("Cache reachable again: replayed the invalidation of %s.", sorted(tags))
    return len(rows) < 1000 and replay()


def retry_until_replayed():
    """Start, once per process, a thread replaying as soon as the cache answers."""
    if not _retrying.acquire(blocking=False):
        return  # one is running already

    def retry():
        try:
            deadline = time.monotonic() + RETRY_FOR_SECONDS
            while time.monotonic() < deadline:
                time.sleep(RETRY_SECONDS)
                if cache.reachable() and replay():
                    return
        finally:
            _retrying.release()

    threading.Thread(target=retry, name="missed-bumps", daemon=True).start()


class MissedBumpMessageMiddleware:
    """Tells staff when a change they saved could not reach the cache yet. Inside
    MessageMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        _this_request.missed = False
        response = self.get_response(request)
        if _this_request.missed and request.user.is_authenticated and request.user.is_staff:
            messages.warning(
                request,
                _(
                    "Your change is saved, but the cache could not be reached: visitors "
                    "will see it as soon as the cache answers again, by itself."
                ),
            )
        _this_request.missed = False
        return response
