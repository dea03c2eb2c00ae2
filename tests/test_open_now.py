"""Whether a center is open at a moment, and when that next changes, in its own zone.

Every clock is pinned: the moments are given, in the center's zone or in UTC.
"""

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from facility.models import Center, Holiday, OpeningHours

pytestmark = pytest.mark.django_db

NEW_YORK = ZoneInfo("America/New_York")


def at(*parts, zone=NEW_YORK):
    return datetime(*parts, tzinfo=zone)


@pytest.fixture
def make_center(db):
    def make(hours, holidays=(), time_zone="America/New_York", slug="office"):
        center = Center.objects.create(
            name="Outpatient office", slug=slug, street="1 Main St", city="Tiffin",
            state="OH", postal_code="44883", phone="419-555-0100", time_zone=time_zone,
        )  # fmt: skip
        for days, fields in hours.items():
            OpeningHours.objects.create(center=center, days=days, **fields)
        for day, name, fields in holidays:
            Holiday.objects.create(center=center, date=day, name=name, **fields)
        return Center.objects.with_hours().get(pk=center.pk)

    return make


def times(opens, closes):
    return {"opens": time(*opens), "closes": time(*closes)}


CLOSED = {"is_closed": True}
ALL_DAY = {"is_24_hours": True}
# 2026-11-23 is a Monday; 2026-11-28 a Saturday.
OFFICE = {"weekdays": times((9,), (17,)), "saturdays": CLOSED, "sundays": CLOSED}


def test_open_from_opening_time_until_just_before_closing(make_center):
    center = make_center(OFFICE)

    assert not center.is_open_now(at(2026, 11, 23, 8, 59, 59))
    assert center.is_open_now(at(2026, 11, 23, 9))
    assert center.is_open_now(at(2026, 11, 23, 16, 59, 59))
    assert not center.is_open_now(at(2026, 11, 23, 17))
    assert center.next_change(at(2026, 11, 23, 8)) == at(2026, 11, 23, 9)
    assert center.next_change(at(2026, 11, 23, 9)) == at(2026, 11, 23, 17)


def test_closed_days_are_skipped_to_the_next_opening(make_center):
    center = make_center(OFFICE)
    friday_evening = at(2026, 11, 27, 17)

    assert not center.is_open_now(at(2026, 11, 28, 12))
    assert not center.is_open_now(at(2026, 11, 29, 12))
    assert center.next_change(friday_evening) == at(2026, 11, 30, 9)


def test_hours_past_midnight_belong_to_the_day_they_start(make_center):
    # Open Friday 8 p.m. until 2 a.m. Saturday; closed on other days.
    center = make_center({"friday": times((20,), (2,))})

    assert center.is_open_now(at(2026, 11, 27, 23, 59, 59))
    assert center.is_open_now(at(2026, 11, 28, 0, 0))
    assert center.is_open_now(at(2026, 11, 28, 1, 59))
    assert not center.is_open_now(at(2026, 11, 28, 2))
    assert not center.is_open_now(at(2026, 11, 27, 1))  # Thursday night: not open
    assert center.next_change(at(2026, 11, 27, 21)) == at(2026, 11, 28, 2)


def test_hours_to_midnight_close_at_midnight(make_center):
    center = make_center({"weekdays": times((12,), (0,))})

    assert center.is_open_now(at(2026, 11, 23, 23, 59, 59))
    assert not center.is_open_now(at(2026, 11, 24, 0, 0))  # Tuesday, before noon
    assert center.next_change(at(2026, 11, 23, 13)) == at(2026, 11, 24, 0, 0)


def test_open_all_day_every_day_never_changes(make_center):
    center = make_center({"weekdays": ALL_DAY, "saturdays": ALL_DAY, "sundays": ALL_DAY})

    assert center.is_open_now(at(2026, 11, 23, 0, 0))
    assert center.is_open_now(at(2026, 11, 29, 23, 59, 59))
    assert center.next_change(at(2026, 11, 23, 0, 0)) is None


def test_24_hours_followed_by_hours_from_midnight_is_one_opening(make_center):
    center = make_center({"monday": ALL_DAY, "tuesday": times((0,), (8,))})

    assert center.next_change(at(2026, 11, 23, 12)) == at(2026, 11, 24, 8)


def test_a_day_named_alone_wins_over_its_group(make_center):
    center = make_center({"weekdays": times((9,), (17,)), "friday": times((9,), (12,))})

    assert center.is_open_now(at(2026, 11, 26, 15))  # Thursday
    assert not center.is_open_now(at(2026, 11, 27, 15))  # Friday


def test_a_holiday_has_its_own_hours(make_center):
    thanksgiving = date(2026, 11, 26)
    center = make_center(
        OFFICE,
        holidays=[
            (thanksgiving, "Thanksgiving Day", CLOSED),
            (date(2026, 11, 28), "Open house", times((10,), (14,))),
        ],
    )

    assert not center.is_open_now(at(2026, 11, 26, 12))
    assert center.next_change(at(2026, 11, 25, 12)) == at(2026, 11, 25, 17)
    assert center.next_change(at(2026, 11, 25, 18)) == at(2026, 11, 27, 9)
    assert center.is_open_now(at(2026, 11, 28, 10))  # a Saturday, open for the day
    assert center.next_change(at(2026, 11, 28, 10)) == at(2026, 11, 28, 14)


