"""Several gunicorn workers without Redis share one cache: the table in the site's own
database. A change made anywhere reaches every worker's next page, the contact form's
limit holds whichever worker counts, and made-up query strings neither grow the cache nor
push the limit's counts out of it.

Real servers on 127.0.0.1, on the suite's database (SQLite, or PostgreSQL when
DATABASE_URL says so); with REDIS_URL set, the flood test runs against Redis too.
"""

import os
import threading

import pytest
from django.core.cache import caches
from django.db import transaction

from .http_session import Session, form_fields
from .live_gunicorn import Gunicorn, LiveSite, production_env
from .test_abuse_limits import TOO_MANY
from .test_production import settings_of

WORKERS = 3
REQUESTS = 24


@pytest.fixture(scope="module")
def site(tmp_path_factory, collected_static):
    site = LiveSite(
        tmp_path_factory.mktemp("shared-cache"),
        database_url=os.environ.get("DATABASE_URL", ""),
        static_root=collected_static,
    )
    site.shell("from django.core.management import call_command; call_command('load_demo')")
    return site


def together(count, request):
    """`request(n)` for n in range(count), from several threads at once, so that every
    worker takes some; the answers in order."""
    answers = [None] * count
    numbers = iter(range(count))
    lock = threading.Lock()

    def run():
        while True:
            with lock:
                number = next(numbers, None)
            if number is None:
                return
            answers[number] = request(number)

    threads = [threading.Thread(target=run) for _ in range(WORKERS * 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return answers


def get_all(server, path, count=REQUESTS):
    return together(count, lambda _: Session(server.url).get(path))


def footer(html):
    return html[html.index("<footer") :]


def test_without_redis_production_shares_a_cache_table_and_development_keeps_memory():
    [caches] = settings_of(production_env(), "CACHES")
    assert caches["default"]["BACKEND"] == "plumbing.cache_backend.FailSoftDatabaseCache"
    assert caches["default"]["LOCATION"] == "site_cache"

    [caches] = settings_of(production_env(DJANGO_DEBUG="true"), "CACHES")
    assert caches["default"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"


@pytest.mark.django_db
def test_the_cache_table_keeps_versions_and_a_failure_spoils_no_transaction(settings, facility):
    settings.CACHES = {
        "default": {
            "BACKEND": "plumbing.cache_backend.FailSoftDatabaseCache",
            "LOCATION": "site_cache",
        },
        "lost": {"BACKEND": "plumbing.cache_backend.FailSoftDatabaseCache", "LOCATION": "gone"},
    }
    table = caches["default"]
    assert table.add("tag:posts", "v1", timeout=None) is True
    assert table.add("tag:posts", "v2", timeout=None) is False  # the first one wins
    assert table.get_many(["tag:posts", "page:x"]) == {"tag:posts": "v1"}

    with transaction.atomic():
        assert caches["lost"].get("anything", "missing") == "missing"
        caches["lost"].set("anything", 1)
        facility.save()  # PostgreSQL would refuse this in a failed transaction
    assert type(facility).objects.get().name == facility.name


def test_a_change_made_elsewhere_reaches_every_worker_at_once(site, tmp_path):
    post_url = site.shell(
        "from articles.models import Post; print(Post.objects.published().first()"
        ".get_absolute_url())"
    )
    with Gunicorn(site.env, workers=WORKERS, log_path=tmp_path / "log") as server:
        # Every worker keeps both pages: they come from its cache now.
        for path in [post_url, "/"]:
            answers = get_all(server, path)
            assert {status for status, _, _ in answers} == {200}
            assert "hit" in {headers["X-Cache"] for _, headers, _ in answers}
        assert "<dt>Saturdays</dt><dd>24 Hours</dd>" in footer(answers[-1][2])

        # Another process, as staff in the admin or a command would: unpublish the post,
        # change Saturday's hours.
        site.shell(
            "from articles.models import Post; from facility.models import OpeningHours;"
            "post = Post.objects.published().first(); post.status = Post.Status.DRAFT;"
            "post.save();"
            "row = OpeningHours.objects.get(days='saturdays', center__is_main=True);"
            "row.is_24_hours, row.opens, row.closes = False, '08:00', '20:30'; row.save()"
        )

        assert {status for status, _, _ in get_all(server, post_url)} == {404}
        homes = get_all(server, "/")
        assert {status for status, _, _ in homes} == {200}
        for _, _, html in homes:
            assert "<dt>Saturdays</dt><dd>8:00 a.m. – 8:30 p.m.</dd>" in footer(html)
            assert post_url not in html  # nor among the latest posts

    assert "Traceback" not in (tmp_path / "log").read_text()


def send_messages(server, count, first_number=0):
    """`count` contact messages from one address, several at a time; (status, html) each."""

    def send(number):
        visitor = Session(server.url)
        _, _, html = visitor.get("/contact/")
        fields = form_fields(html)
        fields.update(
            for_whom=["myself"],
            first_name=["Jordan"],
            email=["jordan@example.org"],
            best_time=["any"],
            level_of_care=["Not sure"],
            payment=["not-sure"],
            message=[f"Message number {first_number + number}: please call me back."],
        )
        status, _, html = visitor.post("/contact/", fields)
        return status, html

    return together(count, send)


def saved_messages(site):
    return int(
        site.shell(
            "from inquiries.models import Inquiry;"
            "print(sum(i.message.startswith('Message number') for i in Inquiry.objects.all()))"
        )
    )


def no_messages_yet(site):
    site.shell(
        "from inquiries.models import Inquiry; from plumbing.models import RateCounter;"
        "Inquiry.objects.all().delete(); RateCounter.objects.all().delete()"
    )


def test_the_contact_limit_holds_whichever_worker_counts(site):
    no_messages_yet(site)
    with Gunicorn(site.env, workers=WORKERS, CONTACT_RATE_LIMIT="3/3600") as server:
        answers = send_messages(server, 15)

    accepted = [html for status, html in answers if status == 200]
    refused = [html for status, html in answers if status == 429]
    assert (len(accepted), len(refused)) == (3, 12)
    assert all("Thank you, your message is with us" in html for html in accepted)
    for html in refused:
        assert TOO_MANY in html
        assert "please call me back.</textarea>" in html  # what they wrote is still there
    assert saved_messages(site) == 3


def cache_entries(site, redis_url):
    """How many entries the servers' cache holds."""
    if redis_url:
        import redis

        client = redis.Redis.from_url(redis_url)
        return sum(1 for _ in client.scan_iter(f"{site.env['CACHE_KEY_PREFIX']}:*"))
    return int(
        site.shell(
            "from django.db import connection; cursor = connection.cursor();"
            "cursor.execute('SELECT COUNT(*) FROM site_cache'); print(cursor.fetchone()[0])"
        )
    )


# Made-up requests; before the fix each of these made an entry of its own,
FLOOD = [
    ("/?page=x{n}", {}),
    ("/services/?page={n}", {}),
    ("/tour/?page=x{n}&utm_source=mail", {}),
    ("/", {"Host": "localhost:{n}"}),  # ALLOWED_HOSTS does not check ports
]
# and of these, some did and some could.
OTHER_VARIANTS = [
    ("/blog/?page=x{n}", {}),
    ("/blog/?page={n}000", {}),
    ("/blog/?fbclid={n}", {}),
    ("/sitemap.xml?p=x{n}", {}),
    ("/blog/feed/?format={n}", {}),
]


def flood_request(visitor, n):
    kinds = FLOOD if n < 400 else OTHER_VARIANTS
    path, headers = kinds[n % len(kinds)]
    return visitor.get(
        path.format(n=n), {name: value.format(n=n) for name, value in headers.items()}
    )


@pytest.mark.parametrize(
    "redis_url",
    [
        pytest.param("", id="database"),
        pytest.param(
            os.environ.get("REDIS_URL", ""),
            id="redis",
            marks=pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="no REDIS_URL"),
        ),
    ],
)
def test_made_up_query_strings_neither_grow_the_cache_nor_reset_the_limit(site, redis_url):
    no_messages_yet(site)
    # One worker: with a cache per process, every entry would land in the same memory.
    env = {**site.env, "REDIS_URL": redis_url, "CONTACT_RATE_LIMIT": "3/3600"}
    with Gunicorn(env, workers=1) as server:
        visitor = Session(server.url)
        for path in {path.split("?")[0] for path, _ in FLOOD + OTHER_VARIANTS}:
            assert visitor.get(path)[0] == 200, path
        assert [status for status, _ in send_messages(server, 3)] == [200] * 3
        before = cache_entries(site, redis_url)

        answers = together(400 + 50, lambda n: flood_request(visitor, n))

        assert {status for status, _, _ in answers} <= {200, 404}
        [(status, html)] = send_messages(server, 1, first_number=3)
        assert status == 429 and TOO_MANY in html
        assert cache_entries(site, redis_url) == before
    assert saved_messages(site) == 3


def test_a_missing_cache_table_is_reported_and_pages_are_still_served(site, tmp_path):
    drop = "from django.db import connection;connection.cursor().execute('DROP TABLE site_cache')"
    site.shell(drop)
    try:
        with Gunicorn(site.env, workers=1, log_path=tmp_path / "log") as server:
            visitor = Session(server.url)
            for path in ["/", "/blog/", "/contact/", "/"]:
                status, _, html = visitor.get(path)
                assert status == 200 and "</footer>" in html, path
            assert visitor.get("/healthz")[:1] == (503,)
            log = (tmp_path / "log").read_text()
            assert "Cache table 'site_cache' unusable" in log
            assert "createcachetable" in log

            # What the message says to do.
            from .live_gunicorn import manage

            manage(site.env, "createcachetable")
            assert visitor.get("/healthz")[:1] == (200,)
    finally:
        site.shell(
            "from django.core.management import call_command; call_command('createcachetable')"
        )
