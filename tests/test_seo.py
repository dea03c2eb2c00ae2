"""What search engines and social sites read: titles, descriptions, canonical, cards."""

import re
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from articles.models import Post
from facility.models import StaffProfile
from tests import clock
from tests.factories import jpeg_file
from website.models import MovedPage

pytestmark = pytest.mark.django_db


def head_tags(html):
    """The <meta> tags of the page's <head> as {name or property: content}."""
    head = html[: html.index("</head>")]
    tags = {}
    for attrs in re.findall(r"<meta ([^>]+)>", head):
        key = re.search(r'(?:name|property)="([^"]+)"', attrs)
        content = re.search(r'content="([^"]*)"', attrs)
        if key and content:
            tags[key.group(1)] = content.group(1)
    return tags


def title_of(html):
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1)


def canonical_of(html):
    return re.search(r'<link rel="canonical" href="([^"]+)">', html).group(1)


@pytest.fixture
def shared_post(make_post):
    return make_post(
        title="Talking with your teenager",
        excerpt="Short excerpt.",
        featured_image=jpeg_file(size=(1600, 900)),
        featured_image_alt="Two chairs on a porch",
    )


def test_post_link_preview_shows_title_description_and_a_1200x630_image(
    client, facility, shared_post
):
    html = client.get(shared_post.get_absolute_url()).content.decode()
    tags = head_tags(html)

    assert title_of(html) == "Talking with your teenager · Manor Hill Recovery Center"
    assert tags["description"] == "Short excerpt."
    assert tags["og:type"] == "article"
    assert tags["og:title"] == "Talking with your teenager"
    assert tags["og:description"] == "Short excerpt."
    assert tags["og:url"] == f"http://testserver{shared_post.get_absolute_url()}"
    assert tags["og:image"].startswith("http://testserver/media/renditions/")
    assert (tags["og:image:width"], tags["og:image:height"]) == ("1200", "630")
    assert tags["og:image:alt"] == "Two chairs on a porch"
    assert tags["twitter:card"] == "summary_large_image"
    assert tags["twitter:image"] == tags["og:image"]
    assert tags["article:section"] == "Recovery"
    assert tags["article:published_time"] == timezone.localtime(shared_post.pub_date).isoformat()


def test_share_image_is_really_1200x630_and_made_once(client, facility, shared_post, settings):
    renditions = Path(settings.MEDIA_ROOT, "renditions")
    made_on_save = sorted(renditions.rglob("*"))
    html = client.get(shared_post.get_absolute_url()).content.decode()
    client.get(shared_post.get_absolute_url())
    path = head_tags(html)["og:image"].removeprefix("http://testserver/media/")

    with Image.open(f"{settings.MEDIA_ROOT}/{path}") as picture:
        assert picture.size == (1200, 630)
    assert sorted(renditions.rglob("*")) == made_on_save  # pages make no pictures


def test_post_without_picture_uses_the_site_default_image(client, facility, make_post):
    tags = head_tags(client.get(make_post().get_absolute_url()).content.decode())
    assert tags["og:image"] == "http://testserver/static/img/share-default.jpg"
    assert tags["og:image:width"] == "1200"


def test_staff_can_override_title_and_description(client, facility, make_post):
    post = make_post(
        title="A long title written for readers",
        seo_title="Short search title",
        search_description="What searchers see.",
    )
    html = client.get(post.get_absolute_url()).content.decode()
    tags = head_tags(html)

    assert title_of(html) == "Short search title · Manor Hill Recovery Center"
    assert tags["description"] == tags["og:description"] == "What searchers see."
    assert "<h1>A long title written for readers</h1>" in html


