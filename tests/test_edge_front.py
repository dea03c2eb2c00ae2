"""The edge (deploy/varnish/default.vcl, a real varnishd in front of real gunicorns) as a
visitor and an attacker meet it: it probes only liveness, keeps no page built before a
save it was told of, lets identical form requests through side by side, ignores made-up
query strings, believes nothing a visitor says about the way the request came, takes
purges only at an address of its own, says nothing of its cache, and takes a new VCL live.
"""

import secrets
import subprocess
import threading
import time

import pytest

from plumbing import edge

from .edge_helpers import AccessLog, Shell, wait_for
from .fault_proxy import FaultProxy
from .http_session import Session
from .live_gunicorn import Gunicorn, LiveSite, free_port
from .live_varnish import VCL, Varnish
from .test_edge_outage import answer

pytestmark = pytest.mark.varnish

CACHE_HEADERS = ["Age", "Via", "X-Varnish", "X-Cache", "X-Edge", "X-Edge-Built", "xkey", "Server"]


@pytest.fixture(scope="module")
def site(tmp_path_factory, collected_static):
    site = LiveSite(tmp_path_factory.mktemp("edge-front"), static_root=collected_static)
    site.shell(
        "from django.core.management import call_command;call_command('load_demo', verbosity=0)"
    )
    return site


