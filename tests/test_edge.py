"""The edge (plumbing/edge.py): what pages tell an HTTP cache in front, and the purges a
save sends, to Varnish, Fastly-style and Cloudflare-style edges (here local fakes that
record what they were sent)."""

import json
import logging
import threading
import time
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.urls import reverse

from plumbing import edge

from . import clock

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 600
    settings.EDGE_BROWSER_SECONDS = 60
    settings.EDGE_CACHE_SECONDS = 300


def directives(response):
    return {part.strip() for part in response["Cache-Control"].split(",")}


def test_public_pages_say_the_edge_may_keep_them_and_name_their_tags(
    client, facility, make_post, page_cache
):
    post = make_post(title="Sleep in early recovery")
    for url in [reverse("website:home"), reverse("articles:list"), post.get_absolute_url()]:
        for _ in range(2):  # built, then from the page cache
            response = client.get(url)
            assert directives(response) == {"public", "max-age=60", "s-maxage=300"}, url
            assert "facility" in response["xkey"].split(" "), url
            assert not response.cookies, url
    assert "posts" in client.get(post.get_absolute_url())["xkey"].split(" ")


def test_a_page_that_changes_sooner_is_kept_no_longer_at_the_edge(
    client, facility, make_post, page_cache
):
    make_post(title="Out now")
    make_post(title="Scheduled", days_ago=-100 / 86400)  # public in 100 s

    response = client.get(reverse("articles:list"))

    s_maxage = next(int(d.split("=")[1]) for d in directives(response) if d.startswith("s-maxage"))
    assert 0 < s_maxage <= 101


def scheduled(make_post, title, moment):
    post = make_post(title=title)
    post.pub_date = moment
    post.save()


def ages(response):
    """(max-age, s-maxage) as a browser and the edge read them."""
    found = dict(d.split("=") for d in directives(response) if "=" in d)
    return int(found["max-age"]), int(found["s-maxage"])


def test_browsers_keep_a_page_no_longer_than_it_stays_true(client, facility, make_post, page_cache):
    """EDGE_BROWSER_SECONDS is 60: a list that changes in 58, 59 or 60 seconds (its life
    one more, as it is counted to the second) is kept 59, 60, then 60 by browsers
    (mutant E2 kept it 60 whatever came sooner)."""
    start = clock.at(2026, 12, 31, 23, 30)
    for step, (seconds, kept) in enumerate([(58, 59), (59, 60), (60, 60)]):
        now = start + timedelta(minutes=10 * step)
        scheduled(make_post, f"Due {step}", now + timedelta(seconds=seconds))
        with clock.pinned(now):
            response = client.get(reverse("articles:list"))
        assert response["X-Cache"] == "miss"
        assert ages(response) == (kept, seconds + 1)


def test_a_page_from_the_page_cache_tells_the_edge_only_the_time_it_has_left(
    client, facility, make_post, page_cache
):
    """A hit 90 s into a 100 s life may be kept 10 s more, not the edge's whole 300 s
    (mutant E3): a CDN would show a page up to five minutes after it stopped being true."""
    start = clock.at(2026, 12, 31, 23, 30)
    scheduled(make_post, "Due soon", start + timedelta(seconds=99))  # a life of 100 s
    seen = {}
    for after in (0, 41, 89, 90, 91):
        with clock.pinned(start + timedelta(seconds=after)):
            response = client.get(reverse("articles:list"))
        seen[after] = (response["X-Cache"], *ages(response))
    assert seen == {
        0: ("miss", 60, 100),
        41: ("hit", 59, 59),
        89: ("hit", 11, 11),
        90: ("hit", 10, 10),
        91: ("hit", 9, 9),
    }


@pytest.mark.parametrize(
    "header, joined", [("Surrogate-Key", " "), ("Cache-Tag", ","), ("xkey", " ")]
)
def test_one_setting_names_the_key_header(client, facility, page_cache, settings, header, joined):
    settings.EDGE_KEY_HEADER = header

    response = client.get(reverse("website:home"))

    tags = response[header].split(joined)
    assert "facility" in tags and all(tag and " " not in tag for tag in tags)
    for other in {"Surrogate-Key", "Cache-Tag", "xkey"} - {header}:
        assert not response.has_header(other)


