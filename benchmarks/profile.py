"""Where a page's time goes: cProfile over requests built as a page-cache miss.

    .venv/bin/python -m benchmarks.profile [path ...]

Seeds a database of its own as `make bench` does (BENCH_POSTS posts; SQLite unless
DATABASE_URL names PostgreSQL; the shared cache in Redis when REDIS_URL is set), then in
one process with the benchmark's production settings and BENCH_CACHE (default `miss`:
the shared cache on, no page kept, as production builds a page it has not kept;
`off`: no cache at all; see benchmarks/settings.py), requests each path
BENCH_REQUESTS times (default 200) through the whole middleware stack and prints the
CPU time per request, the queries, and the functions that cost most (cumulative and own
time; BENCH_CALLERS="name,name" prints the callers of the functions so named, too). The
paths default to the reference views, the home page, the blog list and a post.
"""

import cProfile
import io
import os
import pstats
import sys
import tempfile
import time

from recovery_site.environment import env_choice, env_int, env_url
from tests.live_gunicorn import ROOT, LiveSite, manage

POSTS = env_int("BENCH_POSTS", 1000, minimum=100)
REQUESTS = env_int("BENCH_REQUESTS", 200, minimum=1)
# BENCH_CALLERS="name,name": also print who called the functions so named, and at what cost.
CALLERS = [name for name in os.environ.get("BENCH_CALLERS", "").split(",") if name]
OURS = (
    r"/(recovery_site|plumbing|facility|articles|inquiries|website)/"
    r"|template/(base|response)\.py.*render|query\.py.*_fetch_all|compiler\.py.*execute_sql"
)
PATHS = ["/bench/ref/", "/", "/blog/", f"/blog/benchmark-post-{POSTS // 2}/", "/admissions/"]


def profile_paths(paths, requests=REQUESTS, lines=25):
    """Run inside Django (benchmarks.settings)."""
    from django.db import connection
    from django.test import Client

    client = Client(SERVER_NAME="localhost")
    for path in paths:
        for _ in range(20):
            assert client.get(path).status_code == 200, path
        queries = []

        def count(run, sql, *args, queries=queries):
            queries.append(sql)
            return run(sql, *args)

        # Counted by a wrapper: Django empties its own query log at each request's start.
        with connection.execute_wrapper(count):
            client.get(path)
        start = time.process_time()
        for _ in range(requests):
            client.get(path)
        cpu = (time.process_time() - start) / requests * 1000
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(requests):
            client.get(path)
        profiler.disable()
        print(f"\n## {path}: {cpu:.2f} ms of CPU a request, {len(queries)} queries\n")
        # Cumulative time of our own code and of Django's big steps, then the costliest
        # functions by their own time.
        for sort, restriction in (("cumulative", OURS), ("tottime", "")):
            out = io.StringIO()
            stats = pstats.Stats(profiler, stream=out).sort_stats(sort)
            stats.print_stats(restriction, lines)
            print(out.getvalue().split("\n", 6)[-1].rstrip().replace(str(ROOT) + "/", ""))
        for name in CALLERS:
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_callers(name)
            print(out.getvalue().split("\n", 4)[-1].rstrip().replace(str(ROOT) + "/", ""))


def main(paths):
    with tempfile.TemporaryDirectory(prefix="recovery-site-profile-") as folder:
        site = LiveSite(
            folder,
            database_url=env_url("DATABASE_URL", schemes=("sqlite", "postgres", "postgresql")),
            redis_url=env_url("REDIS_URL", schemes=("redis", "rediss", "unix")),
            DJANGO_SETTINGS_MODULE="benchmarks.settings",
            BENCH_CACHE=env_choice("BENCH_CACHE", "miss", ("on", "miss", "off")),
        )
        try:
            site.shell(f"from benchmarks.seed import seed; print(seed({POSTS}))")
            code = f"from benchmarks.profile import profile_paths; profile_paths({paths!r})"
            print(manage(site.env, "shell", "-c", code).stdout)
        finally:
            site.remove()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or PATHS))
