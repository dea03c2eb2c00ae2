"""Pages for anonymous visitors come from the cache, and any save makes exactly the pages
that show the saved record fresh again, at once (plumbing/invalidation.py and
plumbing/page_cache.py)."""

from datetime import date, datetime, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.contrib.sitemaps.views import sitemap
from django.core.management import call_command
from django.test import Client
from django.urls import URLResolver, get_resolver, reverse
from django.views.generic.list import MultipleObjectMixin

from articles.models import Post
from facility.models import Center, Credential, Facility, Holiday, InsurancePlan
from plumbing import invalidation

from . import clock
from .http_session import form_fields

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 600


@pytest.fixture
def site(facility, pages, make_post, make_service, make_photo, recommend):
    older = make_post(title="An older post", days_ago=5)
    post = make_post(title="A first post")
    recommend(post, older)
    return {
        "post": post,
        "older": older,
        "service": make_service(name="Medical Detox"),
        "photo": make_photo(caption="The garden"),
        "page": pages[0],
    }


def site_urls(site):
    return {
        "home": reverse("website:home"),
        "blog": reverse("articles:list"),
        "category": site["post"].category.get_absolute_url(),
        "post": site["post"].get_absolute_url(),
        "feed": reverse("articles:feed"),
        "services": reverse("facility:services"),
        "service": site["service"].get_absolute_url(),
        "tour": reverse("facility:tour"),
        "page": site["page"].get_absolute_url(),
        "site_map": reverse("website:site_map"),
        "sitemap": reverse("sitemap"),
    }


