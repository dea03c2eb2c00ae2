"""The Good Faith Estimate (No Surprises Act, 45 CFR 149.610): when one asked for is due.

Someone uninsured, or not using insurance, may ask for an estimate of what care will cost;
asked for (not yet scheduled), it is due in writing within 3 business days of the request
(149.610(b)(1)(vi)(C)). The estimate is written by the provider's office, whichever center
the visitor asked about, so the days are the office's: counted in the main center's zone,
skipping Saturdays, Sundays, the federal holidays and every date the main center has a
Holiday row for, whatever its hours there (the office is closed that day even where care
goes on). The center a visitor picks never moves a legal deadline: a satellite closed for
a month would otherwise push the estimate a month late while nothing showed it overdue.
Whether one is overdue is judged by today's date in the same zone.
"""

from django.utils import timezone

from facility.models import Center
from plumbing.business_days import add_business_days

# 149.610(b)(1)(vi)(C): within three business days after the request.
BUSINESS_DAYS = 3


def office():
    """The center whose zone and holidays count the days: the main one, else the first."""
    return Center.objects.order_by("-is_main", "sort_order", "pk").first()


def due_date(requested):
    """The last day to send an estimate asked for at the moment `requested`."""
    center = office()
    if center is None:
        return add_business_days(timezone.localdate(requested), BUSINESS_DAYS)
    day = requested.astimezone(center.zone).date()
    closed = set(center.holidays.filter(date__gt=day).values_list("date", flat=True))
    return add_business_days(day, BUSINESS_DAYS, closed)


def today_for_estimates():
    """Today in the zone the due dates are counted in."""
    center = office()
    now = timezone.now()
    return now.astimezone(center.zone).date() if center else timezone.localdate(now)