def test_forms_staff_pages_and_sessions_are_never_shared(
    client, admin_client, facility, make_post, page_cache
):
    post = make_post()
    for response in [
        client.get(reverse("inquiries:contact")),
        client.get(reverse("inquiries:admissions")),
        client.get(reverse("website:search"), {"q": "sleep"}),
        admin_client.get("/admin/"),
        admin_client.get(post.get_absolute_url()),  # staff have a session
        admin_client.get(reverse("website:home")),
    ]:
        assert "public" not in response["Cache-Control"]
        assert {"private", "no-store"} <= directives(response) or "no-cache" in response[
            "Cache-Control"
        ]
        assert not response.has_header("xkey")


class FakeEdge(ThreadingHTTPServer):
    """A local stand-in for an edge's purge API: records each request; answers the
    statuses in `statuses` in turn, then 200."""

    def __init__(self, statuses=()):
        self.requests = []
        self.statuses = list(statuses)
        super().__init__(("127.0.0.1", 0), Recorder)
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server_address[1]}"

    def close(self):
        self.shutdown()
        self.server_close()


class Recorder(BaseHTTPRequestHandler):
    def handle_any(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        self.server.requests.append((self.command, self.path, self.headers, body))
        status = self.server.statuses.pop(0) if self.server.statuses else 200
        self.send_response(status)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"{}")

    do_PURGE = do_POST = handle_any

    def log_message(self, *args):
        pass


@pytest.fixture
def fake_edge():
    servers = []

    def start(statuses=()):
        server = FakeEdge(statuses)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.close()


def test_a_save_purges_its_tags_at_every_edge_in_its_own_way(
    facility, make_post, settings, fake_edge, django_capture_on_commit_callbacks
):
    varnish, fastly, cloudflare = fake_edge(), fake_edge(), fake_edge()
    settings.EDGE_PURGE_URLS = [
        varnish.url,
        f"fastly+{fastly.url}/service/SERVICE1",
        f"cloudflare+{cloudflare.url}/client/v4/zones/ZONE1",
    ]
    settings.FASTLY_API_TOKEN = "fastly-token"
    settings.CLOUDFLARE_API_TOKEN = "cloudflare-token"
    post = make_post()

    with django_capture_on_commit_callbacks(execute=True):
        post.title = "Retitled"
        post.save()

    ((method, path, headers, _),) = varnish.requests
    assert (method, path) == ("PURGE", "/")
    assert "posts" in headers["xkey-purge"].split(" ")
    ((method, path, headers, body),) = fastly.requests
    assert (method, path, headers["Fastly-Key"]) == (
        "POST",
        "/service/SERVICE1/purge",
        "fastly-token",
    )
    assert "posts" in json.loads(body)["surrogate_keys"]
    ((method, path, headers, body),) = cloudflare.requests
    assert (method, path) == ("POST", "/client/v4/zones/ZONE1/purge_cache")
    assert headers["Authorization"] == "Bearer cloudflare-token"
    assert "posts" in json.loads(body)["tags"]


def test_a_failed_purge_is_logged_retried_and_never_fails_the_save(
    facility,
    make_post,
    settings,
    fake_edge,
    django_capture_on_commit_callbacks,
    caplog,
    monkeypatch,
):
    monkeypatch.setattr(edge, "RETRIES", (0.05, 0.05, 0.05))
    flaky = fake_edge(statuses=[503, 503])
    settings.EDGE_PURGE_URLS = [flaky.url]
    post = make_post()

    with caplog.at_level(logging.WARNING), django_capture_on_commit_callbacks(execute=True):
        post.title = "Saved all the same"
        post.save()

    deadline = time.monotonic() + 10
    while len(flaky.requests) < 3 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert [request[0] for request in flaky.requests] == ["PURGE"] * 3
    assert "Edge purge of" in caplog.text and "failed" in caplog.text
    post.refresh_from_db()
    assert post.title == "Saved all the same"


def test_an_edge_that_is_down_never_fails_the_save(
    facility, make_post, settings, django_capture_on_commit_callbacks, monkeypatch
):
    from .live_gunicorn import free_port

    monkeypatch.setattr(edge, "RETRIES", ())
    settings.EDGE_PURGE_URLS = [f"http://127.0.0.1:{free_port()}"]  # nothing listens
    post = make_post()

    with django_capture_on_commit_callbacks(execute=True):
        post.title = "Kept"
        post.save()

    post.refresh_from_db()
    assert post.title == "Kept"
