"""`make bench`: posts (1,000 by default), gunicorn with 2 workers, wrk at 8 connections.

Measures requests per second, p50 and p99 latency and the page's size for the home page,
the blog list, a post, the admissions and contact pages and two references: our stack's
reference view (a short fixed text through our whole middleware stack) and the bare
reference, a Django project with nothing of ours (benchmarks/bare/), served by its own
gunicorn with the same workers. Each page's rate is given as a ratio to both. Three ways,
in one run (benchmarks/settings.py): "miss", what production does when it builds a page
it has not kept (the shared cache on: the facility and the fragments found there, but no
page kept), which is every request of the admissions and contact pages (their CSRF
token); "hit", the page cache on as in production, every page found there but those
two; "off", no cache at all, for reference. In the "hit" way the post is measured through
Varnish too (the edge: the shipped VCL, deploy/varnish/, as `make serve` runs it), as its
own row, followed by Varnish's hit ratio over 10,000 requests and the time from a save of
the post to the edge serving it; without varnishd the output says the edge was not
measured. Then search's median time and the workers' memory over 10,000 mixed requests
(BENCH_MEMORY=0 leaves it out).

The machine is shared and its speed drifts, so each page is measured in rounds, each
right after a run of both references, and a ratio is the median of the rounds' ratios;
the other figures are medians too, but errors, which are added up.

Runs on SQLite unless DATABASE_URL names PostgreSQL; uses Redis when REDIS_URL is set.
BENCH_SECONDS sets each run's length (default 5), BENCH_ROUNDS the rounds (default 3),
BENCH_POSTS the posts (default 1,000; 10,000 for the scale check).
"""

import contextlib
import json
import math
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
from tests.live_gunicorn import ROOT, Gunicorn, LiveSite, manage

CONNECTIONS = 8
THREADS = 2
# 2, the issues' yardstick, for the site and bare Django alike; production's default is
# gunicorn.conf.py's 2 * cores + 1, which lets a worker waiting on Redis or PostgreSQL
# leave the core to another (BENCH_WORKERS=5 measures that on 2 cores).
WORKERS = env_int("BENCH_WORKERS", 2, minimum=1)
SECONDS = env_int("BENCH_SECONDS", 5, minimum=1)
ROUNDS = env_int("BENCH_ROUNDS", 3, minimum=1)
POSTS = env_int("BENCH_POSTS", 1000, minimum=100)
PAGES = {
    "reference": "/bench/ref/",
    "home": "/",
    "blog list": "/blog/",
    "post": f"/blog/benchmark-post-{POSTS // 2}/",
    "admissions": "/admissions/",
    "contact": "/contact/",
}
# The ways the site is measured: BENCH_CACHE for benchmarks/settings.py, by column name.
MODES = {"miss": "miss", "hit": "on", "off": "off"}
# Ratio of requests per second to bare Django's that each (mode, page) should reach.
GOALS = {
    ("miss", "post"): 0.06,
    ("miss", "home"): 0.06,
    ("miss", "blog list"): 0.05,
    ("miss", "admissions"): 0.10,
    ("hit", "post"): 0.60,
    ("hit", "post via the edge"): 5.0,
}
# The edge, in the "hit" way: the post through Varnish, its row in the table.
EDGE_ROW = "post via the edge"
EDGE_MODE = "hit"
# Varnish's hit ratio is counted over at least this many requests of the post...
EDGE_REQUESTS = 10_000
EDGE_HIT_RATIO_GOAL = 0.99
# ...and the post is saved this many times, each time until the edge serves it anew.
PURGES = 20
PURGE_GOAL_SECONDS = 1.0
MEMORY = env_int("BENCH_MEMORY", 1, minimum=0, maximum=1)
SEARCHES = ["cravings", "family visit", "benchmark routine", "detox", "sleep walks"]
MIXED_REQUESTS = 10_000
# gunicorn's log (its errors and the access log): what to read when a run fails.
LOG = os.path.join(tempfile.gettempdir(), "recovery-site-bench-gunicorn.log")


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


