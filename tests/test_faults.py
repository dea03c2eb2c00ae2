"""When a part fails, visitors still get an answer: the database, Redis or the mail
server down. (tests/test_servers.py runs gunicorn with Redis gone, too.)"""

import re
from contextlib import contextmanager
from unittest import mock

import pytest
from django.db import OperationalError, connections
from django.test import Client
from django.urls import reverse

from inquiries.models import Inquiry
from plumbing.cache_backend import FailSoftRedisCache

from .live_gunicorn import free_port, manage, production_env
from .test_contact import VALID

pytestmark = pytest.mark.django_db

SORRY = "This page is not available right now"


@contextmanager
def database_down():
    """Every new query fails as it does when the database server is gone."""
    refused = OperationalError("connection refused: is the server running on 127.0.0.1?")
    with mock.patch.object(connections["default"], "ensure_connection", side_effect=refused):
        yield


@pytest.fixture
def site(facility, make_post):
    return {"post": make_post(title="Sleep in early recovery")}


def test_database_down_gives_a_plain_503_page_in_the_sites_layout(client, site, caplog):
    client.get(reverse("facility:services"))  # the facility is in the cache from now on

    with database_down():
        response = client.get(reverse("articles:list"))

    html = response.content.decode()
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert "no-store" in response["Cache-Control"]
    assert SORRY in html
    assert '<header class="site-header">' in html and "<footer" in html
    assert 'href="tel:+18556052135"' in html  # the phone, from the cache
    for detail in ["Traceback", "OperationalError", "connection refused", "127.0.0.1"]:
        assert detail not in html
    assert "Database unavailable: GET /blog/" in caplog.text


def test_database_down_outside_a_view_still_gives_the_503_page(site):
    # An unknown path makes the moved-pages middleware ask the database, after the view.
    with database_down():
        response = Client(raise_request_exception=False).get("/no-such-page/")

    assert response.status_code == 503
    assert SORRY in response.content.decode()


def test_database_down_the_cached_pages_are_still_served(client, site, settings):
    settings.PAGE_CACHE_SECONDS = 600
    url = site["post"].get_absolute_url()
    client.get(url)

    with database_down():
        response = client.get(url)

    assert response.status_code == 200
    assert "Sleep in early recovery" in response.content.decode()


@pytest.mark.parametrize(
    "database_url",
    [
        pytest.param(lambda: f"postgres://site@127.0.0.1:{free_port()}/site", id="postgresql"),
        pytest.param(lambda: "sqlite:////no/such/folder/site.sqlite3", id="sqlite"),
    ],
)
@pytest.mark.slow
def test_a_server_without_its_database_answers_503_and_logs_the_path(
    collected_static, database_url
):
    env = production_env(DATABASE_URL=database_url(), DJANGO_STATIC_ROOT=str(collected_static))
    code = (
        "from django.test import Client;"
        "response = Client(HTTP_HOST='127.0.0.1').get('/blog/');"
        "print('STATUS', response.status_code);"
        "print(response.content.decode())"
    )

    result = manage(env, "shell", "-c", code)

    log, _, page = result.stdout.partition("STATUS ")
    assert page.startswith("503")
    assert SORRY in page and "Traceback" not in page
    assert re.search(r"ERROR plumbing\.outage \[GET /blog/\] Database unavailable", log)
    assert "OperationalError" in log  # the details are in the log, for staff


def test_redis_down_pages_are_built_from_the_database(client, site, settings, caplog):
    settings.CACHES = {
        "default": {
            "BACKEND": "plumbing.cache_backend.FailSoftRedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",  # nothing listens there
        }
    }
    settings.PAGE_CACHE_SECONDS = 600

    for _ in range(2):
        for url in [reverse("website:home"), site["post"].get_absolute_url()]:
            response = client.get(url)
            html = response.content.decode()
            assert response.status_code == 200
            assert "Sleep in early recovery" in html and 'href="tel:+18556052135"' in html
            assert response["X-Cache"] == "miss"  # the second time too: nothing was kept
    assert "Cache unreachable" in caplog.text


def test_the_redis_cache_keeps_one_client_for_every_call():
    # Django's own Redis cache builds a redis-py client for every call, about 0.1 ms each,
    # which every page served from the page cache paid (docs/performance.md).
    backend = FailSoftRedisCache(f"redis://127.0.0.1:{free_port()}/0", {})

    assert backend.client.get_client(write=False) is backend.client.get_client(write=True)
    assert backend.get("anything", "missed") == "missed"  # nothing listens: a miss


def test_mail_server_down_the_message_is_kept_and_the_visitor_thanked(
    client, facility, settings, caplog
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()  # refused

    response = client.post(reverse("inquiries:contact"), VALID, follow=True)

    assert response.status_code == 200
    assert "Thank you, your message is with us" in response.content.decode()
    saved = Inquiry.objects.get()
    assert (saved.message, saved.notified) == (VALID["message"], None)
    assert f"Inquiry {saved.pk} saved; notifying staff failed" in caplog.text
