"""gunicorn as gunicorn.conf.py runs it: workers forked warm from a preloaded master, and
no header a visitor sends through the proxy moves the site or its scheme.

Real gunicorn on a free port of 127.0.0.1, serving the demo content from a database of
its own (SQLite, or PostgreSQL and Redis when the suite runs on them).
"""

import http.client
import os
import re
import signal
import time
from pathlib import Path

import pytest

from .live_gunicorn import Gunicorn, LiveSite

# The CPU a worker spends from its fork to its first admissions page. Forked from a
# master that loaded and warmed the site, it was measured at 0.09-0.11 CPU-s here; a worker
# that loads Django itself spends 1.1-1.2 CPU-s. CPU time, unlike the wall clock, does not
# grow when other work shares the machine.
FIRST_PAGE_CPU_SECONDS = 0.5
# The goal is 2 s from a worker's start to its first page (0.4-0.5 s measured on a busy
# 2-core machine); the bound leaves room for a machine far busier.
FIRST_PAGE_SECONDS = 6


@pytest.fixture(scope="module")
def site(tmp_path_factory, collected_static):
    site = LiveSite(
        tmp_path_factory.mktemp("warm-site"),
        database_url=os.environ.get("DATABASE_URL", ""),
        redis_url=os.environ.get("REDIS_URL", ""),
        static_root=collected_static,
    )
    site.shell(
        "from django.core.management import call_command; call_command('load_demo', verbosity=0)"
    )
    yield site
    site.remove()


def cpu_seconds(pid):
    """User and system CPU time the process `pid` has used."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def get(server, path, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.read().decode()
    finally:
        connection.close()


def replacement_worker(server, old):
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        pids = [pid for pid in server.worker_pids() if pid != old]
        if pids:
            return pids[0]
        time.sleep(0.01)
    raise AssertionError("gunicorn started no worker in place of the one killed")


def sockets_of(pid):
    held = []
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except FileNotFoundError:
            continue  # closed meanwhile
        held.append(target)
    return held


def test_a_worker_replacing_a_killed_one_serves_its_first_page_at_once(site, tmp_path):
    log = tmp_path / "gunicorn.log"
    with Gunicorn(site.env, workers=1, log_path=log) as server:
        assert get(server, "/admissions/")[0] == 200
        timings = []
        for _ in range(2):
            old = server.worker_pids()[0]
            os.kill(old, signal.SIGKILL)  # a crash, or the timeout killing a stuck worker
            killed = time.monotonic()
            new = replacement_worker(server, old)

            status, html = get(server, "/admissions/")

            timings.append((time.monotonic() - killed, cpu_seconds(new)))
            assert status == 200 and 'class="inquiry-form"' in html
        # The master warmed the site once; the workers forked from it did not again.
        assert log.read_text().count("Warmed up:") == 1
        # The master holds the listening socket and no connection a worker would share:
        # no database file, no socket to PostgreSQL or Redis.
        held = sockets_of(server.process.pid)
        assert [target for target in held if target.startswith("socket:")] != []
        assert len([target for target in held if target.startswith("socket:")]) == 1, held
        assert not [target for target in held if target.endswith(".sqlite3")], held
    for seconds, cpu in timings:
        assert cpu < FIRST_PAGE_CPU_SECONDS, timings
        assert seconds < FIRST_PAGE_SECONDS, timings


def test_a_script_name_header_moves_no_page_and_no_link(site):
    with Gunicorn(site.env, workers=1) as server:
        status, plain = get(server, "/es/blog/")
        assert status == 200 and '<html lang="es">' in plain

        status, forged = get(server, "/es/blog/", {"SCRIPT_NAME": "/es"})

        assert status == 200 and '<html lang="es">' in forged
        assert links(forged) == links(plain)
        status, forged = get(
            server, "/contact/", {"SCRIPT_NAME": "//evil.example", "PATH_INFO": "/"}
        )
        assert status == 200 and "evil.example" not in forged
        assert re.search(r'<form method="post" action="/contact/"', forged)


def test_a_forged_forwarded_scheme_changes_no_absolute_address(site):
    with Gunicorn(site.env, workers=1) as server:
        status, plain = get(server, "/blog/")
        assert f'<link rel="canonical" href="http://127.0.0.1:{server.port}/blog/">' in plain

        for header in ("X-Forwarded-Proto", "X-Forwarded-Ssl", "X-Forwarded-Protocol"):
            value = "on" if header == "X-Forwarded-Ssl" else "https"
            status, forged = get(server, "/blog/", {header: value})
            assert status == 200
            assert "https://127.0.0.1" not in forged, header
            assert links(forged) == links(plain)


def links(html):
    return sorted(re.findall(r'(?:href|src|action)="([^"]*)"', html))
