"""A/B: an older commit and the working tree, served side by side.

    .venv/bin/python -m benchmarks.compare <commit> [path ...]

BENCH_CACHE=miss (the default) serves both with the shared cache on and no page kept
(PAGE_CACHE_SECONDS=0, which any commit reads), as production builds a page it has not
kept; BENCH_CACHE=off with no cache at all. REDIS_URL puts the shared cache in Redis.

On a loaded machine rates fall for every page, and the more CPU a page needs the more it
falls, so two `make bench` runs minutes apart compare the load as much as the code. Here
the commit's files (`git archive`, into a temporary folder) and the working tree's are
each served by their own gunicorn (2 workers) on one database seeded as `make bench`
seeds it (the working tree's migrations; the commit must run on the same schema), beside
the bare reference. Each page is measured in BENCH_ROUNDS rounds of BENCH_SECONDS: the
bare reference, then both trees, their order alternating; ratios are the rounds' medians.
"""

import os
import subprocess
import sys
import tarfile
import tempfile
import urllib.request
from pathlib import Path
from statistics import median

from benchmarks.run import LOG, POSTS, ROUNDS, run
from recovery_site.environment import env_choice, env_url
from tests import live_gunicorn
from tests.live_gunicorn import ROOT, Gunicorn, LiveSite

DEFAULT_PATHS = ["/", "/blog/", f"/blog/benchmark-post-{POSTS // 2}/", "/admissions/"]
MODE = env_choice("BENCH_CACHE", "miss", ("miss", "off"))
# What both trees' settings understand: benchmarks/settings.py's on and off, and
# PAGE_CACHE_SECONDS, read by every commit.
SERVER_ENV = {
    "miss": {"BENCH_CACHE": "on", "PAGE_CACHE_SECONDS": "0"},
    "off": {"BENCH_CACHE": "off"},
}


class TreeGunicorn(Gunicorn):
    """gunicorn started in another copy of the repository."""

    def __init__(self, tree, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.tree = tree

    def __enter__(self):
        saved, live_gunicorn.ROOT = live_gunicorn.ROOT, self.tree
        try:
            return super().__enter__()
        finally:
            live_gunicorn.ROOT = saved


def export(commit, folder):
    archive = subprocess.run(
        ["git", "archive", "--format=tar", commit], cwd=ROOT, capture_output=True, check=True
    ).stdout
    with tempfile.TemporaryFile() as tar:
        tar.write(archive)
        tar.seek(0)
        with tarfile.open(fileobj=tar) as files:
            files.extractall(folder, filter="data")


def compare(commit, paths):
    with tempfile.TemporaryDirectory(prefix="recovery-site-compare-") as folder:
        old_tree = Path(folder) / "old"
        export(commit, old_tree)
        site = LiveSite(
            folder,
            database_url=env_url("DATABASE_URL", schemes=("sqlite", "postgres", "postgresql")),
            redis_url=env_url("REDIS_URL", schemes=("redis", "rediss", "unix")),
            DJANGO_SETTINGS_MODULE="benchmarks.settings",
        )
        try:
            site.shell(f"from benchmarks.seed import seed; print(seed({POSTS}))")
            servers = {
                "bare": Gunicorn(site.env, app="benchmarks.bare.wsgi"),
                commit: TreeGunicorn(old_tree, site.env, log_path=LOG, **SERVER_ENV[MODE]),
                "working tree": Gunicorn(site.env, log_path=LOG, **SERVER_ENV[MODE]),
            }
            for server in servers.values():
                server.__enter__()
            try:
                return measure(servers, commit, paths)
            finally:
                for server in servers.values():
                    server.stop()
        finally:
            site.remove()


def measure(servers, commit, paths):
    trees = [commit, "working tree"]
    sizes = {}
    for name in trees:
        for path in paths:
            for _ in range(20):
                body = urllib.request.urlopen(servers[name].url + path, timeout=30).read()
            sizes[name, path] = len(body)
    rows = {}
    for path in paths:
        rounds = {name: [] for name in trees}
        for number in range(ROUNDS):
            bare = run(servers["bare"].url + "/")
            for name in trees if number % 2 == 0 else trees[::-1]:
                page = run(servers[name].url + path)
                page["to_bare"] = page["rate"] / bare["rate"]
                rounds[name].append(page)
        for name in trees:
            rows[f"{path} ({name})"] = summary(rounds[name], sizes[name, path])
        rows[f"{path} (working tree)"]["to_reference"] = median(
            new["rate"] / old["rate"]
            for new, old in zip(rounds[trees[1]], rounds[commit], strict=True)
        )
    return rows


def summary(runs, size):
    return {
        "rate": median(r["rate"] for r in runs),
        "to_bare": median(r["to_bare"] for r in runs),
        "to_reference": None,
        "p50": median(r["p50_us"] for r in runs) / 1000,
        "p99": median(r["p99_us"] for r in runs) / 1000,
        "size": size,
        "errors": sum(r["errors"] for r in runs),
    }


def main(argv):
    if not argv:
        print(__doc__)
        return 2
    rows = compare(argv[0], argv[1:] or DEFAULT_PATHS)
    print(f"Load average at the end: {' '.join(f'{n:.1f}' for n in os.getloadavg())}.")
    print("\"to reference\" is here the working tree's rate over the commit's, round by round.")
    print(f"Both trees with BENCH_CACHE={MODE}.")
    print(table(rows))
    return 0


def table(rows):
    lines = [
        "| page | req/s | to bare | working tree / commit | p50 ms | p99 ms | bytes | errors |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, row in rows.items():
        ratio = "" if row["to_reference"] is None else f"{row['to_reference']:.2f}"
        lines.append(
            f"| {name} | {row['rate']:.0f} | {row['to_bare']:.3f} | {ratio} "
            f"| {row['p50']:.1f} | {row['p99']:.1f} | {row['size']:,} | {row['errors']} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
