"""The servers' PostgreSQL database `<name>_live` is made fresh and never left behind."""

import os
from urllib.parse import urlsplit

import pytest

from .live_gunicorn import (
    CREATED_DATABASES,
    LiveSite,
    drop_created_databases,
    per_worker,
    postgres_url_for,
)

pytestmark = pytest.mark.shared_services


def databases_named(database_url, *names):
    import psycopg

    with psycopg.connect(postgres_url_for(database_url, "postgres")) as connection:
        rows = connection.execute(
            "SELECT datname FROM pg_database WHERE datname = ANY(%s)", (list(names),)
        ).fetchall()
    return {row[0] for row in rows}


@pytest.fixture
def database_url():
    return os.environ["DATABASE_URL"]


@pytest.fixture
def live_name(database_url):
    return per_worker(urlsplit(database_url).path.lstrip("/") + "_live")


def test_a_database_left_by_a_run_that_died_is_replaced(
    tmp_path, collected_static, database_url, live_name
):
    import psycopg

    first = LiveSite(tmp_path / "first", database_url=database_url, static_root=collected_static)
    first.shell("from django.contrib.auth.models import User; User.objects.create(username='x')")
    CREATED_DATABASES.clear()  # as if that run died before its end

    second = LiveSite(tmp_path / "second", database_url=database_url, static_root=collected_static)

    assert (
        second.shell("from django.contrib.auth.models import User; print(User.objects.count())")
        == "0"
    )
    assert sorted(CREATED_DATABASES) == [postgres_url_for(database_url, live_name)]
    with psycopg.connect(postgres_url_for(database_url, live_name)):
        pass  # it exists, and takes connections


def test_what_the_servers_made_is_dropped_at_the_end(
    tmp_path, collected_static, database_url, live_name
):
    site = LiveSite(tmp_path, database_url=database_url, static_root=collected_static)
    assert databases_named(database_url, live_name) == {live_name}

    drop_created_databases()  # what the session does when it ends

    assert databases_named(database_url, live_name) == set()
    assert not CREATED_DATABASES
    site.remove()  # dropping again is harmless
