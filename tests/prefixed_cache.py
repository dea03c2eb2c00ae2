"""The production Redis cache, emptied key prefix by key prefix, for the tests.

Each test starts with an empty cache (conftest.py). Django's Redis cache empties the
whole Redis database, which would also empty, in the middle of their tests, the cache of
the other test processes pytest-xdist runs beside this one and of the servers they
started. Here `clear()` deletes only the keys under this process's own prefix.
"""

from django.core.cache.backends.redis import RedisCache

from plumbing.cache_backend import FailSoftRedisCache


class _PrefixClearingRedisCache(RedisCache):
    def clear(self):
        client = self._cache.get_client(None, write=True)
        keys = list(client.scan_iter(match=f"{self.key_prefix}:*", count=1000))
        for start in range(0, len(keys), 1000):
            client.delete(*keys[start : start + 1000])
        return True


class PrefixClearingRedisCache(FailSoftRedisCache):
    """FailSoftRedisCache (a failure is a miss) whose clear() keeps to its key prefix."""

    backend = _PrefixClearingRedisCache
