"""purge_inquiries at the edges of its two periods: an inquiry is deleted as soon as it is
older than CONTACT_MESSAGE_RETENTION_DAYS, an access-log entry as soon as it is older than
six years, and neither a moment before. The clock is pinned at 23:30 on 31 December in
New York, 04:30 on 1 January in UTC."""

import io
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command

from inquiries.models import Inquiry, InquiryAccess
from tests import clock
from tests.factories import make_inquiry

pytestmark = pytest.mark.django_db

# In UTC, as Django's clock gives it: a period is so many days of 24 hours, and the
# clocks went back an hour on 1 November, so "90 days before" written on a New York wall
# clock would be an hour off the moment the command computes.
NOW = datetime(2026, 12, 31, 23, 30, tzinfo=ZoneInfo("America/New_York")).astimezone(UTC)
MINUTE = timedelta(minutes=1)
# Six years hold two leap days at most (2024 and 2028, say): an entry is kept that long,
# and not a day more.
SIX_YEARS = timedelta(days=6 * 365 + 2)


def received(when):
    inquiry = make_inquiry()
    Inquiry.objects.filter(pk=inquiry.pk).update(created=when)
    return inquiry.pk


def logged(when):
    return InquiryAccess.objects.create(
        when=when, username="sam", action=InquiryAccess.Action.VIEW, reference="ABC234"
    ).pk


def purge():
    with clock.pinned(NOW):
        call_command("purge_inquiries", stdout=io.StringIO())


def test_an_inquiry_goes_just_past_the_retention_period_and_not_before(facility, settings):
    settings.CONTACT_MESSAGE_RETENTION_DAYS = 90
    just_past = received(NOW - timedelta(days=90) - MINUTE)
    exactly = received(NOW - timedelta(days=90))  # not older than 90 days yet
    just_before = received(NOW - timedelta(days=90) + MINUTE)
    a_day_before = received(NOW - timedelta(days=89))

    purge()

    assert set(Inquiry.objects.values_list("pk", flat=True)) == {
        exactly,
        just_before,
        a_day_before,
    }
    assert just_past not in set(Inquiry.objects.values_list("pk", flat=True))


def test_an_access_log_entry_goes_just_past_six_years_and_not_before(facility):
    just_past = logged(NOW - SIX_YEARS - MINUTE)
    exactly = logged(NOW - SIX_YEARS)
    just_before = logged(NOW - SIX_YEARS + MINUTE)
    # Six calendar years to the minute (2020-12-31 23:30 in New York): always kept.
    six_calendar_years = logged(NOW.replace(year=NOW.year - 6))

    purge()

    kept = set(InquiryAccess.objects.values_list("pk", flat=True))
    assert kept == {exactly, just_before, six_calendar_years}
    assert just_past not in kept
