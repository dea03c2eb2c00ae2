"""Production settings for the benchmark, with the reference view on. BENCH_CACHE says
which caches run: `on` as in production; `miss`, the shared cache on (the facility,
the fragments) but no page kept, so that every request builds its page as a page-cache
miss does; `off`, no cache at all (no page cache, no cached facility)."""

from recovery_site.environment import env_choice
from recovery_site.settings import *  # noqa: F403

BENCHMARK = True
BENCH_CACHE = env_choice("BENCH_CACHE", "on", ("on", "miss", "off"))
if BENCH_CACHE == "off":
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    PAGE_CACHE_SECONDS = 0
elif BENCH_CACHE == "miss":
    PAGE_CACHE_SECONDS = 0
