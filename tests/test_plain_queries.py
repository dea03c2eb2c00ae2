"""The queries every page makes, through the ORM as documented, with the values the review
of plumbing/prepared.py (removed: it re-sent SQL written once with new values) used to
show it returning wrong rows. Each query is asked twice or more in one process, with
other values, as pages ask them: every answer must be the one for its own values."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from articles.models import Category, Post
from facility.models import Center, Credential, Facility, Holiday, OpeningHours

from . import clock

pytestmark = pytest.mark.django_db

NEW_YORK = ZoneInfo("America/New_York")


def pinned(*parts):
    return clock.pinned(datetime(*parts, tzinfo=NEW_YORK))


def make_center(slug, is_main=False):
    return Center.objects.create(
        name=f"Center {slug}", slug=slug, is_main=is_main, street="1 Main St", city="Tiffin",
        state="OH", postal_code="44883", phone="419-555-0100", time_zone="America/New_York",
    )  # fmt: skip


def test_a_condition_of_several_lookups_answers_for_each_word():
    Category.objects.create(name="Alpha", slug="alpha")
    Category.objects.create(name="Beta Place", slug="beta")

    def matching(word):
        return [c.slug for c in Category.objects.filter(Q(slug=word) | Q(name__icontains=word))]

    # The prepared query, first written with "alpha", answered [] for "Place".
    assert matching("alpha") == ["alpha"]
    assert matching("Place") == ["beta"]
    assert matching("alpha") == ["alpha"]


def test_a_derived_date_is_worked_out_at_every_call(make_post):
    for n in range(11):
        post = make_post()
        Post.objects.filter(pk=post.pk).update(
            pub_date=datetime(2026, 12, 31, 12, n, tzinfo=NEW_YORK)
        )

    def recent():
        return Post.objects.published().filter(pub_date__gte=timezone.now() - timedelta(days=1))

    with pinned(2026, 12, 31, 23, 30):
        assert recent().count() == 11
    # Three days on: the prepared query kept the first day's date and still found 11.
    with pinned(2027, 1, 3, 12):
        assert recent().count() == 0


def test_a_post_address_with_a_wildcard_is_not_another_post(client, facility, make_post):
    post = make_post(title="What is medical detox?")
    Post.objects.filter(pk=post.pk).update(slug="what-is-medical-detox")

    assert client.get("/blog/what-is-medical-detox/").status_code == 200
    # On SQLite the prepared query escaped its stand-in, then bound this one unescaped.
    assert client.get("/blog/wha_-is-medical-detox/").status_code == 404
    assert client.get("/blog/what-is-medical-detox/").status_code == 200


def test_neighbours_and_recommendations_are_each_posts_own(make_post, make_category, recommend):
    other = make_category()
    first, second, third, fourth = (make_post(days_ago=d) for d in (4, 3, 2, 1))
    fourth.category = other
    fourth.save()
    recommend(first, third)

    assert (first.previous_post(), first.next_post()) == (None, second)
    assert (third.previous_post(), third.next_post()) == (second, fourth)
    assert (fourth.previous_post(), fourth.next_post()) == (third, None)
    # Picks first, then the same category, then the newest; never the post itself.
    assert first.recommended_posts(limit=3) == [third, second, fourth]
    assert fourth.recommended_posts(limit=2) == [third, second]
    assert first.recommended_posts(limit=1) == [third]


def test_an_empty_list_of_excluded_posts_is_no_error(make_post):
    post = make_post()

    assert list(Post.objects.published().exclude(pk__in=[])) == [post]
    assert list(Post.objects.published().filter(pk__in=[])) == []


def test_credentials_in_force_follow_the_day_asked_about():
    center = make_center("first")
    old = Credential.objects.create(center=center, issuer="Old", valid_until=date(2026, 1, 31))

    assert list(Credential.objects.current(date(2026, 1, 31))) == [old]
    assert list(Credential.objects.current(date(2026, 2, 1))) == []
    assert list(Credential.objects.current(date(2025, 12, 1))) == [old]


def test_every_center_has_its_own_hours_holidays_and_credentials(django_assert_num_queries):
    today = timezone.localdate()
    Facility.objects.create(name="Provider", about="About.")
    main, other = make_center("main", is_main=True), make_center("other")
    for center, opens in ((main, 8), (other, 10)):
        OpeningHours.objects.create(
            center=center, days="weekdays", opens=time(opens), closes=time(17)
        )
    Holiday.objects.create(
        center=other, date=today + timedelta(days=3), name="Closed day", is_closed=True
    )
    Credential.objects.create(center=main, issuer="State", valid_until=today)
    Credential.objects.create(center=other, issuer="Ended", valid_until=today - timedelta(1))
    Credential.objects.create(center=other, issuer="CARF", kind="accreditation")

    facility = Facility.objects.get()
    # The centers, their hours, their holidays, their credentials in force.
    with django_assert_num_queries(4):
        found = facility.centers
        assert [c.slug for c in found] == ["main", "other"]
        assert [[h.opens for h in c.hours.all()] for c in found] == [[time(8)], [time(10)]]
        assert [len(c.holidays.all()) for c in found] == [0, 1]
        assert [[x.issuer for x in c.current_credentials()] for c in found] == [
            ["State"],
            ["CARF"],
        ]
        assert all(row.center is c for c in found for row in c.hours.all())
    # Asked again with a filter, the rows are still only the center's own.
    assert found[0].hours.filter(days="weekdays").get().opens == time(8)


def test_the_home_page_reads_its_posts_at_every_request(client, facility, make_post):
    make_post(title="Our first story")
    assert "Our first story" in client.get(reverse("website:home")).content.decode()

    Post.objects.update(title="A renamed story")

    html = client.get(reverse("website:home")).content.decode()
    assert "A renamed story" in html and "Our first story" not in html