def counter(front, name):
    """One of varnishd's counters (varnishstat)."""
    listing = subprocess.run(
        ["varnishstat", "-n", str(front.work), "-1", "-f", name],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return int(listing[1])


def test_liveness_needs_neither_database_nor_redis_and_is_what_the_edge_probes(site):
    unreachable = {
        **site.env,
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{free_port()}/nowhere",
        "REDIS_URL": f"redis://127.0.0.1:{free_port()}/0",
    }
    backend_port = free_port()
    with (
        Varnish(backend_port) as front,
        Gunicorn(unreachable, workers=1, port=backend_port, ready_path="/livez") as gunicorn,
    ):
        visitor = Session(gunicorn.url, timeout=30)
        status, headers, body = visitor.get("/livez")
        assert (status, body) == (200, "ok\n") and "no-store" in headers["Cache-Control"]
        # The alerting check says what is wrong all the same.
        assert visitor.get("/healthz")[0] == 503
        # Any Host, over plain HTTP: as a probe asks.
        assert Session(gunicorn.url).get("/livez", {"Host": "probe.invalid"})[0] == 200
        time.sleep(5)  # two probes and more
        assert front.healthy()
    assert 'url = "/livez"' in VCL.read_text() and "/healthz" not in VCL.read_text()


def test_no_page_built_before_a_save_outlives_it_at_the_edge(site, tmp_path):
    """20 forced trials: the page is built (from the rows before the save) while the
    save is made, and reaches the edge after the save's purge."""
    log = AccessLog(tmp_path / "gunicorn.log")
    post_id, path = site.shell(
        "from articles.models import Post; p = Post.objects.published().first();"
        "print(p.pk, p.get_absolute_url())"
    ).split()
    gunicorn_port = free_port()
    with FaultProxy(gunicorn_port) as slow, Varnish(slow.port) as front:
        env = {**site.env, "EDGE_PURGE_URLS": front.purge_url}
        with (
            Gunicorn(
                env,
                workers=2,
                port=gunicorn_port,
                log_path=log.path,
                DJANGO_TRUSTED_PROXY_COUNT="1",
            ),
            Shell(env) as shell,
        ):
            shell.run(f"from articles.models import Post; post = Post.objects.get(pk={post_id})")
            visitor = Session(front.url, timeout=30)
            front.wait_until_healthy()
            stale = 0
            for trial in range(20):
                title = f"Race {trial} {secrets.token_hex(3)}"
                # The page is no longer kept as it was: the visitor's request is a miss.
                assert edge.purge_one(front.purge_url, {"posts"})
                # Each way, every chunk now waits 1 s: the page is built 1 s after the
                # edge asks, and reaches the edge 1 s after it was built (the probe,
                # answered within 3 s, still finds the server alive).
                front.wait_until_healthy()
                slow.slow(1.0)
                built = log.count("GET", path) + 1
                fetch = threading.Thread(target=visitor.get, args=(path,))
                fetch.start()
                wait_for(
                    lambda built=built: log.count("GET", path) >= built, 30, "the page to be built"
                )
                shell.run(f"post.title_en = {title!r}; post.save()")  # bump, commit, purge
                fetch.join()
                slow.passing()
                front.wait_until_healthy()  # a server answers: nothing stale is allowed
                status, _, html = visitor.get(path)
                assert status == 200
                stale += title not in html
            print(f"\npurge race: {stale} of 20 trials stale at the edge")
            assert stale == 0


def test_identical_form_requests_go_through_side_by_side(site, tmp_path):
    gunicorn_port = free_port()
    with (
        FaultProxy(gunicorn_port) as slow,
        Varnish(slow.port) as front,
        Gunicorn(site.env, workers=4, port=gunicorn_port, DJANGO_TRUSTED_PROXY_COUNT="1"),
    ):
        visitor = Session(front.url, timeout=60)
        front.wait_until_healthy()
        assert visitor.get("/admissions/")[0] == 200  # the edge learns it is never kept
        slow.slow(1.0)  # 2 s a request
        took = []

        def ask():
            started = time.monotonic()
            assert Session(front.url, timeout=60).get("/admissions/")[0] == 200
            took.append(time.monotonic() - started)

        visitors = [threading.Thread(target=ask) for _ in range(4)]
        started = time.monotonic()
        for thread in visitors:
            thread.start()
        for thread in visitors:
            thread.join()
        elapsed = time.monotonic() - started
    print(f"\n4 identical admissions requests at 2 s each: all answered in {elapsed:.1f} s")
    # One after another would take 8 s.
    assert len(took) == 4 and elapsed < 5


def test_made_up_query_strings_neither_reach_the_site_nor_fill_the_cache(site, tmp_path):
    log = AccessLog(tmp_path / "gunicorn.log")
    backend_port = free_port()
    with (
        Varnish(backend_port) as front,
        Gunicorn(
            site.env,
            workers=2,
            port=backend_port,
            log_path=log.path,
            DJANGO_TRUSTED_PROXY_COUNT="1",
        ),
    ):
        visitor = Session(front.url, timeout=30)
        front.wait_until_healthy()
        assert visitor.get("/blog/")[0] == 200
        for _ in range(20):
            junk = secrets.token_hex(4)
            status, _, html = visitor.get(f"/blog/?{junk}={junk}&utm_source=tv&fbclid={junk}")
            assert status == 200 and "</footer>" in html
        # A page number is a page of its own, however the parameters come.
        assert visitor.get("/blog/?page=2&ref=x")[0] == 200
        assert visitor.get("/blog/?ref=y&page=2")[0] == 200
        time.sleep(1)
        assert log.count("GET", "/blog/") == 2
        assert counter(front, "MAIN.n_object") < 10


def test_the_edge_believes_nothing_a_visitor_says_about_the_way_the_request_came(site, tmp_path):
    backend_port = free_port()
    with (
        Varnish(backend_port) as front,
        Gunicorn(site.env, workers=2, port=backend_port, DJANGO_TRUSTED_PROXY_COUNT="1"),
    ):
        attacker, visitor = Session(front.url, timeout=30), Session(front.url, timeout=30)
        front.wait_until_healthy()
        forged = {
            "SCRIPT_NAME": "/es",
            "PATH_INFO": "/blog/",
            "X-Forwarded-Proto": "https",
            "X-Forwarded-Host": "evil.example",
            "Forwarded": "proto=https;host=evil.example",
        }
        status, _, html = attacker.get("/es/blog/", forged)
        assert status == 200 and 'lang="es"' in html
        assert "evil.example" not in html and "https://127.0.0.1" not in html
        status, headers, html = visitor.get("/es/blog/")
        assert 'lang="es"' in html and "evil.example" not in html
        assert "https://127.0.0.1" not in html
        # Nothing says whether the page came from the cache, or what serves it.
        for name in CACHE_HEADERS:
            assert name not in headers, name
        status, headers, _ = visitor.get("/blog/")
        for name in CACHE_HEADERS:
            assert name not in headers, name

        # PURGE: not from a visitor's address, whatever the source address; at the purge
        # address, without a count.
        reply = answer(
            front.port,
            b"PURGE / HTTP/1.1\r\nHost: 127.0.0.1\r\nxkey-purge: facility\r\n"
            b"Connection: close\r\n\r\n",
        )
        assert reply.startswith(b"HTTP/1.1 405 ") and b"Purged" not in reply
        assert edge.purge_one(front.purge_url, {"facility"})
        reply = answer(
            front.purge_port,
            b"PURGE / HTTP/1.1\r\nHost: 127.0.0.1\r\nxkey-purge: facility posts\r\n"
            b"Connection: close\r\n\r\n",
        )
        head, _, body = reply.partition(b"\r\n\r\n")
        assert head.startswith(b"HTTP/1.1 200 ") and body.strip() == b"Purged"
        # The purge address answers nothing else.
        reply = answer(
            front.purge_port,
            b"GET /blog/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
        )
        assert reply.startswith(b"HTTP/1.1 405 ")


def test_a_changed_vcl_is_taken_live_keeping_the_cache(site, tmp_path):
    log = AccessLog(tmp_path / "gunicorn.log")
    vcl = tmp_path / "edge.vcl"
    vcl.write_text(VCL.read_text())
    backend_port = free_port()
    with (
        Varnish(backend_port, vcl=vcl) as front,
        Gunicorn(
            site.env,
            workers=2,
            port=backend_port,
            log_path=log.path,
            DJANGO_TRUSTED_PROXY_COUNT="1",
        ),
    ):
        visitor = Session(front.url, timeout=30)
        front.wait_until_healthy()
        assert visitor.get("/blog/")[0] == 200
        wait_for(lambda: log.count("GET", "/blog/") == 1, 10, "gunicorn's log line")
        before = log.count("GET", "/blog/")
        vcl.write_text(
            VCL.read_text()
            + '\nsub vcl_deliver {\n    set resp.http.Content-Language = "changed";\n}\n'
        )
        wait_for(
            lambda: visitor.get("/blog/")[1].get("Content-Language") == "changed",
            30,
            "the new VCL",
        )
        # The same varnishd, never restarted, its cache kept: the page was not fetched again.
        assert counter(front, "MGT.child_start") == 1
        assert log.count("GET", "/blog/") == before
