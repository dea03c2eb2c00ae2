"""Shared fixtures; the factories they are made from are in factories.py."""

import os
import shutil
import threading
from datetime import time, timedelta
from itertools import count
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection
from django.test import Client
from django.utils import timezone, translation

from articles.models import Category, Post, RecommendedPost
from facility.models import (
    Center,
    Facility,
    GalleryPhoto,
    OpeningHours,
    Page,
    Service,
    StaffProfile,
)

from .factories import jpeg_file
from .live_gunicorn import drop_created_databases, manage, production_env
from .object_storage import bucket, s3_server, s3_settings  # noqa: F401
from .second_factor import force_login_with_second_factor
from .staff_fixtures import editor, editor_client, publisher, publisher_client, staff_groups  # noqa: F401

_serial = count(1)


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: the database is rolled back between tests,
    and what was cached from it must go too."""
    cache.clear()


@pytest.fixture(autouse=True)
def force_login_gives_the_second_factor(monkeypatch):
    """A test client's force_login() stands for a staff member fully logged in: for those
    who read inquiries, with their sign-in code given (tests/second_factor.py). The site
    itself asks every one of them for it; tests of that log in with the password."""
    monkeypatch.setattr(Client, "force_login", force_login_with_second_factor(Client.force_login))


@pytest.fixture(autouse=True)
def english_outside_requests():
    """Each test starts in the site's own language: a request under /es/ leaves Spanish
    active in the thread (LocaleMiddleware activates each request's language), and
    reverse() would then give the next test Spanish addresses."""
    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture(scope="session", autouse=True)
def _no_live_database_left_behind():
    """Drop the `<name>_live` PostgreSQL databases the servers' tests made, at the end."""
    yield
    drop_created_databases()


@pytest.fixture(scope="session")
def collected_static(tmp_path_factory):
    """Static files collected as production does (hashed, compressed), once per run, for
    tests that run the site with debug off in other processes."""
    folder = tmp_path_factory.mktemp("collected-static")
    manage(production_env(DJANGO_STATIC_ROOT=str(folder)), "collectstatic", "--noinput", "-v0")
    return folder


@pytest.fixture
def facility(db):
    organization = Facility.objects.create(
        name="Manor Hill Recovery Center",
        tagline="Detox and residential treatment in Findlay.",
        about="A drug and alcohol treatment center in Findlay, Ohio.",
    )
    center = Center.objects.create(
        name="Manor Hill Recovery Center",
        slug="findlay",
        is_main=True,
        street="1800 Manor Hill Road",
        city="Findlay",
        state="OH",
        postal_code="45840",
        phone="1-855-605-2135",
        email="admissions@manorhillrecovery.example",
        latitude="41.068000",
        longitude="-83.611000",
    )
    for order, days in enumerate(["weekdays", "saturdays", "sundays", "holidays"]):
        OpeningHours.objects.create(center=center, days=days, is_24_hours=True, sort_order=order)
    return organization


@pytest.fixture
def category(db):
    return Category.objects.create(name="Recovery", slug="recovery")


@pytest.fixture
def make_category(db):
    def make(name=None):
        n = next(_serial)
        name = name or f"Category {n}"
        return Category.objects.create(name=name, slug=f"category-{n}")

    return make


@pytest.fixture
def author(db):
    return User.objects.create_user("writer", first_name="Dana", last_name="Reyes")


@pytest.fixture
def author_profile(db):
    """The public byline of the `author` fixture's posts."""
    return StaffProfile.objects.create(name="Dana Reyes", is_listed=False)


@pytest.fixture
def make_post(db, category, author, author_profile):
    def make(title=None, days_ago=1, status=Post.Status.PUBLISHED, **fields):
        n = next(_serial)
        fields.setdefault("category", category)
        fields.setdefault("author", author)
        if fields["author"] is author:  # the fixture's writer signs with her profile
            fields.setdefault("author_profile", author_profile)
        fields.setdefault("body", f"<h2>Section {n}</h2><p>Paragraph {n}.</p>")
        fields.setdefault("excerpt", f"Excerpt of post {n}.")
        return Post.objects.create(
            title=title or f"Post {n}",
            slug=f"post-{n}",
            status=status,
            pub_date=timezone.now() - timedelta(days=days_ago),
            **fields,
        )

    return make


@pytest.fixture
def recommend():
    def link(post, *picks):
        for order, pick in enumerate(picks):
            RecommendedPost.objects.create(post=post, recommended=pick, sort_order=order)

    return link


@pytest.fixture
def make_service(db):
    def make(name=None, **fields):
        n = next(_serial)
        fields.setdefault("summary", f"Summary of service {n}.")
        fields.setdefault("body", f"<p>About service {n}.</p>")
        return Service.objects.create(name=name or f"Service {n}", slug=f"service-{n}", **fields)

    return make


@pytest.fixture
def make_hours(facility):
    def make(days, **fields):
        fields.setdefault("opens", time(8))
        fields.setdefault("closes", time(17))
        return OpeningHours.objects.create(center=facility.main_center, days=days, **fields)

    return make


@pytest.fixture
def make_photo(db):
    def make(caption="The lounge", **fields):
        fields.setdefault("alt_text", f"Photo of {caption.lower()}")
        return GalleryPhoto.objects.create(image=jpeg_file(), caption=caption, **fields)

    return make


@pytest.fixture
def pages(db):
    return [
        Page.objects.create(slug=slug, title=title, body=f"<p>{title} text.</p>")
        for slug, title in [
            ("who-we-are", "Who We Are"),
            ("admissions", "Admissions"),
            ("privacy-policy", "Privacy Policy"),
        ]
    ]


# Browser tests: Debian's Chromium driven by Playwright (never a downloaded browser), and
# axe-core from npm (`npm ci`, which `make test` runs) for the accessibility checks.
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
# Playwright's sync API runs an event loop in the test's thread; Django would then refuse
# the ORM calls browser tests make beside it, which are synchronous on purpose.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def live_server():
    """pytest-django's live server, made to run one request at a time on in-memory SQLite.

    There Django gives all of the server's threads one shared database connection, and
    two requests at once (the admin's autocomplete sends several while someone types) can
    deadlock in it: a browser test then hangs for ever. The sockets still have a thread
    each, so browsers' parallel and kept-alive connections are all served.
    """
    from pytest_django.live_server_helper import LiveServer

    server = LiveServer("localhost", start=False)
    if server.thread.connections_override:
        server.thread.static_handler = _one_at_a_time(server.thread.static_handler)
    server.start()
    yield server
    server.stop()


def _one_at_a_time(handler_class):
    lock = threading.Lock()

    class OneRequestAtATime(handler_class):
        def __call__(self, environ, start_response):
            with lock:
                return super().__call__(environ, start_response)

    return OneRequestAtATime


def _reset_database(contents):
    """Empty the database and fill it with `contents`, serialized as Django's tests do."""
    cache.clear()  # what it holds was built from the data being replaced
    call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
    connection.creation.deserialize_db_from_string(contents)
    # The rows came back with their ids; move PostgreSQL's id sequences past them.
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
            cursor.execute(sql)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database, and its migrated contents (groups, permissions) serialized."""
    with django_db_blocker.unblock():
        return connection.creation.serialize_db_to_string()


@pytest.fixture(scope="session")
def _demo_database(django_db_setup, django_db_blocker):
    """The migrated database with the demo center loaded, serialized, once per run.

    Loading the demo takes seconds; putting this back takes a tenth of one. The database
    is left as it was found (migrated, nothing else), whichever test asked first.
    """
    with django_db_blocker.unblock():
        _reset_database(django_db_setup)
        call_command("load_demo", verbosity=0)
        contents = connection.creation.serialize_db_to_string()
        _reset_database(django_db_setup)
        return contents


@pytest.fixture
def demo_data(db, _demo_database):
    """The demo content, in this test's transaction: what `load_demo` stores, put back
    from the copy made once per run instead of loaded again."""
    _reset_database(_demo_database)


def _transactional(item):
    marker = item.get_closest_marker("django_db")
    return bool(
        (marker is not None and marker.kwargs.get("transaction", False))
        or {"transactional_db", "live_server", "demo_site"} & set(item.fixturenames)
    )


_EMPTIED = {}  # after a transactional test: how to put back what the migrations made


@pytest.fixture(autouse=True)
def _migrated_data_in_transactional_tests(request):
    """Give a transactional test the groups and permissions the migrations made.

    pytest-django empties the database after each transactional test, and what data
    migrations made (the Editors group...) would be gone for the tests after it. A
    transactional test gets it back here; any other test before it starts (below).
    """
    if not _transactional(request.node):
        return
    migrated = request.getfixturevalue("django_db_setup")
    if "demo_site" not in request.fixturenames:  # demo_site has them
        _reset_database(migrated)
    blocker = request.getfixturevalue("django_db_blocker")
    _EMPTIED["restore"] = lambda: _restore_under(blocker, migrated)


def _restore_under(blocker, contents):
    with blocker.unblock():
        _reset_database(contents)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item):
    """After a transactional test, give the next test that is not one the migrated data
    back, committed, before its own transaction starts. pytest-django runs transactional
    tests last, but with pytest-xdist a process may take a file of them and then a file
    of ordinary ones."""
    if "restore" in _EMPTIED and not _transactional(item):
        _EMPTIED.pop("restore")()
    return (yield)


@pytest.fixture
def demo_site(_demo_database, live_server):
    """The demo center on a live server; each test starts from it, whatever others changed.

    Browser tests are transactional (`django_db(transaction=True)`), so the server's thread
    and the test see each other's writes; pytest-django empties the database after each.
    """
    _reset_database(_demo_database)
    return live_server


# What makes a test slow: a live server, a browser, or Django started in a process of
# its own. Such tests are marked `slow` here; `make test-fast` leaves them out, `make
# test` and CI run them.
SLOW_FIXTURES = {"live_server", "demo_site", "collected_static", "page", "browser"}
SLOW_MODULES = {
    "test_deploy_guide_followed",  # the guide's commands, and gunicorn as systemd starts it
    "test_make_admin",
    "test_make_serve",
    "test_production",
    "test_servers",
    "test_settings",
    "test_upgrade",
}


def pytest_itemcollected(item):
    """Mark slow tests as they are collected, before -m selects among them."""
    if (
        SLOW_FIXTURES.intersection(getattr(item, "fixturenames", ()))
        or item.module.__name__.rpartition(".")[2] in SLOW_MODULES
        or "browser" in item.keywords
    ):
        item.add_marker(pytest.mark.slow)


@pytest.hookimpl(trylast=True)  # after -m has deselected what will not run
def pytest_collection_modifyitems(config, items):
    skip_unless_available(
        config,
        items,
        "browser",
        available=Path(CHROMIUM).exists(),
        reason=f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)",
        required_by="REQUIRE_BROWSER",
    )
    skip_unless_available(
        config,
        items,
        "axe",
        available=AXE.exists(),
        reason=f"axe-core is not installed at {AXE} (npm ci)",
        required_by="REQUIRE_BROWSER",
    )
    # The front `make serve` runs: Varnish, which .ci/run installs (and requires there).
    skip_unless_available(
        config,
        items,
        "varnish",
        available=shutil.which("varnishd") is not None,
        reason="varnishd is not installed (apt-get install varnish varnish-modules)",
        required_by="REQUIRE_VARNISH",
    )
    # The CSV export is opened with LibreOffice Calc (apt-get install libreoffice-calc-nogui).
    skip_unless_available(
        config,
        items,
        "spreadsheet",
        available=shutil.which("soffice") is not None,
        reason="LibreOffice is not installed (apt-get install libreoffice-calc-nogui)",
        required_by="REQUIRE_SPREADSHEET",
    )
    # Several servers sharing one site need a database server and Redis: .ci/run gives
    # both and sets REQUIRE_SHARED_SERVICES, so there these tests always run.
    skip_unless_available(
        config,
        items,
        "shared_services",
        available=bool(
            os.environ.get("DATABASE_URL", "").startswith("postgres")
            and os.environ.get("REDIS_URL")
        ),
        reason="DATABASE_URL is not PostgreSQL or REDIS_URL is not set",
        required_by="REQUIRE_SHARED_SERVICES",
    )


def skip_unless_available(config, items, marker, available, reason, required_by):
    """Skip the tests marked `marker`, with a warning, when what they need is missing; or
    refuse to run at all if the environment variable `required_by` says it must be there."""
    marked = [item for item in items if marker in item.keywords]
    if available or not marked:
        return
    if os.environ.get(required_by):
        raise pytest.UsageError(f"{required_by} is set but {reason}.")
    config.issue_config_time_warning(pytest.PytestWarning(f"Skipping {marker} tests: {reason}."), 2)
    for item in marked:
        item.add_marker(pytest.mark.skip(reason=reason))
