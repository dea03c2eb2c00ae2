"""`make bench`: posts (1,000 by default), gunicorn with 2 workers, wrk at 8 connections.

Measures requests per second, p50 and p99 latency and the page's size for the home page,
the blog list, a post, the contact page and two references: our stack's reference view (a
short fixed text through our whole middleware stack) and the bare reference, a Django
project with nothing of ours (benchmarks/bare/), served by its own gunicorn with the same
workers. Each page's rate is given as a ratio to both. Once with every cache off, once
with it on, where the post is measured through Varnish too (the edge: the shipped VCL,
when varnishd is installed), with Varnish's hit ratio over those runs; then search's
median time and the workers' memory over 10,000 mixed requests.

The machine is shared and its speed drifts, so each page is measured in rounds, each
right after a run of both references, and a ratio is the median of the rounds' ratios;
the other figures are medians too, but errors, which are added up.

Runs on SQLite unless DATABASE_URL names PostgreSQL; uses Redis when REDIS_URL is set.
BENCH_SECONDS sets each run's length (default 5), BENCH_ROUNDS the rounds (default 3),
BENCH_POSTS the posts (default 1,000; 10,000 for the scale check).
"""

import contextlib
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from statistics import median

from recovery_site.environment import env_int, env_url
from tests.live_gunicorn import ROOT, Gunicorn, LiveSite

CONNECTIONS = 8
THREADS = 2
WORKERS = 2
SECONDS = env_int("BENCH_SECONDS", 5, minimum=1)
ROUNDS = env_int("BENCH_ROUNDS", 3, minimum=1)
POSTS = env_int("BENCH_POSTS", 1000, minimum=100)
PAGES = {
    "reference": "/bench/ref/",
    "home": "/",
    "blog list": "/blog/",
    "post": f"/blog/benchmark-post-{POSTS // 2}/",
    "contact": "/contact/",
}
SEARCHES = ["cravings", "family visit", "benchmark routine", "detox", "sleep walks"]
MIXED_REQUESTS = 10_000
# gunicorn's log (its errors and the access log): what to read when a run fails.
LOG = os.path.join(tempfile.gettempdir(), "recovery-site-bench-gunicorn.log")
TARGETS = (
    "cache off: home, blog list, post ≥ 0.10 of bare, p99 < 50 ms; cache on: ≥ 0.60 of bare; "
    "reference ≥ 0.75 of bare; search median < 50 ms; post via the edge ≥ 5 × bare, "
    "hit ratio ≥ 99 %, purge to fresh < 1 s"
)


