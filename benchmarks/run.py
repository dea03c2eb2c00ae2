"""`make bench`: 1,000 posts, gunicorn with 2 workers, wrk at 8 connections.

Measures requests per second, p50 and p99 latency and the page's size for the home page,
the blog list, a post, the contact page and a reference view that answers a short fixed
text through the same stack; each page also as a ratio of the reference's rate. Once with
every cache off, once with it on. Prints a Markdown table for docs/performance.md.

The machine is shared and its speed drifts, so each page is measured in rounds, each
right after a run of the reference, and a ratio is the median of the rounds' ratios;
the other figures are medians too, but errors, which are added up.

Runs on SQLite unless DATABASE_URL names PostgreSQL; uses Redis when REDIS_URL is set.
BENCH_SECONDS sets each run's length (default 5), BENCH_ROUNDS the rounds (default 3).
"""

import json
import os
import platform
import subprocess
import sys
import tempfile
import urllib.request
from statistics import median

from recovery_site.environment import env_int, env_url
from tests.live_gunicorn import ROOT, Gunicorn, LiveSite

CONNECTIONS = 8
THREADS = 2
WORKERS = 2
SECONDS = env_int("BENCH_SECONDS", 5, minimum=1)
ROUNDS = env_int("BENCH_ROUNDS", 3, minimum=1)
PAGES = {
    "reference": "/bench/ref/",
    "home": "/",
    "blog list": "/blog/",
    "post": "/blog/benchmark-post-500/",
    "contact": "/contact/",
}
TARGETS = "post ≥ 0.10 of the reference without cache; home, blog list, post ≥ 0.50 with it"


def wrk(url):
    result = subprocess.run(
        [
            "wrk",
            f"-t{THREADS}",
            f"-c{CONNECTIONS}",
            f"-d{SECONDS}s",
            "--latency",
            "-s",
            str(ROOT / "benchmarks" / "report.lua"),
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=SECONDS + 60,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def page_size(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return len(response.read())


def run(url):
    stats = wrk(url)
    stats["rate"] = stats["requests"] / (stats["duration_us"] / 1e6)
    return stats


def summary(runs, ratios=None):
    return {
        "rate": median(r["rate"] for r in runs),
        "p50": median(r["p50_us"] for r in runs) / 1000,
        "p99": median(r["p99_us"] for r in runs) / 1000,
        "errors": sum(r["errors"] for r in runs),
        "ratio": median(ratios) if ratios else 1.0,
    }


def measure(site, cache):
    pages = {name: [] for name in PAGES}
    ratios = {name: [] for name in PAGES}
    with Gunicorn(site.env, workers=WORKERS, BENCH_CACHE=cache) as server:
        for path in PAGES.values():
            for _ in range(20):  # warm up: templates loaded, connections open, cache filled
                page_size(server.url + path)
        for _ in range(ROUNDS):
            for name, path in PAGES.items():
                if name == "reference":
                    continue
                reference = run(server.url + PAGES["reference"])
                page = run(server.url + path)
                pages["reference"].append(reference)
                pages[name].append(page)
                ratios[name].append(page["rate"] / reference["rate"])
        sizes = {name: page_size(server.url + path) for name, path in PAGES.items()}
    return {
        name: {**summary(runs, ratios[name]), "size": sizes[name]} for name, runs in pages.items()
    }


def table(results):
    lines = [
        "| cache | page | req/s | ratio to reference | p50 ms | p99 ms | bytes | errors |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for cache, rows in results.items():
        for name, row in rows.items():
            lines.append(
                f"| {cache} | {name} | {row['rate']:.0f} | {row['ratio']:.2f} "
                f"| {row['p50']:.1f} | {row['p99']:.1f} | {row['size']:,} | {row['errors']} |"
            )
    return "\n".join(lines)


def main():
    database_url = env_url("DATABASE_URL", schemes=("sqlite", "postgres", "postgresql"))
    redis_url = env_url("REDIS_URL", schemes=("redis", "rediss", "unix"))
    load_before = " ".join(f"{n:.1f}" for n in os.getloadavg())
    with tempfile.TemporaryDirectory(prefix="recovery-site-bench-") as folder:
        print("Setting up: migrate, collect static files, 1,000 posts...", flush=True)
        site = LiveSite(
            folder,
            database_url=database_url,
            redis_url=redis_url,
            DJANGO_SETTINGS_MODULE="benchmarks.settings",
        )
        try:
            total = site.shell("from benchmarks.seed import seed; print(seed(1000))")
            results = {}
            for cache in ["off", "on"]:
                print(f"Measuring with the cache {cache}...", flush=True)
                results[cache] = measure(site, cache)
        finally:
            site.remove()
    database = "PostgreSQL" if database_url.startswith("postgres") else "SQLite"
    cache_store = "Redis" if redis_url else "local memory"
    print()
    print(
        f"{total} posts, {database}, cache in {cache_store}; gunicorn {WORKERS} workers; "
        f"wrk {THREADS} threads, {CONNECTIONS} connections, {ROUNDS} rounds of {SECONDS} s; "
        f"{os.cpu_count()} cores, Python {platform.python_version()}; "
        f"load average before: {load_before}."
    )
    print(f"Targets: {TARGETS}.")
    print()
    print(table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
