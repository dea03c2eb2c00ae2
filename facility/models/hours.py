"""When a center is open: its weekly hours, its dated holidays, and "open now".

Times are wall-clock times in the center's own zone; every comparison is made in UTC,
because Python compares two datetimes of one zone by their wall clock, which is wrong
across a daylight-saving change.
"""

from datetime import UTC, datetime, time, timedelta

from django.db import models
from django.db.models import Q
from django.utils.dates import WEEKDAYS
from django.utils.formats import date_format
from django.utils.text import capfirst, get_text_list
from django.utils.translation import gettext, ngettext, pgettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

# How far ahead next_change() looks: far beyond any cache lifetime.
HORIZON_DAYS = 35
MIDNIGHT = time(0)


def _clock(value):
    """8:00 a.m., 12:30 p.m.: the AP style American readers expect (8:00 a. m. in
    Spanish, whose translations give noon and midnight as "12:00 del mediodía" and
    "12:00 de la noche"). The Spanish joins the time, "a." and "m." with no-break
    spaces, so "5:00 p. m." never breaks across lines."""
    hour = value.hour % 12 or 12
    if value.hour == 12 and value.minute == 0:
        return gettext("noon")
    if value.hour == 0 and value.minute == 0:
        return gettext("midnight")
    clock = {"time": f"{hour}:{value.minute:02d}"}
    if value.hour < 12:
        return pgettext("clock time", "%(time)s a.m.") % clock
    return pgettext("clock time", "%(time)s p.m.") % clock


def _hours_are_valid(prefix):
    return models.CheckConstraint(
        condition=(
            Q(is_24_hours=True, is_closed=False)
            | Q(is_24_hours=False, is_closed=True)
            | Q(is_24_hours=False, is_closed=False, opens__isnull=False, closes__isnull=False)
        ),
        name=f"{prefix}_are_24_closed_or_times",
        violation_error_message=(
            "Choose open 24 hours, closed, or give both opening and closing times."
        ),
    )


class Hours(models.Model):
    """Open all day, closed, or from one time to another (past midnight when it closes
    no later than it opens)."""

    is_24_hours = models.BooleanField("open 24 hours", default=False)
    is_closed = models.BooleanField("closed", default=False)
    opens = models.TimeField(null=True, blank=True)
    closes = models.TimeField(
        null=True, blank=True, help_text="Earlier than opening means after midnight."
    )

    class Meta:
        abstract = True

    @property
    def display(self):
        if self.is_24_hours:
            return gettext("24 Hours")
        if self.is_closed:
            return gettext("Closed")
        return f"{_clock(self.opens)} – {_clock(self.closes)}"

    def span(self, day, zone):
        """The (start, end) in UTC these hours are open when they apply to `day`, or None."""
        if self.is_closed:
            return None
        if self.is_24_hours:
            opens, closes, end_day = MIDNIGHT, MIDNIGHT, day + timedelta(days=1)
        else:
            opens, closes = self.opens, self.closes
            end_day = day if closes > opens else day + timedelta(days=1)
        # A wall time skipped by the spring change is read with the offset before it
        # (fold=0): 2:30 a.m. that night is 3:30 a.m. daylight time, the same elapsed
        # time after the evening before; a repeated one (autumn) is its first occurrence.
        return (_utc(day, opens, zone), _utc(end_day, closes, zone))


def _utc(day, clock, zone):
    return datetime.combine(day, clock, tzinfo=zone).astimezone(UTC)


class OpeningHours(Hours):
    class Days(models.TextChoices):
        WEEKDAYS = "weekdays", _("Weekdays")
        SATURDAYS = "saturdays", _("Saturdays")
        SUNDAYS = "sundays", _("Sundays")
        HOLIDAYS = "holidays", _("Holidays")
        # A row of the hours table (capitalised in Spanish, "Lunes"); a context of their
        # own, so that Django's day names in dates ("abre el lunes") stay lower case.
        MONDAY = "monday", pgettext_lazy("hours table row", "Monday")
        TUESDAY = "tuesday", pgettext_lazy("hours table row", "Tuesday")
        WEDNESDAY = "wednesday", pgettext_lazy("hours table row", "Wednesday")
        THURSDAY = "thursday", pgettext_lazy("hours table row", "Thursday")
        FRIDAY = "friday", pgettext_lazy("hours table row", "Friday")

    # ISO weekday numbers (Monday is 1) each row covers; holidays are no weekday: the
    # dated Holiday rows say when a holiday is and what its hours are.
    WEEKDAY_NUMBERS = {
        Days.WEEKDAYS: (1, 2, 3, 4, 5),
        Days.SATURDAYS: (6,),
        Days.SUNDAYS: (7,),
        Days.HOLIDAYS: (),
        Days.MONDAY: (1,),
        Days.TUESDAY: (2,),
        Days.WEDNESDAY: (3,),
        Days.THURSDAY: (4,),
        Days.FRIDAY: (5,),
    }

    center = models.ForeignKey("facility.Center", on_delete=models.CASCADE, related_name="hours")
    days = models.CharField(max_length=12, choices=Days.choices)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "id"]
        verbose_name = "opening hours"
        verbose_name_plural = "opening hours"
        constraints = [
            models.UniqueConstraint(
                fields=["center", "days"],
                name="hours_once_per_days",
                violation_error_message="These days already have their hours.",
            ),
            _hours_are_valid("hours"),
        ]

    def __str__(self):
        return f"{self.get_days_display()}: {self.display}"

    @property
    def weekday_numbers(self):
        return self.WEEKDAY_NUMBERS[self.days]


