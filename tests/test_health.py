"""`/healthz` tells a load balancer whether this server can serve, and nothing more."""

import pytest
from django.urls import reverse

from .live_gunicorn import free_port
from .test_faults import database_down

pytestmark = pytest.mark.django_db


def test_healthy_when_the_database_and_the_cache_answer(client):
    response = client.get(reverse("healthz"))

    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert "no-store" in response["Cache-Control"]


def test_unhealthy_without_the_database_and_says_no_more(client, caplog):
    with database_down():
        response = client.get(reverse("healthz"))

    assert response.status_code == 503
    assert response.content == b"unavailable\n"
    assert "Health check failed: database" in caplog.text


def test_unhealthy_without_the_cache(client, settings, caplog):
    settings.CACHES = {
        "default": {
            "BACKEND": "plumbing.cache_backend.FailSoftRedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
        }
    }

    response = client.get(reverse("healthz"))

    assert response.status_code == 503
    assert response.content == b"unavailable\n"
    assert "Health check failed: cache" in caplog.text


def test_unhealthy_when_the_cache_table_is_missing_and_the_log_says_how_to_fix_it(
    client, settings, caplog
):
    settings.CACHES = {
        "default": {
            "BACKEND": "plumbing.cache_backend.FailSoftDatabaseCache",
            "LOCATION": "no_such_cache_table",
        }
    }

    response = client.get(reverse("healthz"))

    assert response.status_code == 503
    assert "Health check failed: cache" in caplog.text
    assert "Cache table 'no_such_cache_table' unusable" in caplog.text
    assert "manage.py createcachetable" in caplog.text


def test_answers_over_plain_http_when_https_is_enforced(client, settings):
    settings.SECURE_SSL_REDIRECT = True

    assert client.get(reverse("healthz")).status_code == 200
    assert client.get(reverse("website:home")).status_code == 301