def test_pages_and_services_take_overrides_too(client, facility, pages, make_service):
    page = pages[1]
    page.seo_title, page.search_description = "Getting admitted", "How admission works."
    page.save()
    service = make_service(name="Detox", seo_title="Medical detox in Ohio")

    page_html = client.get(page.get_absolute_url()).content.decode()
    service_html = client.get(service.get_absolute_url()).content.decode()

    assert title_of(page_html) == "Getting admitted · Manor Hill Recovery Center"
    assert head_tags(page_html)["description"] == "How admission works."
    assert title_of(service_html) == "Medical detox in Ohio · Manor Hill Recovery Center"
    assert head_tags(service_html)["description"] == service.summary


def test_without_overrides_each_page_shows_its_own_words(
    client, facility, pages, make_post, make_service
):
    post = make_post(title="Sleep after detox", excerpt="Why nights are hard at first.")
    service = make_service(name="Family Program", summary="Support for the people at home.")
    page = pages[0]

    post_html = client.get(post.get_absolute_url()).content.decode()
    service_html = client.get(service.get_absolute_url()).content.decode()
    page_html = client.get(page.get_absolute_url()).content.decode()

    assert title_of(post_html) == "Sleep after detox · Manor Hill Recovery Center"
    assert head_tags(post_html)["description"] == "Why nights are hard at first."
    assert title_of(service_html) == "Family Program · Manor Hill Recovery Center"
    assert head_tags(service_html)["description"] == "Support for the people at home."
    assert title_of(page_html) == "Who We Are · Manor Hill Recovery Center"
    assert head_tags(page_html)["description"] == facility.about  # pages have no summary


def test_home_description_is_the_facility_blurb(client, facility):
    tags = head_tags(client.get(reverse("website:home")).content.decode())
    assert tags["description"] == facility.about
    assert tags["og:type"] == "website"


def test_every_page_has_a_distinct_title_and_an_absolute_canonical(
    client, facility, pages, make_post, make_service, settings
):
    settings.SITE_URL = "https://www.recovery.example"
    post = make_post()
    urls = [
        reverse("website:home"),
        reverse("articles:list"),
        post.category.get_absolute_url(),
        post.get_absolute_url(),
        reverse("facility:services"),
        make_service().get_absolute_url(),
        reverse("facility:tour"),
        reverse("inquiries:contact"),
        reverse("website:site_map"),
        *[page.get_absolute_url() for page in pages],
    ]
    titles = set()
    for url in urls:
        html = client.get(url).content.decode()
        titles.add(title_of(html))
        assert canonical_of(html) == f"https://www.recovery.example{url}"
        assert head_tags(html)["og:url"] == f"https://www.recovery.example{url}"
    assert len(titles) == len(urls)


def test_paginated_blog_pages_have_their_own_title_and_canonical(
    client, facility, make_post, settings
):
    settings.POSTS_PER_PAGE = 1
    make_post(), make_post()
    html = client.get(reverse("articles:list"), {"page": 2}).content.decode()

    assert title_of(html) == "Blog (page 2) · Manor Hill Recovery Center"
    assert canonical_of(html) == "http://testserver/blog/?page=2"


def test_every_page_links_the_feeds(client, facility):
    html = client.get(reverse("website:home")).content.decode()
    assert '<link rel="alternate" type="application/rss+xml"' in html
    assert f'href="{reverse("articles:feed")}"' in html
    assert f'href="{reverse("articles:atom")}"' in html


def test_reading_time_on_posts_and_lists(client, facility, make_post):
    words = " ".join(["word"] * 660)
    post = make_post(body=f"<h2>Heading</h2><p>{words}</p>")

    assert post.word_count == 661
    assert post.reading_minutes == 3
    assert "3 min read" in client.get(post.get_absolute_url()).content.decode()
    assert "3 min read" in client.get(reverse("articles:list")).content.decode()


def test_word_count_keeps_words_apart_across_tags(make_post):
    assert make_post(body="<h2>Detox</h2><p>Care<br>here</p>").word_count == 3


