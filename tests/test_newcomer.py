"""A newcomer's first hour (issue 35): what the README says to run does what it says.
`make test` never skips the browser tests quietly, `make serve EDGE=none` listens where
HOST says with the production environment loaded, and the README claims only what the
code does."""

import os
import re
import subprocess
import time
import urllib.request

import pytest

from .live_gunicorn import ROOT, production_env
from .test_make_serve import free_port

pytestmark = pytest.mark.slow
README = (ROOT / "README.md").read_text()


def test_make_test_stops_saying_what_is_missing_rather_than_skipping(tmp_path):
    result = subprocess.run(
        ["make", "--no-print-directory", "test", "CHROMIUM_PATH=/no/such/chromium"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )

    assert result.returncode != 0
    assert "Chromium is missing at /no/such/chromium: install it" in result.stderr
    assert "passed" not in result.stdout and "skipped" not in result.stdout


def test_make_test_requires_the_browser_tests(tmp_path):
    """What `make test` runs pytest with: REQUIRE_BROWSER, so a missing Chromium or
    axe-core is an error, never a skip."""
    dry = subprocess.run(
        ["make", "--no-print-directory", "-n", "-p", "test"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout

    assert re.search(r"^test: REQUIRE_BROWSER = 1$", dry, re.M)
    assert re.search(r"^test: .*browser-tools", dry, re.M)


@pytest.mark.skipif(not (ROOT / ".venv" / "bin" / "gunicorn").exists(), reason="no .venv")
def test_make_serve_without_the_edge_listens_on_host_with_the_production_environment(
    tmp_path, collected_static
):
    port = free_port()
    env = production_env(
        DATABASE_URL=f"sqlite:///{tmp_path / 'serve.sqlite3'}",
        DJANGO_STATIC_ROOT=str(collected_static),
        MEDIA_ROOT=str(tmp_path / "media"),
        GUNICORN_WORKERS="1",
    )
    server = subprocess.Popen(
        ["make", "--no-print-directory", "serve", "EDGE=none", f"HOST=127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        status, deadline = None, time.monotonic() + 120
        while status is None and time.monotonic() < deadline and server.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as r:
                    status = r.status
            except OSError:
                time.sleep(0.5)
        output = "" if server.poll() is None else server.stdout.read().decode()
        assert status == 200, f"make serve EDGE=none did not answer on HOST:\n{output[-3000:]}"
    finally:
        if server.poll() is None:
            os.killpg(server.pid, 15)
        server.wait(timeout=30)


def test_the_readme_says_how_to_run_on_another_port():
    assert "make run\nHOST=127.0.0.1:8080" in README or "make run HOST=" in README


def test_the_readme_calls_the_sitemap_what_it_is(client, db):
    xml = client.get("/sitemap.xml").content.decode()

    assert "<urlset" in xml and "<sitemapindex" not in xml
    assert "`sitemap.xml` index" not in README


def test_the_readme_quotes_no_test_count_or_timing_that_would_drift():
    """Counts and times change with every test added: docs/performance.md keeps the
    measured runs, dated; the README points there."""
    development = README.partition("## Development")[2]

    assert not re.search(r"\d[\d,]* tests\b", development)
    assert not re.search(r"\d+ min\b|\bminutes\b|and a half", development)
