"""Every <time datetime="..."> the site writes is one HTML accepts (issue 35): a date, or
a moment with at most three digits of a second and its offset, in both languages, even
when what was saved carries microseconds (a moment saved by Django always does)."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from articles.models import Post
from facility.models import Page
from tests.clock import pinned
from tests.test_spanish_trust import sitemap_paths

# HTML's "valid date string" and "valid global date and time string" (the offset with
# or without its colon), which allows one to three digits of a second's fraction.
DATE = r"\d{4}-\d{2}-\d{2}"
MOMENT = DATE + r"T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})"
VALID = re.compile(f"^({DATE}|{MOMENT})$")
ATTRIBUTE = re.compile(r'<time[^>]*\sdatetime="([^"]*)"')
# Pages listing posts or staff pages that the sitemap does not list.
SEARCHES = ["/search/?q=recovery", "/es/buscar/?q=recuperaci%C3%B3n", "/search/?q=privacy"]


@pytest.fixture
def saved_with_microseconds(demo_data):
    """Every post and staff page dated as Django saves a moment: to the microsecond."""
    moment = timezone.now().replace(microsecond=591605)
    for post in Post.objects.all():
        Post.objects.filter(pk=post.pk).update(
            pub_date=post.pub_date.replace(microsecond=591605),
            content_updated=moment - timedelta(hours=1),
        )
    Page.objects.update(updated=moment)


def test_the_check_refuses_what_the_validator_found():
    assert not VALID.match("2026-12-07T12:49:55.591605-05:00")
    assert VALID.match("2026-12-07T12:49:55-05:00")
    assert VALID.match("2026-12-07")


def test_every_datetime_attribute_is_valid_html_in_both_languages(saved_with_microseconds, client):
    paths = sorted(sitemap_paths(client)) + SEARCHES
    assert any(p.startswith("/es/") for p in paths) and any(p.startswith("/blog/") for p in paths)
    found = {}
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        for value in ATTRIBUTE.findall(response.content.decode()):
            found.setdefault(path, []).append(value)

    # Posts, their lists, staff pages and search results all carry dates.
    assert len(found) > 10
    assert any(p.startswith("/es/") for p in found)
    assert any("q=" in p for p in found)
    invalid = {p: [v for v in values if not VALID.match(v)] for p, values in found.items()}
    assert {p: v for p, v in invalid.items() if v} == {}


def test_a_moment_is_written_in_the_sites_zone_to_the_second(facility, make_post, client):
    moment = datetime(2026, 12, 7, 17, 49, 55, 591605, tzinfo=UTC)
    post = make_post(title="Winter", days_ago=1)
    Post.objects.filter(pk=post.pk).update(pub_date=moment)

    with pinned(moment + timedelta(days=1)):  # published, whatever day the suite runs on
        html = client.get(post.get_absolute_url()).content.decode()

    assert '<time datetime="2026-12-07T12:49:55-05:00">' in html