def wrk(url, seconds=SECONDS, script="report.lua"):
    result = subprocess.run(
        [
            "wrk",
            f"-t{THREADS}",
            f"-c{CONNECTIONS}",
            f"-d{seconds}s",
            "--latency",
            "-s",
            str(ROOT / "benchmarks" / script),
            url,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 60,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read()
    except urllib.error.HTTPError as error:
        raise RuntimeError(f"{url} answered {error.code}; gunicorn's log: {LOG}") from error


def run(url):
    stats = wrk(url)
    stats["rate"] = stats["requests"] / (stats["duration_us"] / 1e6)
    return stats


def summary(runs, to_bare, to_reference):
    return {
        "rate": median(r["rate"] for r in runs),
        "p50": median(r["p50_us"] for r in runs) / 1000,
        "p99": median(r["p99_us"] for r in runs) / 1000,
        "errors": sum(r["errors"] for r in runs),
        "to_bare": median(to_bare),
        "to_reference": median(to_reference) if to_reference else 1.0,
    }


def measure(site, bare, cache):
    """The pages' rows, search's times and, with the cache on and varnishd installed, the
    post through Varnish with the shipped VCL (the edge) and its hit ratio."""
    names = ["bare", *PAGES]
    runs = {name: [] for name in names}
    to_bare = {name: [] for name in names}
    to_reference = {name: [] for name in names}
    # Behind Varnish, the site takes the port from its X-Forwarded-Port (as make serve).
    with (
        Gunicorn(
            site.env,
            workers=WORKERS,
            log_path=LOG,
            BENCH_CACHE=cache,
            DJANGO_TRUSTED_PROXY_COUNT="1",
        ) as server,
        edge_in_front(server, cache) as edge,
    ):
        pages = dict(PAGES)
        if edge is not None:
            pages[EDGE_ROW] = edge.url + PAGES["post"]
            names.append(EDGE_ROW)
            for table_ in (runs, to_bare, to_reference):
                table_[EDGE_ROW] = []
        url = {
            name: path if path.startswith("http") else server.url + path
            for name, path in pages.items()
        }
        for name in pages:
            for _ in range(20):  # warm up: templates loaded, connections open, cache filled
                fetch(url[name])
        for _ in range(20):
            fetch(server.url + "/search/?q=cravings")
        before = edge_counts(edge)
        for _ in range(ROUNDS):
            for name in pages:
                if name == "reference":
                    continue
                bare_run = run(bare.url + "/")
                reference = run(url["reference"])
                page = run(url[name])
                runs["bare"].append(bare_run)
                runs["reference"].append(reference)
                runs[name].append(page)
                to_bare["bare"].append(1.0)
                to_bare["reference"].append(reference["rate"] / bare_run["rate"])
                to_bare[name].append(page["rate"] / bare_run["rate"])
                to_reference[name].append(page["rate"] / reference["rate"])
        hit_ratio = edge_hit_ratio(before, edge_counts(edge))
        purge_times = purge_to_fresh(site, edge) if edge is not None else None
        sizes = {name: len(fetch(url[name])) for name in pages}
        sizes["bare"] = len(fetch(bare.url + "/"))
        search = search_times(server.url)
    rows = {
        name: {**summary(runs[name], to_bare[name], to_reference[name]), "size": sizes[name]}
        for name in names
    }
    rows["bare"]["to_reference"] = None
    if hit_ratio is not None:
        rows[EDGE_ROW]["hit_ratio"] = hit_ratio
    if purge_times:
        rows[EDGE_ROW]["purge_to_fresh"] = purge_times
    return rows, search


PURGES = 20
# Saves the post PURGES times, as the admin does (a save, its commit, its purge), and
# after each asks the edge for the post until it shows the new title: seconds each took.
PURGE_CODE = """
import json, time, urllib.request
from articles.models import Post
post = Post.objects.get(slug=SLUG)
url = EDGE + post.get_absolute_url()
times = []
for n in range(PURGES):
    title = f"Benchmark purge {n} {time.time()}"
    started = time.perf_counter()
    post.title = title
    post.save()
    while title not in urllib.request.urlopen(url, timeout=10).read().decode():
        time.sleep(0.005)
    times.append(time.perf_counter() - started)
print(json.dumps(times))
"""


def purge_to_fresh(site, edge):
    """Seconds from a save to the edge serving it, PURGES times."""
    slug = PAGES["post"].strip("/").split("/")[-1]
    code = (
        PURGE_CODE.replace("SLUG", repr(slug))
        .replace("EDGE", repr(edge.url))
        .replace("PURGES", str(PURGES))
    )
    env = {**site.env, "EDGE_PURGE_URLS": edge.url}
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


EDGE_ROW = "post via the edge"


@contextlib.contextmanager
def edge_in_front(server, cache):
    """Varnish with the shipped VCL in front of `server`, when the cache is on and
    varnishd is installed; else None."""
    if cache != "on" or shutil.which("varnishd") is None:
        yield None
        return
    from tests.live_varnish import Varnish

    with Varnish(server.port) as edge:
        yield edge


def edge_counts(edge):
    """Varnish's (hits, misses) so far, from varnishstat."""
    if edge is None:
        return None
    result = subprocess.run(
        ["varnishstat", "-n", str(edge.folder / "work"), "-1", "-j"],
        capture_output=True,
        text=True,
        check=True,
        timeout=30,
    )
    counters = json.loads(result.stdout)
    counters = counters.get("counters", counters)
    return counters["MAIN.cache_hit"]["value"], counters["MAIN.cache_miss"]["value"]


def edge_hit_ratio(before, after):
    if before is None:
        return None
    hits, misses = after[0] - before[0], after[1] - before[1]
    return hits / (hits + misses) if hits + misses else None


def search_times(url, repeat=10):
    """Median and slowest time of one search, one request at a time, in ms."""
    times = []
    for _ in range(repeat):
        for words in SEARCHES:
            start = time.perf_counter()
            fetch(f"{url}/search/?q={urllib.parse.quote(words)}")
            times.append((time.perf_counter() - start) * 1000)
    return median(times), max(times)


def resident_kb(pids):
    sizes = []
    for pid in pids:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    sizes.append(int(line.split()[1]))
    return sizes


def memory(site):
    """Each worker's resident size (kB) once every page of the mix has been built a few
    times, then after each 5,000 more mixed requests up to 10,000; the cache off."""
    with Gunicorn(site.env, workers=WORKERS, log_path=LOG, BENCH_CACHE="off") as server:
        wrk(server.url, seconds=3, script="mixed.lua")
        pids = server.worker_pids()
        sizes = [resident_kb(pids)]
        done = 0
        while done < MIXED_REQUESTS:
            done += wrk(server.url, seconds=5, script="mixed.lua")["requests"]
            if done >= MIXED_REQUESTS / 2 * len(sizes):
                sizes.append(resident_kb(pids))
        same_workers = server.worker_pids() == pids
    return sizes, done, same_workers


def table(results):
    lines = [
        "| cache | page | req/s | to bare | to reference | p50 ms | p99 ms | bytes | errors |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    hit_ratios = []
    for cache, rows in results.items():
        for name, row in rows.items():
            if "hit_ratio" in row:
                hit_ratios.append(f"{name}: hit ratio {row['hit_ratio']:.2%} at the edge")
            if "purge_to_fresh" in row:
                times = sorted(row["purge_to_fresh"])
                hit_ratios.append(
                    f"{name}: from a save to the edge serving it, over {len(times)} saves: "
                    f"median {median(times) * 1000:.0f} ms, slowest {times[-1] * 1000:.0f} ms"
                )
            to_reference = "" if row["to_reference"] is None else f"{row['to_reference']:.2f}"
            lines.append(
                f"| {cache} | {name} | {row['rate']:.0f} | {row['to_bare']:.3f} "
                f"| {to_reference} | {row['p50']:.1f} | {row['p99']:.1f} | {row['size']:,} "
                f"| {row['errors']} |"
            )
    return "\n".join(lines + (["", *hit_ratios] if hit_ratios else []))


def load():
    return " ".join(f"{n:.1f}" for n in os.getloadavg())


def main():
    database_url = env_url("DATABASE_URL", schemes=("sqlite", "postgres", "postgresql"))
    redis_url = env_url("REDIS_URL", schemes=("redis", "rediss", "unix"))
    load_before = load()
    if os.path.exists(LOG):
        os.remove(LOG)
    with tempfile.TemporaryDirectory(prefix="recovery-site-bench-") as folder:
        print(f"Setting up: migrate, collect static files, {POSTS:,} posts...", flush=True)
        site = LiveSite(
            folder,
            database_url=database_url,
            redis_url=redis_url,
            DJANGO_SETTINGS_MODULE="benchmarks.settings",
        )
        try:
            total = site.shell(f"from benchmarks.seed import seed; print(seed({POSTS}))")
            results, searches = {}, {}
            with Gunicorn(site.env, workers=WORKERS, app="benchmarks.bare.wsgi") as bare:
                for cache in ["off", "on"]:
                    print(f"Measuring with the cache {cache}...", flush=True)
                    results[cache], searches[cache] = measure(site, bare, cache)
            load_after_pages = load()
            print("Measuring memory...", flush=True)
            sizes, requests, same_workers = memory(site)
        finally:
            site.remove()
    database = "PostgreSQL" if database_url.startswith("postgres") else "SQLite"
    cache_store = "Redis" if redis_url else "a database table"
    print()
    print(
        f"{int(total):,} posts, {database}, cache in {cache_store}; gunicorn {WORKERS} workers; "
        f"wrk {THREADS} threads, {CONNECTIONS} connections, {ROUNDS} rounds of {SECONDS} s; "
        f"{os.cpu_count()} cores, Python {platform.python_version()}; "
        f"load average before: {load_before}, after the pages: {load_after_pages}, "
        f"at the end: {load()}."
    )
    print(f"Targets: {TARGETS}.")
    print()
    print(table(results))
    print()
    for cache, (middle, slowest) in searches.items():
        print(
            f"Search, cache {cache}, one request at a time: median {middle:.1f} ms, "
            f"slowest {slowest:.1f} ms ({len(SEARCHES) * 10} searches)."
        )
    print(
        "Workers' resident memory (VmRSS, kB; each list is both workers), cache off, once "
        f"warm, then every 5,000 of {requests:,} mixed requests: "
        + " -> ".join(str(size) for size in sizes)
        + ("" if same_workers else " (a worker was replaced meanwhile)")
        + "."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
