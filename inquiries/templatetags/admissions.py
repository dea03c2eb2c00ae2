from datetime import timedelta
from statistics import median

from django import template
from django.utils import timezone

from inquiries.estimates import today_for_estimates
from inquiries.models import Inquiry, InsuranceCheck

register = template.Library()

LISTED = 15
MEDIAN_DAYS = 30


def duration(delta):
    """A wait as staff say it: "45 min", "3 h 10 min", "2 days 4 h"."""
    minutes = max(int(delta.total_seconds() // 60), 0)
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    if days:
        return f"{days} day{'s' if days != 1 else ''} {hours} h"
    if hours:
        return f"{hours} h {minutes} min"
    return f"{minutes} min"


def median_time_to_first_contact(now, days=MEDIAN_DAYS):
    """The median wait before first contact of inquiries received in the last `days`."""
    waits = [
        first_contact - created
        for created, first_contact in Inquiry.objects.filter(
            created__gte=now - timedelta(days=days), first_contact__isnull=False
        ).values_list("created", "first_contact")
    ]
    return median(waits) if waits else None


@register.inclusion_tag("admin/includes/admissions_summary.html", takes_context=True)
def admissions_summary(context):
    """What waits for admissions, oldest first, and how fast inquiries are answered.

    References and times only: nothing an inquiry says is on the admin's home page.
    """
    if not context["request"].user.has_perm("inquiries.view_inquiry"):
        return {"show": False}
    now = timezone.now()
    waiting = list(
        Inquiry.objects.waiting()
        .select_related("assignee")
        .only("reference", "created", "assignee__username")[:LISTED]
    )
    typical = median_time_to_first_contact(now)
    return {
        "show": True,
        "waiting": [(inquiry, duration(now - inquiry.created)) for inquiry in waiting],
        "waiting_count": Inquiry.objects.waiting().count(),
        "median": duration(typical) if typical is not None else None,
        "median_days": MEDIAN_DAYS,
        "checks_waiting": InsuranceCheck.objects.waiting().count(),
    }


@register.inclusion_tag("admin/includes/estimates_summary.html", takes_context=True)
def estimates_summary(context):
    """Good Faith Estimates asked for and not yet sent: overdue first, then those due."""
    if not context["request"].user.has_perm("inquiries.view_inquiry"):
        return {"show": False}
    today = today_for_estimates()
    open_ones = list(Inquiry.objects.estimates_open().only("reference", "estimate_due"))
    return {
        "show": True,
        "today": today,
        "overdue": [i for i in open_ones if i.estimate_due < today],
        "due": [i for i in open_ones if i.estimate_due >= today],
    }
