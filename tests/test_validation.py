"""`make validate`'s own rules for feeds and sitemaps (validation/rules.py): they pass
what the site serves and catch what feed validators and sitemaps.org refuse; and CI
runs `make validate` (issue 35)."""

import re

import pytest

from validation.rules import MAX_URLS, feed_problems, sitemap_problems

from .live_gunicorn import ROOT

pytestmark = pytest.mark.django_db

URLSET = '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{}</urlset>'
HERE = "https://www.example.org/sitemap.xml"


def url(loc, lastmod=None):
    return (
        f"<url><loc>{loc}</loc>" + (f"<lastmod>{lastmod}</lastmod>" if lastmod else "") + "</url>"
    )


@pytest.mark.parametrize("path", ["/blog/feed/", "/blog/feed/atom/", "/es/blog/feed/"])
def test_the_sites_feeds_meet_the_rules(demo_data, client, path):
    response = client.get(path, follow=True)

    assert response.status_code == 200
    assert b"<item>" in response.content or b"<entry>" in response.content
    assert feed_problems(response.content) == []


def test_the_sites_sitemap_meets_the_rules(demo_data, client):
    problems, locations = sitemap_problems(client.get("/sitemap.xml").content, "http://testserver/")

    assert problems == []
    assert len(locations) > 40 and any("/es/" in loc for loc in locations)


def test_feed_rules_catch_what_feed_validators_refuse():
    assert feed_problems(b"<rss version='2.0'><channel><title>x</channel></rss>")[0].startswith(
        "not well-formed XML"
    )
    rss = b"""<rss version="2.0"><channel><title>Blog</title><link>https://example.org/</link>
        <item><title>Post</title><link>/relative/</link><pubDate>yesterday</pubDate></item>
        </channel></rss>"""
    assert feed_problems(rss) == [
        "the channel has no <description>",
        "item 1's <link> is not an absolute URL",
        "item 1's <pubDate> 'yesterday' is not an RFC 822 date",
    ]
    atom = b"""<feed xmlns="http://www.w3.org/2005/Atom"><id>x</id><title>Blog</title>
        <updated>2026-12-07T12:49:55-05:00</updated>
        <entry><id>1</id><title>Post</title><updated>2026-12-07 12:49</updated></entry></feed>"""
    assert feed_problems(atom) == [
        'the feed has no <link rel="self">',
        "entry 1's <updated> is not an RFC 3339 date",
        "entry 1 has no <author>, nor has the feed",
        "entry 1 has neither <link> nor <content>",
    ]


def test_sitemap_rules_catch_what_sitemaps_org_refuses():
    bad = URLSET.format(
        url("/relative/")
        + url("https://elsewhere.example/page/")
        + url("https://www.example.org/fine/", "2026-12-07T12:49")
        + url("https://www.example.org/also-fine/", "2026-12-07T12:49:55.591605-05:00")
    )
    problems, _ = sitemap_problems(bad.encode(), HERE)

    assert problems == [
        "entry 1's <loc> '/relative/' is not an absolute URL",
        "entry 2's <loc> https://elsewhere.example/page/ is on another host than the sitemap",
        "entry 3's <lastmod> '2026-12-07T12:49' is not a W3C date",
    ]
    too_many = URLSET.format(url("https://www.example.org/") * (MAX_URLS + 1))
    assert sitemap_problems(too_many.encode(), HERE)[0] == [
        f"{MAX_URLS + 1} entries: at most {MAX_URLS} are allowed"
    ]
    assert sitemap_problems(b"<urlset/>", HERE)[0] == [
        "the root element is <urlset>, not sitemaps.org's urlset"
    ]


def test_ci_runs_make_validate_after_lint_and_it_runs_every_check():
    ci = (ROOT / ".ci" / "run").read_text()
    makefile = (ROOT / "Makefile").read_text()
    package = (ROOT / "package.json").read_text()

    assert "make lint\nmake validate\n" in ci
    target = re.search(r"^validate:.*?(?=^\S)", makefile, re.M | re.S).group(0)
    assert "browser-tools" in target and "default-jre-headless" in target
    assert "-m validation" in target
    assert re.search(r'"vnu-jar": "\d+\.\d+\.\d+"', package)  # pinned, as the lock is
