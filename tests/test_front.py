"""What `make serve` puts in front of gunicorn: Varnish, with the shipped VCL
(deploy/varnish/), reading every request whole before gunicorn's few synchronous
workers see it."""

import socket
import time

import pytest

from .http_session import Session
from .live_gunicorn import Gunicorn, LiveSite
from .live_varnish import Varnish

pytestmark = pytest.mark.varnish

# The limits docs/deploy.md states: deploy/varnish/serve.sh sets them.
HEADER_AND_BODY_TIMEOUT = 10


@pytest.fixture(scope="module")
def site(tmp_path_factory, collected_static):
    return LiveSite(tmp_path_factory.mktemp("front"), static_root=collected_static)


def stalled(port, request):
    """A connection that sent `request` (a part of one) and then nothing more."""
    connection = socket.create_connection(("127.0.0.1", port), timeout=3 * HEADER_AND_BODY_TIMEOUT)
    connection.sendall(request)
    return connection


def answer_or_close(connection):
    """What the server sent before closing the connection (b"" for nothing)."""
    received = b""
    try:
        while chunk := connection.recv(65536):
            received += chunk
    except ConnectionResetError:
        pass
    connection.close()
    return received


STALLED_BODY = (
    b"POST /contact/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
    b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 999999\r\n\r\nabc"
)
STALLED_HEADERS = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "


def test_stalled_clients_hold_no_worker_and_are_cut_off(site, tmp_path):
    log = tmp_path / "gunicorn.log"
    with Gunicorn(site.env, workers=2, log_path=log) as gunicorn, Varnish(gunicorn.port) as front:
        connections = [stalled(front.port, STALLED_BODY) for _ in range(3)]
        connections += [stalled(front.port, STALLED_HEADERS) for _ in range(3)]
        started = time.monotonic()

        visitor = Session(front.url, timeout=5)
        for path in ["/", "/blog/", "/contact/", "/"]:
            status, _, html = visitor.get(path)
            assert status == 200 and "</footer>" in html, path

        answers = [answer_or_close(connection) for connection in connections]
        cut_after = time.monotonic() - started
        # Cut off by the front, without anything reaching the site.
        assert all(not answer.startswith(b"HTTP/1.1 2") for answer in answers)
        assert "POST /contact/" not in log.read_text()
    print(f"\nstalled clients cut off after {cut_after:.1f} s")


def test_a_body_that_arrives_slowly_but_whole_reaches_the_site(site):
    body = b"first_name=Ana&message=sent+one+byte+at+a+time"
    with Gunicorn(site.env, workers=1) as gunicorn, Varnish(gunicorn.port) as front:
        connection = stalled(
            front.port,
            b"POST /contact/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
            b"Content-Type: application/x-www-form-urlencoded\r\n"
            + f"Content-Length: {len(body)}\r\n\r\n".encode(),
        )
        for start in range(0, len(body), 8):
            time.sleep(0.2)
            connection.sendall(body[start : start + 8])
        answer = answer_or_close(connection)

    # No CSRF cookie: the site gives the form back with what was typed, all of it.
    assert answer.startswith(b"HTTP/1.1 403 ")
    assert b"sent one byte at a time" in answer
