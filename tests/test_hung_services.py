"""Real gunicorn workers on a real PostgreSQL and Redis, each behind a proxy the test
makes refuse, drop, slow down or hang (tests/fault_proxy.py): what visitors get when a
service stops answering, and what they see once it is back.

No assertion here is about time: a request that would hang fails the test by its
client's timeout, and what was measured is printed (pytest -s) for the closing note.
"""

import os
import re
import time
from urllib.parse import urlsplit, urlunsplit

import pytest

from .factories import PASSWORD
from .fault_proxy import FaultProxy
from .http_session import Session, form_fields
from .live_gunicorn import Gunicorn, LiveSite
from .second_factor import ENROL_BOSS, give_known_code

pytestmark = pytest.mark.shared_services

MESSAGE = "My brother needs detox, please call after 6 pm. Hung database test."


def through(url, port):
    """`url` with its port replaced by `port` (the proxy's)."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(netloc=f"{parts.hostname}:{port}"))


@pytest.fixture(scope="module")
def site(tmp_path_factory, collected_static):
    site = LiveSite(
        tmp_path_factory.mktemp("hung-services"),
        database_url=os.environ["DATABASE_URL"],
        redis_url=os.environ["REDIS_URL"],
        static_root=collected_static,
    )
    site.shell(
        "from django.core.management import call_command;"
        "from django.contrib.auth.models import User;"
        "call_command('load_demo', verbosity=0);"
        f"User.objects.create_superuser('boss', 'boss@example.org', {PASSWORD!r});" + ENROL_BOSS
    )
    yield site
    site.remove()


@pytest.fixture
def proxies(site):
    database = FaultProxy(urlsplit(site.env["DATABASE_URL"]).port)
    redis = FaultProxy(urlsplit(site.env["REDIS_URL"]).port or 6379)
    with database, redis:
        yield database, redis


@pytest.fixture
def server(site, proxies, tmp_path):
    database, redis = proxies
    env = {
        **site.env,
        "DATABASE_URL": through(site.env["DATABASE_URL"], database.port),
        "REDIS_URL": through(site.env["REDIS_URL"], redis.port),
    }
    log = tmp_path / "gunicorn.log"
    with Gunicorn(env, workers=3, log_path=log) as server:
        server.log = log
        yield server


def timed(call, *args):
    started = time.monotonic()
    result = call(*args)
    return result, time.monotonic() - started


def until(check, seconds=30):
    """Wait, polling, until check() is true; how long it took (or fail)."""
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        if check():
            return time.monotonic() - started
        time.sleep(0.1)
    pytest.fail(f"not so within {seconds} s")


def post_url(site):
    return site.shell(
        "from articles.models import Post;"
        "print(Post.objects.published().first().get_absolute_url())"
    )


def test_a_hung_database_leaves_cached_pages_and_fails_the_rest_fast_and_keeps_no_late_inquiry(
    site, proxies, server
):
    database, _ = proxies
    visitor = Session(server.url, timeout=20)
    cached = ["/", "/blog/", post_url(site)]
    for path in cached:
        visitor.get(path)
        status, headers, _ = visitor.get(path)
        assert (status, headers["X-Cache"]) == (200, "hit"), path
    writer = Session(server.url, timeout=20)
    _, _, html = writer.get("/admissions/")
    form = form_fields(html)
    phone = site.shell(
        "from facility.models import Center; print(Center.objects.get(is_main=True).phone)"
    )

    database.hanging()
    measured = {}
    for path in cached:
        (status, headers, html), measured[path] = timed(visitor.get, path)
        assert (status, headers["X-Cache"]) == (200, "hit"), path
        assert "</footer>" in html
    (status, _, _), measured["/healthz"] = timed(visitor.get, "/healthz")
    assert status == 503
    form.update(
        for_whom=["loved-one"], first_name=["Ana"], phone=["419-555-0100"], message=[MESSAGE]
    )
    (status, headers, html), measured["POST /admissions/"] = timed(
        writer.post, "/admissions/", form
    )
    assert status == 503
    assert headers["Retry-After"] == "60"
    assert MESSAGE in html and 'value="Ana"' in html
    assert f'href="tel:+1{re.sub(r"[^0-9]", "", phone)[-10:]}"' in html  # the phone
    for path in cached:  # still, after the failed ones
        (status, headers, _), seconds = timed(visitor.get, path)
        assert (status, headers["X-Cache"]) == (200, "hit"), path
        measured[f"{path} again"] = seconds

    database.passing()
    measured["recovery: /healthz 200"] = until(lambda: visitor.get("/healthz")[0] == 200)
    # The visitor sends again what the outage page gave back. A worker whose database
    # call timed out leaves the database alone for DATABASE_RETRY_AFTER_SECONDS, so the
    # worker that answers may give the outage page (with the text) once more meanwhile.
    answers = []

    def thanked():
        _, _, page = writer.post("/admissions/", form_fields(answers[-1] if answers else html))
        answers.append(page)
        return "Thank you, your message is with us" in page

    measured["recovery: inquiry thanked"] = until(thanked, seconds=20)
    assert all(MESSAGE in page for page in answers[:-1])  # never lost meanwhile
    time.sleep(2)  # whatever the proxy held has reached the server by now
    assert (
        site.shell(
            "from inquiries.models import Inquiry;"
            f"print(sum(i.message == {MESSAGE!r} for i in Inquiry.objects.all()))"
        )
        == "1"
    )  # the one sent again and thanked; the one cut off was never saved
    print("\nhung database, seconds:", {k: round(v, 2) for k, v in measured.items()})
    assert "WORKER TIMEOUT" not in server.log.read_text()  # no worker was stuck


def log_in(server):
    staff = Session(server.url, timeout=20)
    _, _, html = staff.get("/admin/login/")
    login = form_fields(html, "login-form")
    login.update(username=["boss"], password=[PASSWORD])
    _, _, html = staff.post("/admin/login/?next=/admin/", login)
    html = give_known_code(staff, html)
    assert "Log out" in html
    return staff


def test_a_save_made_while_redis_is_unreachable_is_what_visitors_see_once_it_is_back(
    site, proxies, server
):
    _, redis = proxies
    post_id, post = site.shell(
        "from articles.models import Post; post = Post.objects.published().first();"
        "print(post.pk, post.get_absolute_url())"
    ).split()
    center = site.shell(
        "from facility.models import Center; print(Center.objects.get(is_main=True).pk)"
    )
    visitor = Session(server.url, timeout=20)
    pages = ["/", "/blog/", post]
    for path in pages:
        visitor.get(path)
        assert visitor.get(path)[1]["X-Cache"] == "hit", path
    staff = log_in(server)
    post_form_url = f"/admin/articles/post/{post_id}/change/"
    _, _, html = staff.get(post_form_url)
    post_form = form_fields(html, "post_form")
    center_form_url = f"/admin/facility/center/{center}/change/"
    _, _, html = staff.get(center_form_url)
    center_form = form_fields(html, "center_form")

    redis.refusing()
    post_form["title_en"] = ["Saved while the cache was away"]
    status, _, html = staff.post(post_form_url, post_form)
    assert "was changed successfully" in html
    assert "the cache could not be reached" in html  # the editor is told
    row = next(
        key.split("-")[1]
        for key, value in center_form.items()
        if key.endswith("-days") and value == ["saturdays"]
    )
    center_form.pop(f"hours-{row}-is_24_hours", None)
    center_form.update({f"hours-{row}-opens": ["07:00"], f"hours-{row}-closes": ["19:15"]})
    status, _, html = staff.post(center_form_url, center_form)
    assert "was changed successfully" in html and "the cache could not be reached" in html
    redis.passing()
    started = time.monotonic()
    # The saving worker replays what Redis missed as soon as it answers (within 50 ms:
    # a worker that saw no failure cannot know before, plumbing/missed_bumps.py says why).
    replayed = until(
        lambda: (
            site.shell("from plumbing.models import MissedBump; print(MissedBump.objects.count())")
            == "0"
        )
    )

    # From then on every visit shows the saves: built from the database while the workers
    # still leave Redis alone, then from Redis, where nothing from before them may match.
    seen = []
    first_hit = None
    while time.monotonic() - started < 12:
        for path in pages:
            status, headers, html = visitor.get(path)
            seen.append((path, headers.get("X-Cache")))
            if first_hit is None and headers.get("X-Cache") == "hit":
                first_hit = time.monotonic() - started
            assert status == 200
            assert "Saved while the cache was away" in html, path  # the latest post
            footer = html[html.index("<footer") :]
            assert "<dt>Saturdays</dt><dd>7:00 a.m. – 7:15 p.m.</dd>" in footer, path
    assert ("/", "hit") in seen  # Redis served again, and what it served was new
    print(
        f"\nredis back: replayed by {replayed:.1f} s (a manage.py shell's start),"
        f" {len(seen)} visits in 12 s all new, served from Redis again after {first_hit:.1f} s"
    )


def test_a_hung_redis_costs_visitors_a_page_built_from_the_database(site, proxies, server):
    _, redis = proxies
    visitor = Session(server.url, timeout=10)
    pages = ["/", "/blog/", post_url(site)]
    for path in pages:
        visitor.get(path)
        assert visitor.get(path)[1]["X-Cache"] == "hit", path

    redis.hanging()
    measured = {}
    for visit, path in enumerate(pages * 2):
        (status, headers, html), measured[f"{visit} {path}"] = timed(visitor.get, path)
        assert status == 200 and "</footer>" in html and headers["X-Cache"] == "miss", path
    (status, _, _), measured["/healthz"] = timed(visitor.get, "/healthz")
    assert status == 503

    redis.passing()
    measured["recovery: served from Redis again"] = until(
        lambda: visitor.get("/")[1].get("X-Cache") == "hit"
    )
    print("\nhung redis, seconds:", {k: round(v, 2) for k, v in measured.items()})
    assert "WORKER TIMEOUT" not in server.log.read_text()