def test_medical_review_byline(client, facility, make_post):
    post = make_post(
        reviewer_profile=StaffProfile.objects.create(name="Dr. Ana Ruiz", credentials="MD"),
        reviewed_on=date(2026, 10, 2),
    )
    html = client.get(post.get_absolute_url()).content.decode()
    assert "Medically reviewed by Dr. Ana Ruiz, MD on" in html
    assert '<time datetime="2026-10-02">October 2, 2026</time>' in html


def test_last_updated_shows_after_a_material_change(client, facility, make_post):
    post = make_post(days_ago=10)
    assert "Last updated" not in client.get(post.get_absolute_url()).content.decode()

    post.body = "<p>A corrected paragraph.</p>"
    post.save()

    html = client.get(post.get_absolute_url()).content.decode()
    assert "Last updated" in html
    # The day in the site's zone: the UTC day is tomorrow's in the evening in Ohio.
    assert timezone.localdate(post.last_updated) == timezone.localdate()


NEW_YORK = ZoneInfo("America/New_York")


def at(*parts):
    """Pins the clock at a moment in the site's zone, New York."""
    return clock.pinned(datetime(*parts, tzinfo=NEW_YORK))


@pytest.mark.parametrize(
    "published, corrected, shown",
    [
        # The morning of 31 December, then 20:30 there: 01:30 UTC on 1 January.
        ((2026, 12, 31, 9), (2026, 12, 31, 20, 30), False),
        # 22:00 on 30 December (03:00 UTC on the 31st), then 09:00 on the 31st.
        ((2026, 12, 30, 22), (2026, 12, 31, 9), True),
    ],
)
def test_last_updated_counts_days_in_the_sites_zone(
    client, facility, make_post, published, corrected, shown
):
    with at(*published):
        post = make_post(days_ago=0)
    with at(*corrected):
        post.body = "<p>A corrected paragraph.</p>"
        post.save()
        html = client.get(post.get_absolute_url()).content.decode()

    assert ("Last updated" in html) is shown
    assert (post.last_updated is not None) is shown


def test_small_changes_and_drafts_do_not_count_as_updates(make_post):
    post = make_post(days_ago=10)
    post.search_description = "Only the description changed."
    post.save()
    draft = make_post(status=Post.Status.DRAFT, days_ago=10)
    draft.body = "<p>Rewritten before publishing.</p>"
    draft.save()

    assert post.last_updated is None
    assert draft.last_updated is None


def test_changed_post_slug_redirects_permanently(client, facility, make_post):
    post = make_post()
    old_url = post.get_absolute_url()
    post.slug = "a-better-name"
    post.save()

    response = client.get(old_url)

    assert response.status_code == 301
    assert response["Location"] == "/blog/a-better-name/"
    assert client.get(response["Location"]).status_code == 200


def test_renaming_twice_sends_every_old_address_to_the_newest(client, facility, pages):
    page = pages[0]
    first_url = page.get_absolute_url()
    page.slug = "about-us"
    page.save()
    page.slug = "our-story"
    page.save()

    assert client.get(first_url)["Location"] == "/our-story/"
    assert client.get("/about-us/")["Location"] == "/our-story/"
    assert MovedPage.objects.count() == 2


def test_renaming_back_never_loops(client, facility, make_service):
    service = make_service()
    original = service.slug
    service.slug = "temporary"
    service.save()
    service.slug = original
    service.save()

    assert client.get(service.get_absolute_url()).status_code == 200
    assert client.get("/services/temporary/")["Location"] == service.get_absolute_url()


def test_moved_page_paths_must_be_local(db):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        MovedPage(old_path="/old/", new_path="//evil.example/").full_clean()
    with pytest.raises(ValidationError):
        MovedPage(old_path="/old/", new_path="https://evil.example/").full_clean()


def test_scheduled_post_has_no_last_updated_when_edited_before_publishing(make_post):
    post = make_post(days_ago=-3)
    post.body = "<p>Edited while scheduled.</p>"
    post.save()
    post.pub_date = timezone.now() - timedelta(days=1)
    assert post.last_updated is None
