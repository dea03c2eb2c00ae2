"""The application's side of the edge's outage answer (website/edge_pages.py,
plumbing/edge.py, plumbing/health.py, plumbing/body_limit.py), without servers: the
pages the edge keeps, the stamps and purge moments that close the purge race, the
liveness check, and a refused body read through behind a proxy."""

import io
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.test import override_settings

from plumbing import edge

pytestmark = pytest.mark.django_db


def test_the_edge_pages_are_the_sites_outage_and_too_long_pages_in_each_language(
    client, facility, settings
):
    center = facility.main_center
    for address, language, heading in [
        ("/edge/outage/en/", "en", "This page is not available right now"),
        ("/edge/outage/es/", "es", "marque 2"),
        ("/edge/too-long/en/", "en", "This message is too long to send"),
    ]:
        started = time.time()
        response = client.get(address)
        html = response.content.decode()
        assert response.status_code == 200, address
        assert f'lang="{language}"' in html and heading in html
        assert f'href="{center.phone_href}"' in html and 'href="tel:988"' in html
        cache = {part.strip() for part in response["Cache-Control"].split(",")}
        assert "public" in cache and "s-maxage=60" in cache
        assert float(response[edge.BUILT_HEADER]) >= started - 1
        assert "facility" in response["xkey"].split(" ")
    assert client.get("/edge/outage/fr/").status_code == 404


def test_a_phone_changed_in_the_admin_is_on_the_next_outage_page(client, facility):
    center = facility.main_center
    client.get("/edge/outage/en/")
    center.phone = "(419) 555-0142"
    center.save()

    html = client.get("/edge/outage/en/").content.decode()

    assert "(419) 555-0142" in html and f'href="{center.phone_href}"' in html


def test_liveness_answers_before_any_check_and_health_still_checks(client, monkeypatch):
    from plumbing import health

    monkeypatch.setitem(health.CHECKS, "database", lambda: False)
    with override_settings(ALLOWED_HOSTS=["www.example.org"], SECURE_SSL_REDIRECT=True):
        response = client.get("/livez", HTTP_HOST="probe.invalid")
        assert (response.status_code, response.content) == (200, b"ok\n")
    assert client.get("/healthz").status_code == 503


class Recorder(BaseHTTPRequestHandler):
    def do_any(self):
        self.server.requests.append((self.command, self.path, self.headers))
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_PURGE = do_GET = do_any

    def log_message(self, *args):
        pass


@pytest.fixture
def varnish_stand_in():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    server.requests = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def test_a_purge_carries_its_moment_and_is_followed_by_a_fetch_of_the_edge_pages(
    settings, varnish_stand_in
):
    settings.EDGE_PURGE_URLS = [f"http://127.0.0.1:{varnish_stand_in.server_address[1]}"]
    settings.SITE_URL = "https://www.example.org"
    before = time.time()

    edge.purge({"posts"})

    deadline = time.monotonic() + 10
    while len(varnish_stand_in.requests) < 1 + len(edge.EDGE_PAGES):
        assert time.monotonic() < deadline, varnish_stand_in.requests
        time.sleep(0.05)
    (method, path, headers), *fetches = varnish_stand_in.requests
    assert (method, path, headers["xkey-purge"]) == ("PURGE", "/", "posts")
    assert before <= float(headers["xkey-purged-at"]) <= time.time()
    assert [(m, p) for m, p, _ in fetches] == [("GET", page) for page in edge.EDGE_PAGES]
    assert {h["Host"] for _, _, h in fetches} == {"www.example.org"}


def test_a_refused_body_is_read_through_behind_a_proxy_and_left_alone_without(
    client, facility, settings
):
    body = b"message=" + b"x" * (200 * 1024)
    for proxies, left in [(1, 0), (0, len(body))]:
        settings.TRUSTED_PROXY_COUNT = proxies
        stream = io.BytesIO(body)
        response = client.generic(
            "POST",
            "/contact/",
            CONTENT_TYPE="application/x-www-form-urlencoded",
            CONTENT_LENGTH=str(len(body)),
            **{"wsgi.input": stream},
        )
        assert response.status_code == 413
        assert len(body) - stream.tell() == left, proxies
