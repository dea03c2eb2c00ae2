"""sitemap.xml, robots.txt and the RSS and Atom feeds."""

import xml.etree.ElementTree as ET
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Post

from . import clock

pytestmark = pytest.mark.django_db

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
ATOM_NS = {"a": "http://www.w3.org/2005/Atom"}


@pytest.fixture
def content(facility, pages, make_post, make_service, make_photo, make_category):
    empty_category = make_category("Nothing published yet")
    return {
        "post": make_post(title="Published one"),
        "draft": make_post(title="Draft one", status=Post.Status.DRAFT),
        "future": make_post(title="Future one", days_ago=-2),
        "hidden_category": make_post(category=empty_category, status=Post.Status.DRAFT),
        "service": make_service(),
        "page": pages[0],
        "photo": make_photo(),
    }


def sitemap_entries(client):
    response = client.get(reverse("sitemap"))
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return {
        url.find("s:loc", SITEMAP_NS).text: url.findtext("s:lastmod", None, SITEMAP_NS)
        for url in root.findall("s:url", SITEMAP_NS)
    }


def test_sitemap_lists_every_public_page_with_lastmod(client, content):
    entries = sitemap_entries(client)
    base = "http://testserver"

    for path in [
        "/",
        reverse("facility:services"),
        reverse("facility:tour"),
        reverse("articles:list"),
        reverse("inquiries:contact"),
        content["post"].get_absolute_url(),
        content["post"].category.get_absolute_url(),
        content["service"].get_absolute_url(),
        content["page"].get_absolute_url(),
    ]:
        assert base + path in entries, path
        assert entries[base + path], f"{path} has no lastmod"
    # The sitemap dates a page by its day in the site's zone (not UTC's, a day ahead in
    # the evening in Ohio).
    assert entries[base + content["post"].get_absolute_url()] == (
        timezone.localdate(content["post"].updated).isoformat()
    )


def test_sitemap_dates_are_the_sites_days_late_in_the_evening(client, facility, make_post):
    # 23:30 on 31 December in Ohio is 04:30 on 1 January in UTC.
    evening = datetime(2026, 12, 31, 23, 30, tzinfo=ZoneInfo("America/New_York"))
    with clock.pinned(evening):
        post = make_post(days_ago=0)
        entries = sitemap_entries(client)

    assert entries["http://testserver" + post.get_absolute_url()] == "2026-12-31"
    assert entries["http://testserver" + reverse("articles:list")] == "2026-12-31"


def test_sitemap_never_lists_unpublished_things(client, content):
    entries = sitemap_entries(client)
    for key in ["draft", "future", "hidden_category"]:
        post = content[key]
        assert f"http://testserver{post.get_absolute_url()}" not in entries
    assert f"http://testserver{content['hidden_category'].category.get_absolute_url()}" not in (
        entries
    )


def test_sitemap_uses_site_url(client, content, settings):
    settings.SITE_URL = "https://www.recovery.example"
    assert all(url.startswith("https://www.recovery.example/") for url in sitemap_entries(client))


def test_robots_txt_names_the_sitemap_and_keeps_crawlers_out(client, settings):
    settings.SITE_URL = "https://www.recovery.example"
    response = client.get("/robots.txt")
    lines = response.content.decode().splitlines()

    assert response["Content-Type"].startswith("text/plain")
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Disallow: /search/" in lines
    assert "Sitemap: https://www.recovery.example/sitemap.xml" in lines


def test_rss_feed_has_published_posts_with_their_details(client, content, author):
    response = client.get(reverse("articles:feed"))
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    items = {item.findtext("title"): item for item in channel.findall("item")}

    assert set(items) == {"Published one"}
    item = items["Published one"]
    assert item.findtext("link") == f"http://testserver{content['post'].get_absolute_url()}"
    assert item.findtext("description") == content["post"].excerpt
    assert item.findtext("category") == "Recovery"
    assert "Dana Reyes" in item.findtext("{http://purl.org/dc/elements/1.1/}creator", "") + (
        item.findtext("author") or ""
    )
    assert item.findtext("pubDate")
    assert channel.findtext("title") == "Manor Hill Recovery Center blog"


def test_atom_feed_has_published_posts(client, content):
    response = client.get(reverse("articles:atom"))
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    entries = root.findall("a:entry", ATOM_NS)

    assert [entry.findtext("a:title", None, ATOM_NS) for entry in entries] == ["Published one"]
    entry = entries[0]
    assert entry.find("a:author/a:name", ATOM_NS).text == "Dana Reyes"
    assert entry.find("a:category", ATOM_NS).get("term") == "Recovery"
    assert entry.findtext("a:summary", None, ATOM_NS) == content["post"].excerpt
    assert entry.findtext("a:published", None, ATOM_NS)
    assert entry.findtext("a:updated", None, ATOM_NS)


def test_category_feed_has_only_that_category(client, content, make_post, make_category):
    other = make_category("For Families")
    make_post(title="Family post", category=other)

    response = client.get(reverse("articles:category_feed", args=[other.slug]))
    titles = [item.findtext("title") for item in ET.fromstring(response.content).iter("item")]

    assert titles == ["Family post"]
    assert client.get(reverse("articles:category_feed", args=["nope"])).status_code == 404