def test_a_holiday_open_all_day_on_a_closed_day(make_center):
    center = make_center(OFFICE, holidays=[(date(2026, 11, 29), "Sunday open", ALL_DAY)])

    assert center.is_open_now(at(2026, 11, 29, 0, 0))
    assert center.next_change(at(2026, 11, 28, 12)) == at(2026, 11, 29, 0, 0)
    assert center.next_change(at(2026, 11, 29, 0, 0)) == at(2026, 11, 30, 0, 0)


def test_the_centers_own_zone_decides(make_center):
    center = make_center(OFFICE, time_zone="America/Los_Angeles")
    # 10 a.m. in New York is 7 a.m. in Los Angeles: not yet open.
    assert not center.is_open_now(at(2026, 11, 23, 10))
    assert center.is_open_now(at(2026, 11, 23, 12, 0))
    assert center.next_change(at(2026, 11, 23, 10)) == at(
        2026, 11, 23, 9, zone=ZoneInfo("America/Los_Angeles")
    )


# Daylight saving time in New York, 2026: clocks go from 2:00 to 3:00 a.m. on Sunday,
# March 8, and from 2:00 back to 1:00 a.m. on Sunday, November 1.


def test_a_24_hour_day_when_clocks_spring_forward_lasts_23_hours(make_center):
    center = make_center({"saturdays": CLOSED, "sundays": ALL_DAY, "weekdays": CLOSED})

    opens = center.next_change(at(2026, 3, 7, 12))
    closes = center.next_change(opens)
    assert opens == at(2026, 3, 8, 0, 0)
    assert closes == at(2026, 3, 9, 0, 0)
    assert (closes.astimezone(UTC) - opens.astimezone(UTC)).total_seconds() == 23 * 3600
    assert center.is_open_now(datetime(2026, 3, 8, 7, 30, tzinfo=UTC))  # 3:30 a.m. EDT


def test_night_hours_across_the_spring_change(make_center):
    # Saturday 10 p.m. until 6 a.m.: closes at 6 a.m. daylight time, 10:00 UTC.
    center = make_center({"saturdays": times((22,), (6,))})

    assert center.is_open_now(datetime(2026, 3, 8, 9, 59, tzinfo=UTC))  # 5:59 a.m. EDT
    assert not center.is_open_now(datetime(2026, 3, 8, 10, 0, tzinfo=UTC))
    assert center.next_change(at(2026, 3, 7, 23)) == datetime(2026, 3, 8, 10, tzinfo=UTC)


def test_a_closing_time_the_spring_change_skips_is_as_long_after_opening(make_center):
    # 2:30 a.m. never happens that night: the office closes 4.5 hours after 10 p.m.
    center = make_center({"saturdays": times((22,), (2, 30))})

    closes = center.next_change(at(2026, 3, 7, 23))
    assert closes == datetime(2026, 3, 8, 7, 30, tzinfo=UTC)  # 3:30 a.m. EDT
    assert closes.astimezone(NEW_YORK).hour == 3


def test_night_hours_across_the_autumn_change(make_center):
    # Saturday 8 p.m. until 6 a.m.: the night lasts an hour longer.
    center = make_center({"saturdays": times((20,), (6,))})

    first_one_thirty = datetime(2026, 11, 1, 5, 30, tzinfo=UTC)  # 1:30 a.m. EDT
    second_one_thirty = datetime(2026, 11, 1, 6, 30, tzinfo=UTC)  # 1:30 a.m. EST
    assert center.is_open_now(first_one_thirty)
    assert center.is_open_now(second_one_thirty)
    assert center.is_open_now(datetime(2026, 11, 1, 10, 59, tzinfo=UTC))  # 5:59 EST
    assert not center.is_open_now(datetime(2026, 11, 1, 11, 0, tzinfo=UTC))
    assert center.next_change(first_one_thirty) == datetime(2026, 11, 1, 11, tzinfo=UTC)


def test_a_closing_time_the_autumn_change_repeats_is_its_first(make_center):
    center = make_center({"saturdays": times((20,), (1, 30))})

    assert center.next_change(at(2026, 10, 31, 21)) == datetime(2026, 11, 1, 5, 30, tzinfo=UTC)
    assert not center.is_open_now(datetime(2026, 11, 1, 6, 0, tzinfo=UTC))  # 1:00 EST


def test_opening_the_morning_after_the_autumn_change(make_center):
    center = make_center({"sundays": times((9,), (17,))})

    assert center.next_change(at(2026, 11, 1, 0, 0)) == datetime(2026, 11, 1, 14, tzinfo=UTC)


def test_no_hours_at_all_is_closed_and_never_changes(make_center):
    center = make_center({})

    assert not center.is_open_now(at(2026, 11, 23, 12))
    assert center.next_change(at(2026, 11, 23, 12)) is None


def test_now_defaults_to_the_current_moment(make_center):
    center = make_center({"weekdays": ALL_DAY, "saturdays": ALL_DAY, "sundays": ALL_DAY})
    assert center.is_open_now() is True
