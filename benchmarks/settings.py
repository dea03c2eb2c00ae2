"""Production settings for the benchmark: the reference view on, and with BENCH_CACHE=off
no cache at all (no page cache, no cached facility)."""

from recovery_site.environment import env_choice
from recovery_site.settings import *  # noqa: F403

BENCHMARK = True
if env_choice("BENCH_CACHE", "on", ("on", "off")) == "off":
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    PAGE_CACHE_SECONDS = 0
