"""Is there room? Each center says, per level of care, whether it takes new patients now,
and as of when. An answer older than AVAILABILITY_MAX_AGE_HOURS is no longer shown: a stale
"accepting" is a misleading claim, so the page says "call to ask" instead."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .care import LevelOfCare
from .hours import _clock


def max_age():
    """How long an answer is shown after it was given (AVAILABILITY_MAX_AGE_HOURS)."""
    return timedelta(hours=settings.AVAILABILITY_MAX_AGE_HOURS)


class AvailabilityQuerySet(models.QuerySet):
    def fresh(self, now=None):
        """Answers young enough to be shown at `now`."""
        return self.filter(as_of__gt=(now or timezone.now()) - max_age())

    def next_stale(self, now=None):
        """The first moment a shown answer becomes too old to show, or None."""
        oldest = self.fresh(now).aggregate(oldest=models.Min("as_of"))["oldest"]
        return oldest + max_age() if oldest is not None else None


class Availability(models.Model):
    """Room for new patients at one center in one level of care, as of a moment."""

    class Status(models.TextChoices):
        ACCEPTING = "accepting", _("Accepting new patients")
        SHORT_WAIT = "short-wait", _("A short wait")
        WAITING_LIST = "waiting-list", _("Waiting list")
        NOT_ACCEPTING = "not-accepting", _("Not accepting new patients")

    # The answers that mean a new patient can come (schema.org's isAcceptingNewPatients).
    TAKING = (Status.ACCEPTING, Status.SHORT_WAIT)

    center = models.ForeignKey(
        "facility.Center", on_delete=models.CASCADE, related_name="availabilities"
    )
    level_of_care = models.CharField(max_length=30, choices=LevelOfCare.choices)
    status = models.CharField(max_length=16, choices=Status.choices)
    wait_days = models.PositiveSmallIntegerField(
        "wait in days", null=True, blank=True, help_text="About how many days: a short wait only."
    )
    # Set at every save: saving it again, unchanged, is saying it is still true.
    as_of = models.DateTimeField("as of", auto_now=True)

    objects = AvailabilityQuerySet.as_manager()

    class Meta:
        ordering = ["center", "level_of_care"]
        verbose_name = "availability"
        verbose_name_plural = "availability (is there room?)"
        constraints = [
            models.UniqueConstraint(
                fields=["center", "level_of_care"],
                name="availability_once_per_level",
                violation_error_message="This level of care already has its availability.",
            ),
            models.CheckConstraint(
                condition=Q(status="short-wait", wait_days__isnull=False, wait_days__gte=1)
                | (~Q(status="short-wait") & Q(wait_days__isnull=True)),
                name="availability_wait_days_for_short_wait",
                violation_error_message="Give the days of a short wait, and only for one.",
            ),
        ]

    def __str__(self):
        return f"{self.center}: {self.get_level_of_care_display()}: {self.get_status_display()}"

    def stale_at(self):
        return self.as_of + max_age()

    def is_fresh(self, now=None):
        return (now or timezone.now()) < self.stale_at()

    @property
    def is_taking(self):
        return self.status in self.TAKING

    @property
    def display(self):
        """What a visitor reads, such as "A short wait: about 3 days"."""
        if self.status == self.Status.SHORT_WAIT:
            return ngettext(
                "A short wait: about %(days)d day", "A short wait: about %(days)d days",
                self.wait_days,
            ) % {"days": self.wait_days}  # fmt: skip
        return self.get_status_display()

    def as_of_display(self, zone):
        """ "as of November 23 at 9:00 a.m.", in the center's zone."""
        moment = self.as_of.astimezone(zone)
        # Counted by the hour, as in hours.py: Spanish says "a la 1:00", "a las 2:00".
        hour = moment.hour % 12 or 12
        return ngettext("as of %(day)s at %(time)s", "as of %(day)s at %(time)s", hour) % {
            "day": date_format(moment, "MONTH_DAY_FORMAT"),
            "time": _clock(moment.time()),
        }


class RoomRow:
    """One level of care at a center as its page shows it: the answer, or "call to ask"."""

    def __init__(self, level, label, availability, zone, now):
        self.level = level
        self.label = label
        fresh = availability is not None and availability.is_fresh(now)
        self.availability = availability if fresh else None
        self.as_of = availability.as_of_display(zone) if fresh else ""
