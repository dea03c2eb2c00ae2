"""Plumbing's tables: rate-limit counters (plumbing/ratelimit.py) and the cache
invalidations the cache missed while it was unreachable (plumbing/missed_bumps.py)."""

from django.db import models


class RateCounter(models.Model):
    """How often one client did one thing in one window of time.

    In the database rather than the cache: every process and server counts together, and
    no amount of page traffic can push a count out of a full cache.
    """

    key = models.CharField(max_length=120, unique=True)
    count = models.PositiveIntegerField(default=0)
    expires = models.DateTimeField(db_index=True)

    def __str__(self):
        return f"{self.key}: {self.count}"


class MissedBump(models.Model):
    """A tag whose new version the cache did not take, because it could not be reached.

    Kept in the database, in the transaction of the save that made the tag stale, and
    replayed into the cache once it answers again (plumbing/missed_bumps.py).
    """

    tag = models.CharField(max_length=100)
    missed_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return self.tag
