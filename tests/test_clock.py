"""Every frozen clock in the suite goes through tests/clock.py, which returns the moment
the way Django's clock does (aware, in UTC): a clock pinned in New York time lets a "UTC
date instead of the site's date" bug pass every evening test (mutants G5 and C9)."""

import re
from datetime import UTC
from pathlib import Path

from django.utils import timezone

from . import clock

TESTS = Path(__file__).parent
# A patch of the clock written by hand, whatever the spelling.
HAND_PINNED = re.compile(
    r"""patch(\.object)?\(\s*(["']django\.utils\.timezone\.now["']|timezone\s*,\s*["']now["'])"""
)


def test_the_pinned_clock_reads_as_djangos_own_in_utc():
    evening = clock.at(2026, 12, 31, 23, 30)
    with clock.pinned(evening):
        now = timezone.now()
    assert now == evening and now.tzinfo is UTC
    assert (now.date().isoformat(), timezone.localdate(now).isoformat()) == (
        "2027-01-01",
        "2026-12-31",
    )


def test_no_test_pins_the_clock_by_hand():
    offenders = [
        path.name
        for path in sorted(TESTS.glob("*.py"))
        if path.name not in ("clock.py", "test_clock.py")
        and HAND_PINNED.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
