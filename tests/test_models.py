"""Rules the models keep, in Python and in the database."""

from datetime import time

import pytest
from django.db import IntegrityError, transaction

from articles.models import Post, RecommendedPost
from facility.models import OpeningHours
from inquiries.models import Inquiry
from plumbing.richtext import sanitize

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "fields, shown",
    [
        ({"is_24_hours": True}, "24 Hours"),
        ({"is_closed": True}, "Closed"),
        ({"opens": time(8), "closes": time(17, 30)}, "8:00 a.m. – 5:30 p.m."),
        ({"opens": time(12), "closes": time(0)}, "noon – midnight"),
        ({"opens": time(22), "closes": time(6)}, "10:00 p.m. – 6:00 a.m."),
    ],
)
def test_hours_read_as_people_expect(facility, fields, shown):
    row = OpeningHours.objects.create(center=facility.main_center, days="monday", **fields)
    assert row.display == shown


@pytest.mark.parametrize(
    "fields",
    [
        {"is_24_hours": True, "is_closed": True},
        {"opens": time(8)},
        {},
    ],
)
def test_hours_must_be_24_closed_or_both_times(facility, fields):
    with pytest.raises(IntegrityError):
        OpeningHours.objects.create(center=facility.main_center, days="monday", **fields)


def test_hours_weekday_numbers(facility):
    weekdays = facility.hours.get(days="weekdays")
    holidays = facility.hours.get(days="holidays")
    assert weekdays.weekday_numbers == (1, 2, 3, 4, 5)
    assert holidays.weekday_numbers == ()


def test_phone_link_has_only_digits(facility):
    assert facility.phone_href == "tel:+18556052135"
    center = facility.main_center
    center.phone = "(419) 555-0123"
    assert center.phone_href == "tel:+14195550123"


def test_a_post_cannot_recommend_itself_or_twice(make_post):
    post, other = make_post(), make_post()
    with pytest.raises(IntegrityError), transaction.atomic():
        RecommendedPost.objects.create(post=post, recommended=post)
    RecommendedPost.objects.create(post=post, recommended=other)
    with pytest.raises(IntegrityError), transaction.atomic():
        RecommendedPost.objects.create(post=post, recommended=other)


def test_an_inquiry_moving_on_from_new_gets_its_first_contact_time(db):
    inquiry = Inquiry.objects.create(first_name="A", phone="555-0100")
    assert inquiry.first_contact is None

    inquiry.status = Inquiry.Status.CONTACTED
    inquiry.save(update_fields=["status"])

    inquiry.refresh_from_db()
    first = inquiry.first_contact
    assert first is not None
    inquiry.status = Inquiry.Status.ADMITTED
    inquiry.save()
    inquiry.refresh_from_db()
    assert inquiry.first_contact == first  # the first contact, not the latest change


def test_rich_text_is_sanitized_on_save(make_post):
    post = make_post(
        body='<p onclick="x()">Hi <a href="javascript:alert(1)">there</a></p>'
        '<script>alert(1)</script><h2>Kept</h2><a href="https://example.org">out</a>'
    )
    post.refresh_from_db()
    assert post.body == (
        "<p>Hi <a>there</a></p><h2>Kept</h2>"
        '<a href="https://example.org" rel="noopener noreferrer">out</a>'
    )


def test_sanitizer_keeps_what_the_toolbar_makes():
    html = (
        "<h2>A</h2><h3>B</h3><p><strong>b</strong> <em>i</em></p><ul><li>x</li></ul>"
        "<ol><li>y</li></ol><blockquote><p>q</p></blockquote>"
        "<table><thead><tr><th>h</th></tr></thead><tbody><tr><td>d</td></tr></tbody></table>"
        '<p><img alt="a" src="/media/uploads/a.jpg" style="width:300px;height:200px"></p>'
    )
    assert sanitize(html) == html


def test_post_default_status_is_draft(category):
    post = Post.objects.create(title="T", slug="t", category=category, body="<p>x</p>")
    assert post.status == Post.Status.DRAFT
    assert not post.is_public()
