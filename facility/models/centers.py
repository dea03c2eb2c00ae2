"""The places where care is given: each center's address, phones, zone and hours."""

import zoneinfo
from decimal import Decimal
from functools import cached_property

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from .. import phones
from .availability import Availability, RoomRow
from .care import (
    ChoiceListField,
    InsurancePlan,
    Language,
    LevelOfCare,
    Payment,
    Population,
    labelled,
)
from .credentials import Credential
from .hours import OpenState, Schedule


def validate_time_zone(name):
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ValidationError(
            "%(name)s is not a time zone name; give one such as America/New_York.",
            params={"name": name},
        ) from None


# Search engines ask for coordinates to five decimals at least (about a metre); fewer
# put the pin on a neighbour's roof, or on the road.
COORDINATE_DECIMALS = 5


class CenterQuerySet(models.QuerySet):
    def with_hours(self):
        """Centers with their hours and credentials in force, in a fixed number of queries."""
        return self.prefetch_related(
            "hours",
            "holidays",
            models.Prefetch(
                "credentials", queryset=Credential.objects.current(), to_attr="credentials_in_force"
            ),
        )

    def for_page(self):
        """Centers with all their page shows: hours, photos, services, plans in network."""
        # Services name their centers, so the service model is reached through that link.
        service = self.model._meta.get_field("services").related_model
        return self.with_hours().prefetch_related(
            "photos",
            models.Prefetch(
                "services", queryset=service.objects.in_language().only("name", "slug")
            ),
            models.Prefetch(
                "insurance_plans",
                queryset=InsurancePlan.objects.current(),
                to_attr="plans_in_network",
            ),
            models.Prefetch(
                "availabilities", queryset=Availability.objects.all(), to_attr="availability_rows"
            ),
            "prices",
        )


