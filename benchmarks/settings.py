"""Production settings for the benchmark: the reference view on, and with BENCH_CACHE=off
no cache at all (no page cache, no cached facility)."""

import os

from recovery_site.settings import *  # noqa: F403

BENCHMARK = True
if os.environ.get("BENCH_CACHE") == "off":
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    PAGE_CACHE_SECONDS = 0