def day_labels(rows):
    """The weekly rows, each with the days it covers as a visitor reads them. A row of
    one day wins over a row of several (as in Schedule), so "Weekdays" beside "Monday"
    reads "Tuesday to Friday" ("De martes a viernes"): "Weekdays" would say Monday too.
    A row every day of which another row overrides covers nothing and is left out."""
    rows = list(rows)
    own = {row.weekday_numbers[0] for row in rows if len(row.weekday_numbers) == 1}
    labelled = []
    for row in rows:
        numbers = row.weekday_numbers
        if len(numbers) < 2 or not own.intersection(numbers):
            labelled.append((row.get_days_display(), row))
            continue
        left = [number for number in numbers if number not in own]
        if left:
            labelled.append((_days_label(left), row))
    return labelled


def _days_label(numbers):
    """ "Tuesday to Friday", "Tuesday", "Monday, Wednesday and Friday" (ISO numbers)."""
    names = [str(WEEKDAYS[number - 1]) for number in numbers]  # Django's own day names
    if len(names) == 1:
        return capfirst(names[0])
    if numbers[-1] - numbers[0] == len(numbers) - 1:
        return capfirst(
            pgettext("days of the week", "%(first)s to %(last)s")
            % {"first": names[0], "last": names[-1]}
        )
    return capfirst(get_text_list(names, pgettext("last two of a list", "and")))


class HolidayQuerySet(models.QuerySet):
    def upcoming(self, today):
        return self.filter(date__gte=today)


class Holiday(Hours):
    """A dated day with hours of its own, such as Thanksgiving: they replace the
    weekday's hours that day."""

    center = models.ForeignKey("facility.Center", on_delete=models.CASCADE, related_name="holidays")
    date = models.DateField()
    name = models.CharField(max_length=80, help_text="Such as Thanksgiving Day.")

    objects = HolidayQuerySet.as_manager()

    class Meta:
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(
                fields=["center", "date"],
                name="holiday_once_per_date",
                violation_error_message="This date already has its hours.",
            ),
            _hours_are_valid("holiday_hours"),
        ]

    def __str__(self):
        return f"{self.name} ({self.date:%B %-d, %Y}): {self.display}"


class Schedule:
    """A center's weekly hours and holidays, read once, answering "open at this moment?"."""

    def __init__(self, weekly_rows, holidays, zone):
        self.zone = zone
        # Rows naming one day win over rows naming several (Friday over Weekdays).
        self.weekly = {}
        for row in sorted(weekly_rows, key=lambda r: -len(r.weekday_numbers)):
            for number in row.weekday_numbers:
                self.weekly[number] = row
        self.holidays = {holiday.date: holiday for holiday in holidays}

    def hours_on(self, day):
        return self.holidays.get(day) or self.weekly.get(day.isoweekday())

    def span(self, day):
        hours = self.hours_on(day)
        return hours.span(day, self.zone) if hours is not None else None

    def _spans(self, first_day, days):
        spans = (self.span(first_day + timedelta(days=n)) for n in range(days))
        return [span for span in spans if span is not None]

    @staticmethod
    def _within(spans, moment):
        return any(start <= moment < end for start, end in spans)

    def is_open(self, moment):
        # Yesterday's hours may run past midnight into today.
        today = moment.astimezone(self.zone).date()
        return self._within(self._spans(today - timedelta(days=1), 2), moment)

    def next_change(self, moment):
        """When it next opens or closes after `moment`, or None within HORIZON_DAYS."""
        today = moment.astimezone(self.zone).date()
        spans = self._spans(today - timedelta(days=1), HORIZON_DAYS + 2)
        now_open = self._within(spans, moment)
        # Spans reach a day past the horizon, so that the state at every edge before it
        # is known: the end of the last span read is no change.
        until = moment + timedelta(days=HORIZON_DAYS)
        edges = sorted({edge for span in spans for edge in span if moment < edge < until})
        for edge in edges:
            # Back-to-back spans (24 hours, then hours from midnight) are no change.
            if self._within(spans, edge) != now_open:
                return edge
        return None


class OpenState:
    """Open or closed at a moment, and until when, as a visitor reads it."""

    def __init__(self, is_open, now, change):
        self.is_open = is_open
        self.now = now  # in the center's zone
        self.change = change.astimezone(now.tzinfo) if change is not None else None

    @property
    def status(self):
        return gettext("Open now") if self.is_open else gettext("Closed now")

    @property
    def until(self):
        """Such as "until 5:00 p.m." or "opens Monday at 9:00 a.m."; empty when weeks away."""
        if self.change is None:
            return ""
        when = {"time": _clock(self.change.time())}
        # Counted by the hour, for languages that say "at one" unlike "at two" (Spanish).
        hour = self.change.hour % 12 or 12
        days = (self.change.date() - self.now.date()).days
        if days == 0 or (self.is_open and days == 1 and self.change.time() == MIDNIGHT):
            if self.is_open:
                return ngettext("until %(time)s", "until %(time)s", hour) % when
            return ngettext("opens %(time)s", "opens %(time)s", hour) % when
        if days == 1:
            if self.is_open:
                return (
                    ngettext("until tomorrow at %(time)s", "until tomorrow at %(time)s", hour)
                    % when
                )
            return ngettext("opens tomorrow at %(time)s", "opens tomorrow at %(time)s", hour) % when
        when["day"] = date_format(self.change, "l" if days < 7 else "MONTH_DAY_FORMAT")
        if self.is_open:
            return ngettext("until %(day)s at %(time)s", "until %(day)s at %(time)s", hour) % when
        return ngettext("opens %(day)s at %(time)s", "opens %(day)s at %(time)s", hour) % when