class Center(models.Model):
    """One place where the provider treats people: a campus, an office, a detox unit."""

    name = models.CharField(max_length=120)
    slug = models.SlugField(
        max_length=80, unique=True, help_text="Its address: /locations/<slug>/."
    )
    is_main = models.BooleanField(
        "main center",
        default=False,
        help_text="Its phone is the one in the header on pages about no center in particular.",
    )
    sort_order = models.PositiveSmallIntegerField(default=0)
    street = models.CharField(max_length=200)
    city = models.CharField(max_length=100)
    state = models.CharField(max_length=2, help_text="Two-letter code, such as OH.")
    postal_code = models.CharField("ZIP code", max_length=10)
    phone = models.CharField(max_length=30, help_text="As people should read it: 1-855-605-2135.")
    admissions_phone = models.CharField(
        max_length=30, blank=True, help_text="Only if admissions has a line of its own."
    )
    email = models.EmailField(blank=True)
    time_zone = models.CharField(
        max_length=64,
        default=settings.TIME_ZONE,
        validators=[validate_time_zone],
        help_text="Where its hours are kept, such as America/New_York.",
    )
    who_answers = models.CharField(
        "who answers the phone",
        max_length=300,
        blank=True,
        help_text="Such as: our own admissions staff in Findlay answer, never a call center.",
    )
    description = models.TextField(blank=True, max_length=2000)
    latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    map_url = models.URLField(
        "map link",
        blank=True,
        help_text='Where "View larger map" goes; an OpenStreetMap link is made when empty.',
    )
    care_levels = ChoiceListField(
        "levels of care", choices_from=LevelOfCare, help_text="Only the care given here."
    )
    populations = ChoiceListField("people served", choices_from=Population)
    languages = ChoiceListField("languages spoken", choices_from=Language)
    payments = ChoiceListField(
        "payment accepted",
        choices_from=Payment,
        help_text="Name the insurance plans in network below, with their dates.",
    )
    is_accepting_new_patients = models.BooleanField("accepting new patients", default=True)
    updated = models.DateTimeField(auto_now=True)

    objects = CenterQuerySet.as_manager()

    class Meta:
        ordering = ["-is_main", "sort_order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_main"],
                condition=Q(is_main=True),
                name="one_main_center",
                violation_error_message="Only one center can be the main center.",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("facility:center", args=[self.slug])

    def clean(self):
        super().clean()
        errors = {}
        for name in ("latitude", "longitude"):
            value = getattr(self, name)
            if value is not None and Decimal(str(value)).as_tuple().exponent > -COORDINATE_DECIMALS:
                errors[name] = (
                    f"Give at least {COORDINATE_DECIMALS} decimals, such as 41.06804: "
                    "copy them from the center's pin on OpenStreetMap (right-click, Show address)."
                )
        if errors:
            raise ValidationError(errors)

    @property
    def zone(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    @cached_property
    def schedule(self):
        return Schedule(self.hours.all(), self.holidays.all(), self.zone)

    def is_open_now(self, now=None):
        return self.schedule.is_open(now or timezone.now())

    def next_change(self, now=None):
        """When it next opens or closes, or None when that is weeks away."""
        return self.schedule.next_change(now or timezone.now())

    def open_state(self, now=None):
        """Open or closed now and until when, in the center's zone, for its pages."""
        now = now or timezone.now()
        return OpenState(self.is_open_now(now), now.astimezone(self.zone), self.next_change(now))

    def levels_of_care(self):
        """(value, label) of each level of care given here, in SAMHSA's order."""
        return labelled(self.care_levels, LevelOfCare)

    def people_served(self):
        return labelled(self.populations, Population)

    def languages_spoken(self):
        return labelled(self.languages, Language)

    def current_plans(self):
        """The insurance plans in network today (as prefetched by `for_page()`)."""
        if hasattr(self, "plans_in_network"):
            return self.plans_in_network
        return list(self.insurance_plans.current())

    def payment_kinds(self):
        return labelled(self.payments, Payment)

    def accepted_payments(self):
        """(value, label) of each way to pay: the kinds ticked, then each plan in network
        today as ("plan-<id>", its name)."""
        return self.payment_kinds() + [
            (f"plan-{plan.pk}", plan.name) for plan in self.current_plans()
        ]

    def availability_list(self):
        """Its answers to "is there room?", fresh or not (as prefetched by `for_page()`)."""
        if not hasattr(self, "availability_rows"):
            self.availability_rows = list(self.availabilities.all())
        return self.availability_rows

    def price_list(self):
        """Its self-pay price ranges, in SAMHSA's order of the levels of care."""
        order = {value: n for n, value in enumerate(LevelOfCare.values)}
        return sorted(self.prices.all(), key=lambda price: order[price.level_of_care])

    def room(self, now=None):
        """A RoomRow per level of care given here, in SAMHSA's order, or [] when staff
        have never said whether there is room here."""
        answers = {row.level_of_care: row for row in self.availability_list()}
        if not answers:
            return []
        now = now or timezone.now()
        return [
            RoomRow(value, label, answers.get(value), self.zone, now)
            for value, label in self.levels_of_care()
        ]

    def accepting_new_patients(self, now=None):
        """True or False from the fresh answers to "is there room?" (any level taking new
        patients); None when every answer is too old to say; the center's own "accepting
        new patients" box when staff never gave one."""
        rows = self.availability_list()
        if not rows:
            return self.is_accepting_new_patients
        fresh = [row for row in rows if row.is_fresh(now)]
        if not fresh:
            return None
        return any(row.is_taking for row in fresh)

    def current_credentials(self):
        """Its license and accreditations in force today (as prefetched by with_hours())."""
        if hasattr(self, "credentials_in_force"):
            return self.credentials_in_force
        return list(self.credentials.current())

    def upcoming_holidays(self):
        """Holidays from today on, in date order (from the hours already read)."""
        today = timezone.now().astimezone(self.zone).date()
        return [holiday for holiday in self.holidays.all() if holiday.date >= today]

    @property
    def town(self):
        return f"{self.city}, {self.state}"

    @property
    def phone_href(self):
        return phones.tel_href(self.phone)

    @property
    def admissions_phone_href(self):
        return phones.tel_href(self.admissions_phone) if self.admissions_phone else ""

    @property
    def address_lines(self):
        return [self.street, f"{self.city}, {self.state} {self.postal_code}"]

    @property
    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None

    @property
    def larger_map_url(self):
        if self.map_url:
            return self.map_url
        if self.has_coordinates:
            return f"https://www.openstreetmap.org/?mlat={self.latitude}&mlon={self.longitude}#map=16/{self.latitude}/{self.longitude}"
        return ""

    @property
    def map_embed_url(self):
        """An OpenStreetMap embed, loaded only when a visitor asks for it."""
        if not self.has_coordinates:
            return ""
        lat, lon, pad = float(self.latitude), float(self.longitude), 0.006
        return (
            "https://www.openstreetmap.org/export/embed.html?layer=mapnik"
            f"&bbox={lon - pad:.5f}%2C{lat - pad:.5f}%2C{lon + pad:.5f}%2C{lat + pad:.5f}"
            f"&marker={lat:.5f}%2C{lon:.5f}"
        )
