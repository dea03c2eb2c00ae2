"""The suite's frozen clock: `timezone.now()` pinned to one moment, returned the way
Django's own clock returns it, aware and in UTC, whatever zone the test wrote it in.

A clock pinned to a New York-aware datetime hides every "the UTC date instead of the
site's" bug: `now.date()` then gives the New York date, where production, whose clock is
UTC, gives tomorrow's from 7 or 8 p.m. Ohio time. tests/test_clock.py keeps every test
on this helper."""

from datetime import UTC, datetime
from unittest import mock
from zoneinfo import ZoneInfo

SITE_ZONE = ZoneInfo("America/New_York")


def at(*parts, zone=SITE_ZONE):
    """A moment written as a wall clock in `zone` (the site's unless told) reads it."""
    return datetime(*parts, tzinfo=zone)


def pinned(moment):
    """Pin `timezone.now()` to `moment` (an aware datetime), as Django would return it."""
    return mock.patch("django.utils.timezone.now", return_value=moment.astimezone(UTC))
