"""The Good Faith Estimate (No Surprises Act, 45 CFR 149.610): when one asked for is due.

Someone uninsured, or not using insurance, may ask for an estimate of what care will cost;
asked for (not yet scheduled), it is due in writing within 3 business days of the request
(149.610(b)(1)(vi)(C)). The days are counted in the zone of the center the inquiry names
(the main center when it names none), skipping Saturdays, Sundays, the federal holidays
and every date that center has a Holiday row for, whatever its hours there: the billing
office that writes estimates is closed that day even where care goes on. Whether one is
overdue is judged by today's date in the main center's zone.
"""

from django.utils import timezone

from facility.models import Center
from plumbing.business_days import add_business_days

# 149.610(b)(1)(vi)(C): within three business days after the request.
BUSINESS_DAYS = 3


def counting_center():
    """The center whose zone and holidays count the days: the main one, else the first."""
    return Center.objects.order_by("-is_main", "sort_order", "pk").first()


def due_date(requested, center=None):
    """The last day to send an estimate asked for at the moment `requested`."""
    center = center or counting_center()
    if center is None:
        return add_business_days(timezone.localdate(requested), BUSINESS_DAYS)
    day = requested.astimezone(center.zone).date()
    closed = set(center.holidays.filter(date__gt=day).values_list("date", flat=True))
    return add_business_days(day, BUSINESS_DAYS, closed)


def today_for_estimates(center=None):
    """Today in the zone the due dates are counted in."""
    center = center or counting_center()
    now = timezone.now()
    return now.astimezone(center.zone).date() if center else timezone.localdate(now)
