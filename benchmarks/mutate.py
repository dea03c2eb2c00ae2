"""A mutation run: do the tests catch the bugs a developer could make?

Each mutant in benchmarks/mutants.toml changes one exact text of one file (a boundary,
a zone, a min for a max, a dropped line). This script copies the project as it stands
(the developer's uncommitted edits included) to a temporary folder, then for each
mutant: applies it alone, runs the tests named for it there (pytest -x, one process),
and puts the file back. The working tree is never touched: every change is made in the
copy, which is deleted at the end (--keep leaves it for a look).

    .venv/bin/python benchmarks/mutate.py                 # every mutant
    .venv/bin/python benchmarks/mutate.py AV2 G5 E3       # some, by id
    .venv/bin/python benchmarks/mutate.py --file inquiries/estimates.py
    make mutate MUTANTS="G5 G7"

A mutant is **caught** when its tests fail, **survived** when they pass (a missing test,
unless the mutant changes nothing: mark it `equivalent` with the reason), **stale** when
its text is no longer in the file exactly once (the code moved on: update the entry).
Mutants whose tests need PostgreSQL and Redis (`services = true`) run only when
DATABASE_URL and REDIS_URL are set (use your own database name and Redis number), and
are listed as not run otherwise. First, unless --no-baseline, each set of tests runs
once unmutated: a mutant whose tests fail anyway proves nothing, and is listed as such.

The score is caught / (caught + survived); the exit status is 1 when any survived or
went stale, so the run can gate a change. It takes minutes per mutant on a busy
machine: run it on the modules a change touches (--file), the whole list when quieter.
"""

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MUTANTS = ROOT / "benchmarks" / "mutants.toml"
# Not copied: version control, caches and what a run writes; the virtualenv and
# node_modules are linked, not copied.
SKIP = {".git", ".venv", "node_modules", "__pycache__", ".pytest_cache", ".ruff_cache",
        "media", "staticfiles", "screenshots", "db.sqlite3"}  # fmt: skip
LINKED = (".venv", "node_modules")


def load(path):
    with open(path, "rb") as data:
        return tomllib.load(data)["mutant"]


def scratch_copy():
    """The project as it stands, in a new temporary folder."""
    folder = Path(tempfile.mkdtemp(prefix="mutate-"))
    copy = folder / ROOT.name
    shutil.copytree(
        ROOT, copy, symlinks=True, ignore=lambda _, names: [n for n in names if n in SKIP]
    )
    for name in LINKED:
        if (ROOT / name).exists():
            (copy / name).symlink_to((ROOT / name).resolve())
    return copy


def run_tests(copy, tests, timeout):
    """(passed, last lines of pytest's report) for `tests`, run in `copy`."""
    command = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider",
               "-n", "0", *tests]  # fmt: skip
    try:
        done = subprocess.run(
            command, cwd=copy, capture_output=True, text=True, timeout=timeout, env=os.environ
        )
    except subprocess.TimeoutExpired:
        return False, "timed out"
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    failed = [line for line in lines if line.startswith(("FAILED", "ERROR"))]
    return done.returncode == 0, (failed or lines[-1:] or ["no output"])[0]


def mutate(copy, mutant, timeout):
    """Apply `mutant` alone in `copy`, run its tests, restore the file; its result."""
    path = copy / mutant["file"]
    if not path.exists():
        return "stale", f"{mutant['file']} is gone"
    original = path.read_text(encoding="utf-8")
    found = original.count(mutant["old"])
    if found != 1:
        return "stale", f"its text is in {mutant['file']} {found} times, not once"
    path.write_text(original.replace(mutant["old"], mutant["new"]), encoding="utf-8")
    try:
        passed, detail = run_tests(copy, mutant["tests"], timeout)
    finally:
        path.write_text(original, encoding="utf-8")
    return ("survived", detail) if passed else ("caught", detail)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("ids", nargs="*", help="mutant ids (default: all)")
    parser.add_argument("--mutants", type=Path, default=MUTANTS, help="the data file")
    parser.add_argument("--file", action="append", default=[], help="only mutants of this file")
    parser.add_argument("--no-baseline", action="store_true", help="skip the unmutated runs")
    parser.add_argument("--timeout", type=int, default=900, help="seconds per test run")
    parser.add_argument("--keep", action="store_true", help="keep the scratch copy")
    args = parser.parse_args(argv)

    mutants = load(args.mutants)
    unknown = set(args.ids) - {m["id"] for m in mutants}
    if unknown:
        parser.error(f"no such mutant: {', '.join(sorted(unknown))}")
    chosen = [
        m for m in mutants
        if (not args.ids or m["id"] in args.ids) and (not args.file or m["file"] in args.file)
    ]  # fmt: skip
    services = bool(os.environ.get("DATABASE_URL") and os.environ.get("REDIS_URL"))

    # Stopped (kill, or a job's end): the running tests are killed and the copy deleted,
    # as subprocess.run and the `finally` below do on the way out.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    results = []
    copy = scratch_copy()
    print(f"{len(chosen)} mutant(s), in {copy}", flush=True)
    try:
        broken = {}
        if not args.no_baseline:
            for tests in sorted({tuple(m["tests"]) for m in chosen if not m.get("equivalent")}):
                needs = any(m.get("services") for m in chosen if tuple(m["tests"]) == tests)
                if needs and not services:
                    continue
                passed, detail = run_tests(copy, list(tests), args.timeout)
                if not passed:
                    broken[tests] = detail
                    print(f"baseline FAILS: {' '.join(tests)}: {detail}", flush=True)
        for mutant in chosen:
            started = time.monotonic()
            if mutant.get("equivalent"):
                result = ("equivalent", mutant["equivalent"])
            elif mutant.get("services") and not services:
                result = ("not run", "needs DATABASE_URL and REDIS_URL")
            elif tuple(mutant["tests"]) in broken:
                result = ("not run", "its tests fail without it")
            else:
                result = mutate(copy, mutant, args.timeout)
            results.append((mutant, *result))
            seconds = time.monotonic() - started
            print(f"{mutant['id']:>5} {result[0]:<10} {seconds:5.0f} s  {result[1]}", flush=True)
    finally:
        if args.keep:
            print(f"kept: {copy}")
        else:
            shutil.rmtree(copy.parent, ignore_errors=True)

    counts = {}
    for _, outcome, _ in results:
        counts[outcome] = counts.get(outcome, 0) + 1
    caught, survived = counts.get("caught", 0), counts.get("survived", 0)
    print(", ".join(f"{n} {outcome}" for outcome, n in sorted(counts.items())))
    if caught + survived:
        print(f"score: {caught} / {caught + survived} = {100 * caught / (caught + survived):.0f} %")
    for mutant, outcome, detail in results:
        if outcome in ("survived", "stale"):
            print(f"  {outcome}: {mutant['id']} {mutant['file']}: {detail}")
    return 1 if survived or counts.get("stale") else 0


if __name__ == "__main__":
    sys.exit(main())
