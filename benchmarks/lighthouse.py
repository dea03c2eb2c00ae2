"""`make lighthouse`: score the home page, a post and the contact page with Lighthouse.

Builds a throwaway copy of the demo site with production settings (debug off, a random
secret key, hashed and compressed static files from collectstatic), serves it with
gunicorn on 127.0.0.1, runs Lighthouse's mobile audit on each page (the median of a few
runs, as performance varies), prints the scores and writes them into docs/quality.md.

Needs Debian's Chromium (CHROME_PATH, /usr/bin/chromium by default) and `npm ci`.
"""

import argparse
import base64
import json
import os
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
QUALITY = ROOT / "docs" / "quality.md"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
AIM = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
START, END = "<!-- lighthouse:start -->", "<!-- lighthouse:end -->"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env, *args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def demo_post_path(env):
    """The address of the newest demo post, asked of Django itself."""
    code = (
        "from articles.models import Post;"
        "print(Post.objects.published().first().get_absolute_url())"
    )
    out = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
        cwd=ROOT, env=env, check=True, capture_output=True, text=True,
    )  # fmt: skip
    return out.stdout.strip()


def wait_until_up(url, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"The site did not answer at {url} within {seconds} s.")


def lighthouse(url, workdir, chrome, tries=3):
    """Lighthouse's JSON report on `url`, run again when Chromium fails to trace the load."""
    report = workdir / "report.json"
    for _ in range(tries):
        report.unlink(missing_ok=True)
        subprocess.run(
            [
                str(LIGHTHOUSE), url,
                "--output=json", f"--output-path={report}", "--quiet",
                "--only-categories=" + ",".join(CATEGORIES),
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
            ],
            env={**os.environ, "CHROME_PATH": chrome}, check=False,
        )  # fmt: skip
        result = json.loads(report.read_text()) if report.exists() else {}
        if result and not result.get("runtimeError"):
            return result
    raise SystemExit(f"Lighthouse failed {tries} times on {url}: {result.get('runtimeError')}")


def audit(url, workdir, chrome):
    """One Lighthouse mobile run: category scores (0-100) and the audits below full marks."""
    result = lighthouse(url, workdir, chrome)
    scores = {key: round(result["categories"][key]["score"] * 100) for key in CATEGORIES}
    missed = sorted(
        audit["title"]
        for key in CATEGORIES
        for ref in result["categories"][key]["auditRefs"]
        if ref["weight"] > 0
        and (audit := result["audits"][ref["id"]])["score"] is not None
        and audit["score"] < 1
    )
    return scores, missed, result["lighthouseVersion"]


def median_run(url, workdir, chrome, runs):
    results = [audit(url, workdir, chrome) for _ in range(runs)]
    middle = statistics.median_low(r[0]["performance"] for r in results)
    return next(r for r in results if r[0]["performance"] == middle)


def table(rows):
    lines = ["| page | " + " | ".join(CATEGORIES) + " |", "| --- |" + " ---: |" * len(CATEGORIES)]
    for name, path, scores, _ in rows:
        cells = " | ".join(str(scores[key]) for key in CATEGORIES)
        lines.append(f"| {name} (`{path}`) | {cells} |")
    return "\n".join(lines)


def write_quality(rows, version, runs):
    missed = [f"- {name}: {', '.join(m)}" for name, _, _, m in rows if m]
    block = "\n".join(
        [
            START,
            f"Measured {datetime.now().astimezone():%Y-%m-%d} with Lighthouse {version}, mobile "
            f"(simulated slow 4G and a slowed CPU), Debian's Chromium; the median of {runs} "
            "runs per page, by performance.",
            "",
            table(rows),
            "",
            "Audits below full marks (weighted ones only):"
            if missed
            else "Every weighted audit scored full marks.",
            *missed,
            END,
        ]
    )
    text = QUALITY.read_text()
    before, _, rest = text.partition(START)
    _, _, after = rest.partition(END)
    QUALITY.write_text(before + block + after)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page")
    parser.add_argument("--no-write", action="store_true", help="leave docs/quality.md as is")
    options = parser.parse_args()
    chrome = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
    if not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse is not installed: run `npm ci` (make does it).")

    with tempfile.TemporaryDirectory(prefix="recovery-site-lighthouse-") as tmp:
        workdir = Path(tmp)
        port = free_port()
        env = {
            **os.environ,
            "DJANGO_DEBUG": "false",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            # Served over plain HTTP on this machine; production redirects to HTTPS.
            "DJANGO_SECURE_SSL_REDIRECT": "false",
            "DATABASE_URL": f"sqlite:///{workdir / 'site.sqlite3'}",
            "DJANGO_STATIC_ROOT": str(workdir / "static"),
            "MEDIA_ROOT": str(workdir / "media"),
            "CONTACT_NOTIFY_EMAILS": "",
            # Required with debug off; a throwaway Fernet key for this throwaway site.
            "INQUIRY_ENCRYPTION_KEYS": base64.urlsafe_b64encode(os.urandom(32)).decode(),
            "RATE_LIMIT_KEY": base64.urlsafe_b64encode(os.urandom(32)).decode(),
        }
        manage(env, "migrate", "--noinput", "--verbosity=0")
        manage(env, "collectstatic", "--noinput", "--verbosity=0")
        manage(env, "load_demo", "--verbosity=0")
        pages = [
            ("Home", "/"),
            ("A post", demo_post_path(env)),
            ("Contact", "/contact/"),
            ("Home in Spanish", "/es/"),
        ]

        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "gunicorn"),
                "benchmarks.lighthouse_wsgi:application",
                f"--bind=127.0.0.1:{port}", "--workers=2", "--log-level=warning",
                "--access-logfile=/dev/null",
            ],
            cwd=ROOT, env=env,
        )  # fmt: skip
        try:
            wait_until_up(base + "/")
            rows = []
            for name, path in pages:
                scores, missed, version = median_run(base + path, workdir, chrome, options.runs)
                rows.append((name, path, scores, missed))
        finally:
            server.terminate()
            server.wait(timeout=30)

    print(table(rows))
    for name, _, _, missed in rows:
        if missed:
            print(f"{name}, below full marks: {', '.join(missed)}")
    if not options.no_write:
        write_quality(rows, version, options.runs)
        print(f"Scores written to {QUALITY.relative_to(ROOT)}.")
    short = [
        f"{name}: {key} {scores[key]} (aim {AIM[key]})"
        for name, _, scores, _ in rows
        for key in CATEGORIES
        if scores[key] < AIM[key]
    ]
    if short:
        raise SystemExit("Below the aim: " + "; ".join(short))


if __name__ == "__main__":
    main()
