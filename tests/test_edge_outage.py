"""When no application server answers behind the edge (deploy/varnish/default.vcl, a real
varnishd in front of real gunicorns), a visitor still reaches a person: the site's own
outage page, in the page's language, with the center's phone as it is now, 988 and 911;
pages seen before rather than nothing; and the site's "too long" page for a body past
the edge's limit."""

import os
import re
import socket
import subprocess
import time

import pytest

from .edge_helpers import AccessLog, Shell, wait_for
from .live_gunicorn import Gunicorn, LiveSite, free_port
from .live_varnish import Varnish

pytestmark = pytest.mark.varnish

NEW_PHONE = "(419) 555-0142"


@pytest.fixture(scope="module")
def site(tmp_path_factory, collected_static):
    site = LiveSite(tmp_path_factory.mktemp("edge-outage"), static_root=collected_static)
    site.shell(
        "from django.core.management import call_command; call_command('load_demo', verbosity=0)"
    )
    return site


def crisis_lines(html, language):
    """The crisis lines the outage page gives, in `language`."""
    assert 'href="tel:988"' in html and "911" in html
    if language == "es":
        assert 'lang="es"' in html
        assert "marque 2" in html and 'href="sms:988?body=AYUDA"' in html
    else:
        assert 'lang="en"' in html
        assert 'href="sms:988"' in html


