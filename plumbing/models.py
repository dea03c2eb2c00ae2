"""The one table plumbing keeps: rate-limit counters (plumbing/ratelimit.py)."""

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
