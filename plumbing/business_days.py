"""Business days: weekdays that are not holidays, counted as deadlines in law count them.

The holidays are the United States' federal holidays (5 U.S.C. 6103) with their observed
days (a Saturday holiday is kept on the Friday before, a Sunday one on the Monday after),
from the `holidays` package, plus any dates the caller names (a center's own closures).
"""

from datetime import timedelta
from functools import cache

import holidays


@cache
def federal_holidays(year):
    """The federal holidays of `year`, observed days included, as a frozenset of dates."""
    return frozenset(holidays.country_holidays("US", years=year))


def is_business_day(day, closed=()):
    return day.isoweekday() < 6 and day not in federal_holidays(day.year) and day not in closed


def add_business_days(start, count, closed=()):
    """The `count`th business day after the date `start` (which itself does not count,
    business day or not): 3 business days after a Friday is the Wednesday after."""
    day = start
    while count > 0:
        day += timedelta(days=1)
        if is_business_day(day, closed):
            count -= 1
    return day
