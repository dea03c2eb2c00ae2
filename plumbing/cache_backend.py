"""Caches that treat a failure as a miss rather than an error.

Django's caches raise when they cannot reach their store, which would turn a cache outage
into a site outage. Here reads answer their default and writes are dropped, so every page
is built from the database instead. After a failure the Redis cache leaves Redis alone for
a few seconds, so a dead server costs one timeout, not one per request; its first call
after failures replays the invalidations it missed (plumbing/missed_bumps.py).

The Redis cache is django-redis's, which keeps one redis-py client per process and
server; Django's own builds a new client for every operation (some 0.1 ms each, which
a page served from the page cache paid for each of its cache calls).
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.db import DatabaseCache
from django.db import DatabaseError, connections, router, transaction
from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from . import missed_bumps

logger = logging.getLogger(__name__)

# django-redis raises what redis-py raised; ConnectionInterrupted, its own wrapper, in case.
UNREACHABLE = (RedisConnectionError, RedisTimeoutError, ConnectionInterrupted, OSError)


class FailSoft:
    """Every cache operation goes through the backend's `_try()`, which answers
    `fallback` when the store fails; `backend` is the Django cache class that does the
    work."""

    backend = None

    def _call(self, method, *args, **kwargs):
        return getattr(self.backend, method)(self, *args, **kwargs)

    def get(self, key, default=None, version=None):
        return self._try("get", default, key, default, version=version)

    def get_many(self, keys, version=None):
        return self._try("get_many", {}, keys, version=version)

    def has_key(self, key, version=None):
        return self._try("has_key", False, key, version=version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._try("add", False, key, value, timeout, version=version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._try("set", None, key, value, timeout, version=version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._try("set_many", list(data), data, timeout, version=version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._try("touch", False, key, timeout, version=version)

    def delete(self, key, version=None):
        return self._try("delete", False, key, version=version)

    def delete_many(self, keys, version=None):
        return self._try("delete_many", None, keys, version=version)

    def clear(self):
        return self._try("clear", None)

    def incr(self, key, delta=1, version=None):
        result = self._try("incr", None, key, delta, version=version)
        if result is None:
            # As if the key were missing: what Django's caches say when they cannot count.
            raise ValueError(f"Key {key!r} could not be counted: the cache is unreachable.")
        return result


class FailSoftRedisCache(FailSoft, RedisCache):
    backend = RedisCache
    retry_after_seconds = 5.0

    def __init__(self, server, params):
        super().__init__(server, params)
        self._down_until = 0.0
        self._failed = False  # since the last successful call
        self._replaying = False

    def _try(self, method, fallback, *args, **kwargs):
        if time.monotonic() < self._down_until:
            return fallback
        if self._failed and not self._replaying:
            # The first call after failures: what was saved meanwhile is made stale
            # first (plumbing/missed_bumps.py), so no old entry is served.
            self._replaying = True
            try:
                replayed = missed_bumps.replay()
            finally:
                self._replaying = False
            if not replayed:
                return fallback
            self._failed = False
        try:
            return self._call(method, *args, **kwargs)
        except UNREACHABLE as error:
            self._failed = True
            self._down_until = time.monotonic() + self.retry_after_seconds
            logger.warning(
                "Cache unreachable (%s); building pages from the database for %.0f s.",
                error,
                self.retry_after_seconds,
            )
            return fallback

    def reachable(self):
        """Whether Redis answers now, asked even within the pause after a failure; if it
        does, the next call reaches it (and replays first what it missed)."""
        try:
            self._call("has_key", "reachable")
        except UNREACHABLE:
            return False
        self._down_until = 0.0
        return True


class FailSoftDatabaseCache(FailSoft, DatabaseCache):
    """The cache table in the site's own database, shared by every process using it.

    A missing table (a database restored without it) or a failing query is logged and
    taken as a miss: pages are built without the cache, and /healthz says 503.

    Its incr() is a read then a write, which two processes can interleave: counts that
    must hold belong in a model updated in place (plumbing/ratelimit.py).
    """

    backend = DatabaseCache

    def __init__(self, table, params):
        super().__init__(table, params)
        self.table = table

    def _try(self, method, fallback, *args, **kwargs):
        connection = connections[router.db_for_write(self.cache_model_class)]
        try:
            if connection.in_atomic_block:
                # A failed query would spoil the caller's transaction (PostgreSQL): give it
                # a savepoint of its own. Outside one, no transaction is opened for reads.
                with transaction.atomic(using=connection.alias):
                    return self._call(method, *args, **kwargs)
            return self._call(method, *args, **kwargs)
        except DatabaseError as error:
            logger.warning(
                "Cache table %r unusable (%s); building pages without the cache. "
                "`manage.py createcachetable` makes it again if it is missing.",
                self.table,
                error,
            )
            return fallback