def served(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, url
    return response.get("X-Cache")


def test_a_cached_page_runs_no_query_and_reads_the_same(
    client, site, page_cache, django_assert_num_queries
):
    url = site["post"].get_absolute_url()
    first = client.get(url)

    with django_assert_num_queries(0):
        second = client.get(url)

    assert (first["X-Cache"], second["X-Cache"]) == ("miss", "hit")
    assert second.content == first.content
    assert "A first post" in second.content.decode()


POSTS = {"home", "blog", "category", "post", "feed", "site_map", "sitemap"}
EVERYTHING = {
    "home",
    "blog",
    "category",
    "post",
    "feed",
    "services",
    "service",
    "tour",
    "page",
    "site_map",
    "sitemap",
}


def holiday():
    """The main center's closed day, made on first use."""
    found, _ = Holiday.objects.get_or_create(
        center=Center.objects.get(), date=date(2031, 7, 4),
        defaults={"name": "Founders' Day", "is_closed": True},
    )  # fmt: skip
    return found


def rename(obj, field, value):
    setattr(obj, field, value)
    obj.save()


CHANGES = {
    "a post's title": (lambda s: rename(s["older"], "title", "Renamed"), POSTS),
    "a category": (lambda s: rename(s["post"].category, "name", "Healing"), POSTS),
    "a recommendation": (lambda s: s["post"].recommended_links.get().delete(), POSTS),
    "an author's name": (lambda s: rename(s["post"].author, "first_name", "Dee"), POSTS),
    "a service": (
        lambda s: rename(s["service"], "summary", "New words."),
        {"home", "services", "service", "site_map", "sitemap"},
    ),
    "a photo": (lambda s: rename(s["photo"], "caption", "The pond"), {"home", "tour"}),
    "a page": (lambda s: rename(s["page"], "title", "About us"), {"page", "site_map", "sitemap"}),
    "an hours row": (
        lambda s: Facility.objects.get().hours.first().delete(),
        EVERYTHING,
    ),
    # Holidays, credentials and plans changed outside the admin (the shell, a script): the
    # ORM's save and delete alone make every page stale, as every footer shows the hours.
    "a holiday added": (lambda s: holiday(), EVERYTHING),
    "a holiday's name": (lambda s: rename(holiday(), "name", "Founding Day"), EVERYTHING),
    "a holiday deleted": (lambda s: holiday().delete(), EVERYTHING),
    "a credential": (
        lambda s: Credential.objects.create(center=Center.objects.get(), issuer="CARF"),
        EVERYTHING,
    ),
    "an insurance plan": (
        lambda s: InsurancePlan.objects.create(center=Center.objects.get(), name="Example PPO"),
        EVERYTHING,
    ),
    "the facility": (lambda s: rename(Facility.objects.get(), "about", "New words."), EVERYTHING),
    "a center": (lambda s: rename(Center.objects.get(), "phone", "419-555-0100"), EVERYTHING),
    "a staff login": (lambda s: Client().force_login(s["post"].author), set()),
}


# The changes made to a holiday there before the pages are cached.
EXISTING_HOLIDAY = {"a holiday's name", "a holiday deleted"}


@pytest.mark.parametrize("change", CHANGES)
def test_each_change_makes_exactly_the_pages_showing_it_fresh(client, site, page_cache, change):
    make_change, stale = CHANGES[change]
    if change in EXISTING_HOLIDAY:
        holiday()
    urls = site_urls(site)
    for url in urls.values():
        served(client, url)
    assert {name for name, url in urls.items() if served(client, url) == "hit"} == set(urls)

    make_change(site)

    fresh = {name for name, url in urls.items() if served(client, url) == "miss"}
    assert fresh == stale


def test_a_save_in_the_admin_is_on_the_public_page_at_once(
    client, admin_client, site, facility, page_cache
):
    post = site["post"]
    client.get(post.get_absolute_url())
    assert "24 Hours" in client.get(post.get_absolute_url()).content.decode()

    change_url = reverse("admin:facility_center_change", args=[facility.main_center.pk])
    form = form_fields(admin_client.get(change_url).content.decode(), "center_form")
    row = next(k.split("-")[1] for k, v in form.items() if k.endswith("-days") and v == ["sundays"])
    del form[f"hours-{row}-is_24_hours"]
    form[f"hours-{row}-is_closed"] = ["on"]
    assert admin_client.post(change_url, form).status_code == 302

    change_url = reverse("admin:articles_post_change", args=[post.pk])
    form = form_fields(admin_client.get(change_url).content.decode(), "post_form")
    form["title_en"] = ["Rest, then recovery"]
    assert admin_client.post(change_url, form).status_code == 302

    response = client.get(post.get_absolute_url())
    html = response.content.decode()
    assert response["X-Cache"] == "miss"
    assert "<dt>Sundays</dt><dd>Closed</dd>" in html
    assert "Rest, then recovery</h1>" in html


def test_staff_get_fresh_pages_and_leave_none_behind(editor_client, site, page_cache):
    draft = Post.objects.create(
        title="Not yet",
        slug="not-yet",
        category=site["post"].category,
        body="<p>Draft.</p>",
        status=Post.Status.DRAFT,
    )
    visitor = Client()
    home = reverse("website:home")
    served(visitor, home)

    assert editor_client.get(home).get("X-Cache") is None  # built for them
    assert editor_client.get(draft.get_absolute_url()).status_code == 200  # a preview

    assert visitor.get(draft.get_absolute_url()).status_code == 404  # not the staff's copy


def test_the_contact_form_is_never_shared(facility, page_cache, monkeypatch):
    def token(response):
        return form_fields(response.content.decode())["csrfmiddlewaretoken"][0]

    url = reverse("inquiries:contact")
    first, second = Client().get(url), Client().get(url)
    assert token(first) != token(second)
    assert first.get("X-Cache") is second.get("X-Cache") is None

    # Even listed as cacheable, a page that hands out a CSRF token is never kept.
    monkeypatch.setitem(invalidation.PAGES, "inquiries:contact", set())
    first, second = Client().get(url), Client().get(url)
    assert token(first) != token(second)
    assert second.get("X-Cache") is None


def test_query_strings_other_than_page_share_the_cached_page(client, site, page_cache):
    blog = reverse("articles:list")
    served(client, blog)

    assert served(client, blog + "?utm_source=newsletter") == "hit"
    assert served(client, blog + "?page=1&fbclid=abc") == "hit"  # page 1 is the blog itself
    assert served(client, blog + "?format=json&random=1") == "hit"


@pytest.fixture
def two_pages_of_posts(site, make_post, settings):
    settings.POSTS_PER_PAGE = 1  # the site's two posts make two pages


@pytest.mark.parametrize("view", ["blog", "category"])
def test_only_page_numbers_the_list_has_get_an_entry_of_their_own(
    client, site, page_cache, two_pages_of_posts, view
):
    url = site_urls(site)[view]
    served(client, url)

    assert served(client, url + "?page=2") == "miss"
    assert served(client, url + "?page=2&utm_source=x") == "hit"
    for made_up in ["x1", "0", "-1", "99999", "2.0"]:
        response = client.get(url, {"page": made_up})
        assert response.status_code == 404, made_up  # as without the cache
        assert response.get("X-Cache") is None, made_up  # and nothing kept
    # Other spellings Django's ListView understands: answered as before, built each time.
    for spelling, page in [("02", 2), ("last", 2), ("", 1)]:
        response = client.get(url, {"page": spelling})
        assert (response.status_code, response.get("X-Cache")) == (200, None), spelling
        assert f"Page {page} of 2" in response.content.decode()


def test_the_sitemap_is_keyed_on_its_own_page_parameter(client, site, page_cache):
    sitemap = reverse("sitemap")
    served(client, sitemap)

    assert served(client, sitemap + "?p=1") == "hit"
    assert served(client, sitemap + "?page=7") == "hit"  # not a parameter it reads
    for made_up in ["2", "x", "0"]:
        response = client.get(sitemap, {"p": made_up})
        assert (response.status_code, response.get("X-Cache")) == (404, None), made_up


def test_pages_without_a_page_number_ignore_any_query_string(client, site, page_cache):
    for url in [
        reverse("website:home"),
        site["post"].get_absolute_url(),
        reverse("facility:tour"),
    ]:
        served(client, url)
        for query in ["?page=x1", "?page=2", "?p=3", "?q=anything", "?utm_campaign=spring"]:
            assert served(client, url + query) == "hit", url + query


def url_views(patterns, namespace=""):
    """{url name: view} of every named URL, namespaced as reverse() names them."""
    views = {}
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            views.update(url_views(pattern.url_patterns, inner))
        elif pattern.name:
            views[namespace + pattern.name] = pattern.callback
    return views


def test_every_cached_list_is_keyed_on_its_page_number():
    views = url_views(get_resolver().url_patterns)
    for name in invalidation.PAGES:
        view = getattr(views[name], "view_class", None)
        paged = (
            view is not None
            and issubclass(view, MultipleObjectMixin)
            and bool(
                view.paginate_by or view.get_paginate_by is not MultipleObjectMixin.get_paginate_by
            )
        )
        assert paged == (invalidation.PAGE_NUMBER.get(name) == "page"), name
    assert views["sitemap"] is sitemap and invalidation.PAGE_NUMBER["sitemap"] == "p"


def test_a_head_request_is_answered_from_the_entry_a_get_made(client, site, page_cache):
    blog = reverse("articles:list")
    served(client, blog)

    response = client.head(blog + "?utm_source=x")

    assert (response.status_code, response["X-Cache"]) == (200, "hit")


def test_other_spellings_of_a_path_make_no_entry_of_their_own(client, site, page_cache):
    post = site["post"].get_absolute_url()
    served(client, post)

    # Escaped letters are the same path once decoded: the same page, the same entry.
    assert served(client, post.replace("post", "%70ost", 1)) == "hit"
    # Without the slash, or doubled: a redirect or a 404, never kept.
    for other in [post.rstrip("/"), "/" + post, post + "/"]:
        response = client.get(other)
        assert response.status_code in (301, 404), other
        assert response.get("X-Cache") is None, other


def test_host_names_are_keyed_only_when_named_in_allowed_hosts(client, site, page_cache, settings):
    settings.ALLOWED_HOSTS = ["www.example.org", ".example.net"]
    blog = reverse("articles:list")

    assert served(client, blog + "?a", HTTP_HOST="www.example.org") == "miss"
    assert served(client, blog + "?b", HTTP_HOST="WWW.example.org") == "hit"
    # A pattern lets anyone make up host names: those pages are built, not kept.
    assert served(client, blog, HTTP_HOST="made-up-1.example.net") is None
    assert served(client, blog, HTTP_HOST="made-up-1.example.net") is None
    # The port is not checked by ALLOWED_HOSTS: one the request did not come in on is
    # made up too.
    assert served(client, blog, HTTP_HOST="www.example.org:4711", SERVER_PORT="80") is None
    assert served(client, blog, HTTP_HOST="www.example.org:80", SERVER_PORT="80") == "miss"


def test_a_scheduled_post_appears_at_its_time_with_the_cache_on(
    client, facility, category, author, settings
):
    settings.PAGE_CACHE_SECONDS = 86400  # a day: the post due in an hour must cut it short
    now = datetime(2026, 3, 2, 9, 0, tzinfo=ZoneInfo("America/New_York"))
    common = {"category": category, "author": author, "status": Post.Status.PUBLISHED}
    Post.objects.create(title="Out already", slug="out", pub_date=now - timedelta(days=1), **common)
    Post.objects.create(title="Due at ten", slug="due", pub_date=now + timedelta(hours=1), **common)
    blog = reverse("articles:list")

    def at(moment):
        with clock.pinned(moment):
            response = client.get(blog)
        return response["X-Cache"], "Due at ten" in response.content.decode()

    assert at(now) == ("miss", False)
    assert at(now + timedelta(minutes=59)) == ("hit", False)
    assert at(now + timedelta(hours=1, seconds=1)) == ("miss", True)


def test_header_and_footer_data_are_read_once_then_cached(
    client, facility, django_assert_num_queries
):
    services = reverse("facility:services")
    # Services, then the facility, its centers and their hours, holidays and credentials.
    with django_assert_num_queries(6):
        client.get(services)
    with django_assert_num_queries(1):
        client.get(services)

    row = facility.hours.get(days="saturdays")
    row.is_24_hours, row.opens, row.closes = False, "09:00", "13:00"
    row.save()

    with django_assert_num_queries(6):
        html = client.get(services).content.decode()
    assert "<dt>Saturdays</dt><dd>9:00 a.m. – 1:00 p.m.</dd>" in html


def test_a_change_makes_things_stale_again_once_committed(
    facility, django_capture_on_commit_callbacks
):
    before = invalidation.versions({"facility"})
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        facility.save()
        at_once = invalidation.versions({"facility"})

    assert len(callbacks) == 1
    assert before != at_once != invalidation.versions({"facility"})


def test_invalidating_the_cache_rebuilds_every_page(client, site, page_cache):
    urls = site_urls(site).values()
    for url in urls:
        served(client, url)

    call_command("invalidate_cache", stdout=StringIO())

    assert {served(client, url) for url in urls} == {"miss"}
