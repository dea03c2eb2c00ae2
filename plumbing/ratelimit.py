"""Counting what one client does in a window of time, in the shared cache."""

import hashlib
import time

from django.core.cache import cache

from .client_ip import client_ip


def over_limit(request, scope, limit):
    """Count one more `scope` action by this request's client; True past `limit`.

    `limit` is (count, seconds): fixed windows of `seconds`, counted in the cache, so all
    application servers share them when the cache is Redis. If the cache cannot count,
    the action is allowed: a flood is less harmful than turning away someone asking for
    help.
    """
    count, seconds = limit
    window = int(time.time() // seconds)
    # Addresses are personal data: the cache holds only a digest of them.
    client = hashlib.sha256(client_ip(request).encode()).hexdigest()[:32]
    key = f"ratelimit:{scope}:{client}:{window}"
    cache.add(key, 0, timeout=seconds)
    try:
        return cache.incr(key) > count
    except ValueError:  # the key was evicted, or the cache is down
        return False