def measure(site, bare, cache, edge_wanted=False):
    """The pages' rows and search's times; with `edge_wanted` and varnishd installed, the
    post through Varnish too (its row, EDGE_ROW) and the edge's figures (edge_figures),
    else None for those."""
    edge_wanted = edge_wanted and varnish_installed()
    names = ["bare", *PAGES]
    if edge_wanted:
        names.append(EDGE_ROW)
    runs = {name: [] for name in names}
    to_bare = {name: [] for name in names}
    to_reference = {name: [] for name in names}
    # Behind Varnish the site trusts the one proxy in front of it, as `make serve` runs it.
    proxy = {"DJANGO_TRUSTED_PROXY_COUNT": "1"} if edge_wanted else {}
    with (
        Gunicorn(site.env, workers=WORKERS, log_path=LOG, BENCH_CACHE=cache, **proxy) as server,
        edge_in_front(server, edge_wanted) as edge,
    ):
        urls = {name: server.url + path for name, path in PAGES.items()}
        if edge is not None:
            urls[EDGE_ROW] = edge.url + PAGES["post"]
        for url in [*urls.values(), server.url + "/search/?q=cravings"]:
            for _ in range(20):  # warm up: templates loaded, connections open, cache filled
                fetch(url)
        for _ in range(ROUNDS):
            for name, url in urls.items():
                if name == "reference":
                    continue
                bare_run = run(bare.url + "/")
                reference = run(urls["reference"])
                page = run(url)
                runs["bare"].append(bare_run)
                runs["reference"].append(reference)
                runs[name].append(page)
                to_bare["bare"].append(1.0)
                to_bare["reference"].append(reference["rate"] / bare_run["rate"])
                to_bare[name].append(page["rate"] / bare_run["rate"])
                to_reference[name].append(page["rate"] / reference["rate"])
        sizes = {name: len(fetch(url)) for name, url in urls.items()}
        sizes["bare"] = len(fetch(bare.url + "/"))
        search = search_times(server.url)
        edge_figures = None
        if edge is not None:
            # The hit ratio first: each purge makes the next request a miss.
            edge_figures = {
                **hit_ratio(edge, urls[EDGE_ROW]),
                "purge_to_fresh": purge_to_fresh(site, edge),
            }
    rows = {
        name: {**summary(runs[name], to_bare[name], to_reference[name]), "size": sizes[name]}
        for name in names
    }
    rows["bare"]["to_reference"] = None
    return rows, search, edge_figures


def varnish_installed():
    return shutil.which("varnishd") is not None and shutil.which("varnishstat") is not None


@contextlib.contextmanager
def edge_in_front(server, wanted):
    """Varnish with the shipped VCL in front of `server` when `wanted`, else None."""
    if not wanted:
        yield None
        return
    from tests.live_varnish import Varnish

    with Varnish(server.port, log_path=LOG) as edge:
        yield edge


def varnish_counters(edge):
    """Varnish's requests received and cache hits so far, from varnishstat."""
    result = subprocess.run(
        ["varnishstat", "-n", str(edge.folder / "work"), "-1", "-j"],
        capture_output=True,
        text=True,
        check=True,
        timeout=30,
    )
    counters = json.loads(result.stdout)
    counters = counters.get("counters", counters)  # Varnish 7 nests them, 6 did not
    return counters["MAIN.client_req"]["value"], counters["MAIN.cache_hit"]["value"]


def hit_ratio(edge, url):
    """Varnish's cache hits over the requests it received (a miss, a pass or an error
    counts against it) while wrk asks it for `url` until at least EDGE_REQUESTS were made
    (at most 30 one-second runs)."""
    requests_before, hits_before = varnish_counters(edge)
    made = 0
    for _ in range(30):
        made += wrk(url, seconds=1)["requests"]
        if made >= EDGE_REQUESTS:
            break
    time.sleep(1)  # Varnish adds a worker's counts to its totals when the worker is done
    requests_after, hits_after = varnish_counters(edge)
    requests = requests_after - requests_before
    hits = hits_after - hits_before
    return {"requests": requests, "hits": hits, "hit_ratio": hits / requests if requests else 0}


# Saves the post as the admin does (a save, its commit, its purge) and after each asks the
# edge for the post until it shows the new title (at most 10 s): the seconds each took.
PURGE_CODE = """
import json, os, time, urllib.request
from articles.models import Post
post = Post.objects.get(slug=os.environ["BENCH_SLUG"])
url = os.environ["EDGE_URL"] + post.get_absolute_url()
times = []
for n in range(int(os.environ["BENCH_PURGES"])):
    title = f"Benchmark purge {n} {time.time()}"
    started = time.perf_counter()
    post.title = title
    post.save()
    while title not in urllib.request.urlopen(url, timeout=10).read().decode():
        if time.perf_counter() - started > 10:
            break
        time.sleep(0.005)
    times.append(time.perf_counter() - started)
print(json.dumps(times))
"""