def answer(port, request):
    """Everything the server sent on a connection that sent `request`, until it closed."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as connection:
        connection.sendall(request)
        received = b""
        try:
            while chunk := connection.recv(65536):
                received += chunk
        except (ConnectionResetError, TimeoutError):
            pass
    return received


def test_with_no_server_every_visitor_gets_the_outage_page_with_the_phone_of_now(site, tmp_path):
    from .http_session import Session

    log = AccessLog(tmp_path / "gunicorn.log")
    backend_port = free_port()
    with Varnish(backend_port) as front:
        env = {**site.env, "EDGE_PURGE_URLS": front.purge_url}
        with Gunicorn(
            env, workers=2, port=backend_port, log_path=log.path, DJANGO_TRUSTED_PROXY_COUNT="1"
        ):
            # The edge fetches its pages itself as soon as the site answers (serve.sh).
            wait_for(log.edge_pages_fetched, 60, "the edge to fetch its outage pages")
            visitor = Session(front.url, timeout=40)
            for path in ["/blog/", "/es/blog/"]:
                assert visitor.get(path)[0] == 200
            # The main center's phone changed in the admin: the save purges, and the
            # edge fetches its outage pages again.
            with Shell(env) as shell:
                (href,) = shell.run(
                    "from facility.models import Center; c = Center.objects.get(is_main=True);"
                    f"c.phone = {NEW_PHONE!r}; c.save(); print(c.phone_href)"
                )
                shell.wait_for_purges()
            # While a server answers, nobody is given the page of before the save.
            status, _, html = visitor.get("/")
            assert status == 200 and href in html

        # No server answers now. A page seen before is served as it was, before the
        # probe has noticed (the fetch fails) as after.
        assert visitor.get("/blog/")[0] == 200
        wait_for(lambda: not front.healthy(), 15, "the probe to find the server gone")
        # Not one visitor gets Varnish's own page.
        for path, language in [
            ("/admissions/", "en"),
            ("/es/admisiones/", "es"),
            ("/contact/", "en"),
            ("/a-page-nobody-asked-for-yet/", "en"),
            ("/es/blog/una-entrada-que-nadie-leyo/", "es"),
        ]:
            status, headers, html = visitor.get(path)
            assert status == 503, path
            assert headers["Retry-After"] == "60" and "no-store" in headers["Cache-Control"]
            assert f'href="{href}"' in html and NEW_PHONE in html, path
            assert "Guru Meditation" not in html and "Varnish" not in html
            crisis_lines(html, language)
        # Nor anyone who sent a form: the outage page, with the phone, in their language.
        for path, language in [("/contact/", "en"), ("/es/contacto/", "es")]:
            status, headers, html = visitor.post(path, {"first_name": "Ana", "message": "help"})
            assert status == 503 and f'href="{href}"' in html, path
            crisis_lines(html, language)
        # Pages seen before are served as they were, rather than nothing.
        for path in ["/blog/", "/es/blog/"]:
            status, headers, html = visitor.get(path)
            assert status == 200 and "</footer>" in html, path
        assert "Guru" not in html


def test_before_the_site_ever_answered_the_edge_still_gives_988_and_911(tmp_path):
    with Varnish(free_port()) as front:  # nothing listens behind it
        for path, language in [("/", "en"), ("/admissions/", "en"), ("/es/admisiones/", "es")]:
            reply = answer(
                front.port,
                f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode(),
            )
            head, _, body = reply.partition(b"\r\n\r\n")
            assert head.startswith(b"HTTP/1.1 503 ") and b"Retry-After: 60" in head, path
            crisis_lines(body.decode(), language)
        reply = answer(
            front.port,
            b"POST /es/contacto/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
            b"Content-Type: application/x-www-form-urlencoded\r\n"
            b"Content-Length: 9\r\n\r\nmessage=x",
        )
        assert reply.startswith(b"HTTP/1.1 503 ")
        crisis_lines(reply.decode(), "es")


def test_a_body_past_the_limit_gets_the_sites_too_long_page_with_the_phone(site, tmp_path):
    log = AccessLog(tmp_path / "gunicorn.log")
    backend_port = free_port()
    with (
        Varnish(backend_port) as front,
        Gunicorn(
            {**site.env, "EDGE_PURGE_URLS": front.purge_url},
            workers=2,
            port=backend_port,
            log_path=log.path,
            DJANGO_TRUSTED_PROXY_COUNT="1",
        ),
    ):
        wait_for(log.edge_pages_fetched, 60, "the edge to fetch its pages")
        phone = site.shell(
            "from facility.models import Center; print(Center.objects.get(is_main=True).phone)"
        )
        # Past the edge's 32 MB: refused there, unread, with the site's page.
        for path, language in [("/admissions/", "en"), ("/es/admisiones/", "es")]:
            reply = answer(
                front.port,
                f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                "Content-Type: multipart/form-data; boundary=x\r\n"
                "Content-Length: 40000000\r\n\r\n".encode(),
            )
            head, _, body = reply.partition(b"\r\n\r\n")
            assert head.startswith(b"HTTP/1.1 413 "), head
            assert b"Connection: close" in head
            assert phone in body.decode(), path
            crisis_lines(body.decode(), language)
        # Between the form's limit (64 kB and two 15 MB photos) and the edge's: the
        # site reads the body through and answers with its own page, not a reset the
        # edge would turn into an error.
        size = 31_700_000
        started = time.monotonic()
        with socket.create_connection(("127.0.0.1", front.port), timeout=60) as connection:
            connection.sendall(
                b"POST /admissions/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                b"Content-Type: multipart/form-data; boundary=x\r\n"
                + f"Content-Length: {size}\r\n\r\n".encode()
            )
            chunk = b"\0" * 1_000_000
            for _ in range(size // len(chunk)):
                connection.sendall(chunk)
            connection.sendall(b"\0" * (size % len(chunk)))
            reply = b""
            while part := connection.recv(65536):
                reply += part
        head, _, body = reply.partition(b"\r\n\r\n")
        assert head.startswith(b"HTTP/1.1 413 "), head
        assert phone in body.decode()
        wait_for(lambda: log.count("POST", "/admissions/") == 1, 10, "the site's answer")
        print(f"\n31.7 MB body refused with the site's page in {time.monotonic() - started:.1f} s")


def test_the_edge_serves_its_pages_to_nobody_who_asks_for_them(site, tmp_path):
    log = AccessLog(tmp_path / "gunicorn.log")
    backend_port = free_port()
    with (
        Varnish(backend_port) as front,
        Gunicorn(site.env, workers=1, port=backend_port, log_path=log.path),
    ):
        for path in ["/edge/outage/en/", "/edge/too-long/es/"]:
            reply = answer(
                front.port,
                f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode(),
            )
            assert reply.startswith(b"HTTP/1.1 404 "), path
            assert not re.search(rb"tel:", reply)


def test_request_bodies_have_a_ceiling_and_one_that_does_not_fit_gets_the_outage_page(
    site, tmp_path
):
    log = AccessLog(tmp_path / "gunicorn.log")
    backend_port = free_port()
    # The Transient storage, where bodies wait, bounded to 8 MB here (128 MB by default).
    with (
        Varnish(backend_port, env={**os.environ, "VARNISH_TRANSIENT": "8m"}) as front,
        Gunicorn(
            {**site.env, "EDGE_PURGE_URLS": front.purge_url},
            workers=1,
            port=backend_port,
            log_path=log.path,
            DJANGO_TRUSTED_PROXY_COUNT="1",
        ),
    ):
        wait_for(log.edge_pages_fetched, 60, "the edge to fetch its pages")
        size = 12_000_000
        with socket.create_connection(("127.0.0.1", front.port), timeout=60) as connection:
            connection.sendall(
                b"POST /contact/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                b"Content-Type: application/x-www-form-urlencoded\r\n"
                + f"Content-Length: {size}\r\n\r\n".encode()
            )
            reply = b""
            try:
                for _ in range(size // 1_000_000):
                    connection.sendall(b"a" * 1_000_000)
            except (BrokenPipeError, ConnectionResetError):
                pass  # answered before the whole body was sent
            try:
                while part := connection.recv(65536):
                    reply += part
            except ConnectionResetError:
                pass
        head, _, body = reply.partition(b"\r\n\r\n")
        # Not "too long" (it is not): try again in a minute, with the phone.
        assert head.startswith(b"HTTP/1.1 503 "), head
        crisis_lines(body.decode(), "en")
        assert log.count("POST", "/contact/") == 0
        counters = subprocess.run(
            ["varnishstat", "-n", str(front.work), "-1", "-f", "SMA.Transient.*"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        held = int(re.search(r"SMA\.Transient\.g_bytes\s+(\d+)", counters).group(1))
        left = int(re.search(r"SMA\.Transient\.g_space\s+(\d+)", counters).group(1))
        # Bounded (an unbounded Transient has no space left to count), and never over it.
        assert left > 0 and held + left == 8 * 1024 * 1024
