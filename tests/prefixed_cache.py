"""The production Redis cache, emptied key prefix by key prefix, for the tests.

Each test starts with an empty cache (conftest.py). django-redis's clear() empties the
whole Redis database, which would also empty, in the middle of their tests, the cache of
the other test processes pytest-xdist runs beside this one and of the servers they
started. Here `clear()` deletes only the keys under this process's own prefix.
"""

from django_redis.cache import RedisCache

from plumbing.cache_backend import FailSoftRedisCache


class _PrefixClearingRedisCache(RedisCache):
    def clear(self):
        # django-redis's delete_pattern() puts the key prefix in front of the pattern.
        self.delete_pattern("*", itersize=1000)
        return True


class PrefixClearingRedisCache(FailSoftRedisCache):
    """FailSoftRedisCache (a failure is a miss) whose clear() keeps to its key prefix."""

    backend = _PrefixClearingRedisCache
