"""Privacy in a real browser: no page contacts another site, sets a tracking cookie or
stores anything; the map and share links stay plain links until a visitor uses them."""

from urllib.parse import urlparse

import pytest
from django.urls import reverse

from tests.page_checks import (
    ADMISSIONS_WITH_ERRORS,
    CONTACT_WITH_ERRORS,
    expected_status,
    open_page,
    page_names,
    page_url,
    show_every_image,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Django's CSRF cookie protects a form that posts; it holds no personal information.
PAGES_WITH_A_FORM = {"contact", CONTACT_WITH_ERRORS, "admissions", ADMISSIONS_WITH_ERRORS}
OPENSTREETMAP = "https://www.openstreetmap.org/**"


@pytest.mark.parametrize("name", page_names())
def test_page_loads_nothing_from_elsewhere_and_sets_no_tracking_cookie(
    demo_site, context, page, name
):
    own_host = urlparse(demo_site.url).netloc
    requested = []
    context.on("request", lambda request: requested.append(request.url))

    assert open_page(page, demo_site.url, name) == expected_status(name)
    assert show_every_image(page) == []
    page.wait_for_load_state("networkidle")  # anything a script fetches late, too

    elsewhere = [url for url in requested if urlparse(url).netloc not in ("", own_host)]
    assert elsewhere == []
    allowed = {"csrftoken"} if name in PAGES_WITH_A_FORM else set()
    assert {cookie["name"] for cookie in context.cookies()} <= allowed
    if name == "contact":
        assert [cookie["name"] for cookie in context.cookies()] == ["csrftoken"]
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0
    assert page.locator("iframe").count() == 0


def test_share_links_are_plain_links_to_the_networks(demo_site, page):
    page.goto(demo_site.url + page_url("post"))
    share = page.get_by_role("region", name="Share this post").get_by_role("link")

    hosts = {urlparse(share.nth(i).get_attribute("href")).netloc for i in range(share.count())}
    assert {"www.facebook.com", "www.linkedin.com"} <= hosts
    scripts = page.eval_on_selector_all("script[src]", "els => els.map(e => e.src)")
    assert all(urlparse(src).netloc == urlparse(demo_site.url).netloc for src in scripts)


def test_map_loads_from_openstreetmap_only_when_asked(demo_site, page):
    asked = []
    page.route(
        OPENSTREETMAP,
        lambda route: asked.append(route.request.url) or route.fulfill(body="map"),
    )
    page.goto(demo_site.url + reverse("inquiries:contact"))
    page.wait_for_load_state("networkidle")
    larger_map = page.locator("main").get_by_role("link", name="View larger map")
    assert larger_map.get_attribute("href").startswith("https://www.openstreetmap.org/?mlat=")
    assert asked == []

    # The frame is lazy-loaded: its request comes when the browser gets to it, which may
    # be after the page has gone quiet. Wait for the answer itself, for a bounded time.
    with page.expect_response(OPENSTREETMAP, timeout=15_000) as map_answer:
        page.locator("main").get_by_role("button", name="Show map here").click()

    assert "openstreetmap.org/export/embed.html" in map_answer.value.url
    frame = page.locator("main iframe")
    assert "openstreetmap.org/export/embed.html" in frame.get_attribute("src")
    assert frame.get_attribute("title") == "Map showing Manor Hill Recovery Center"
    assert asked == [map_answer.value.url]