def purge_to_fresh(site, edge):
    """Seconds from a save of the post to the edge serving it, PURGES times."""
    env = {
        **site.env,
        "EDGE_PURGE_URLS": edge.purge_url,
        "EDGE_URL": edge.url,
        "BENCH_SLUG": PAGES["post"].strip("/").split("/")[-1],
        "BENCH_PURGES": str(PURGES),
    }
    return json.loads(manage(env, "shell", "-c", PURGE_CODE).stdout.strip().splitlines()[-1])


def percentile(values, share):
    """The nearest-rank percentile: the smallest value at least `share` of them reach."""
    ordered = sorted(values)
    return ordered[max(math.ceil(share * len(ordered)) - 1, 0)]


def edge_lines(edge_figures):
    """What the table cannot show about the edge, each against its goal."""
    if edge_figures is None:
        return [
            f"Edge: NOT MEASURED: varnishd (or varnishstat) is not installed, so there is no "
            f'"{EDGE_ROW}" row, no hit ratio and no purge-to-fresh time '
            "(Debian: apt-get install varnish varnish-modules)."
        ]
    ratio = edge_figures["hit_ratio"]
    times = edge_figures["purge_to_fresh"]
    p99 = percentile(times, 0.99)
    ratio_met = "met" if ratio >= EDGE_HIT_RATIO_GOAL else "not met"
    p99_met = "met" if p99 < PURGE_GOAL_SECONDS else "not met"
    return [
        f"Edge, Varnish's hit ratio: {ratio:.2%} ({edge_figures['hits']:,} hits of "
        f"{edge_figures['requests']:,} requests of the post) ({ratio_met}: "
        f"≥ {EDGE_HIT_RATIO_GOAL:.0%}).",
        f"Edge, from a save of the post to Varnish serving it, over {len(times)} saves: "
        f"median {median(times) * 1000:.0f} ms, p99 {p99 * 1000:.0f} ms, slowest "
        f"{max(times) * 1000:.0f} ms ({p99_met}: p99 < {PURGE_GOAL_SECONDS:.0f} s).",
    ]


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
    """Each page on a line, each way of measuring side by side: its ratio to bare Django's
    requests per second, its p50 latency, and the goal where it has one."""
    modes = list(results)
    head = " | ".join(f"{mode}: to bare | {mode}: p50 ms" for mode in modes)
    lines = [
        f"| page | {head} | bytes | errors |",
        "| --- |" + " ---: |" * (2 * len(modes) + 2),
    ]
    names = list(dict.fromkeys(name for mode in modes for name in results[mode]))
    for name in names:
        cells = []
        for mode in modes:
            row = results[mode].get(name)
            if row is None:  # the edge, measured in one way only
                cells.append("— | —")
                continue
            goal = GOALS.get((mode, name))
            mark = (
                ""
                if goal is None
                else f" ({'met' if row['to_bare'] >= goal else 'not met'}: ≥ {goal})"
            )
            cells.append(f"{row['to_bare']:.3f}{mark} | {row['p50']:.1f}")
        errors = sum(results[mode][name]["errors"] for mode in modes if name in results[mode])
        size = next(results[mode][name]["size"] for mode in modes if name in results[mode])
        lines.append(f"| {name} | {' | '.join(cells)} | {size:,} | {errors} |")
    bare_rates = " / ".join(f"{results[mode]['bare']['rate']:.0f}" for mode in modes)
    lines.append("")
    lines.append(f"Bare Django's requests per second, while each was measured: {bare_rates}.")
    return "\n".join(lines)


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
            results, searches, edge_figures = {}, {}, None
            if not varnish_installed():
                print("varnishd is not installed: the edge will not be measured.", flush=True)
            with Gunicorn(site.env, workers=WORKERS, app="benchmarks.bare.wsgi") as bare:
                for mode, cache in MODES.items():
                    print(f"Measuring {mode} (BENCH_CACHE={cache})...", flush=True)
                    results[mode], searches[mode], figures = measure(
                        site, bare, cache, edge_wanted=mode == EDGE_MODE
                    )
                    edge_figures = figures or edge_figures
            load_after_pages = load()
            if MEMORY:
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
    print(
        "Ratios of requests per second to bare Django's; miss: a page built with the shared "
        "cache on (the admissions and contact pages always are); hit: the page cache on "
        f'("{EDGE_ROW}": the post through Varnish with deploy/varnish/default.vcl); '
        "off: no cache."
    )
    print()
    print(table(results))
    print()
    for line in edge_lines(edge_figures):
        print(line)
    for cache, (middle, slowest) in searches.items():
        print(
            f"Search, {cache}, one request at a time: median {middle:.1f} ms, "
            f"slowest {slowest:.1f} ms ({len(SEARCHES) * 10} searches)."
        )
    if not MEMORY:
        return 0
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
