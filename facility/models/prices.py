"""Self-pay prices: optional ranges per center and level of care, kept by staff and shown
with the date they were last saved, beside the Good Faith Estimate notice."""

from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .care import LevelOfCare


class PriceRange(models.Model):
    class Unit(models.TextChoices):
        DAY = "day", _("per day")
        WEEK = "week", _("per week")
        SESSION = "session", _("per session")
        STAY = "stay", _("for the whole stay")

    center = models.ForeignKey("facility.Center", on_delete=models.CASCADE, related_name="prices")
    level_of_care = models.CharField(max_length=30, choices=LevelOfCare.choices)
    low = models.PositiveIntegerField("from (US$)", help_text="Whole dollars.")
    high = models.PositiveIntegerField("to (US$)", help_text="Whole dollars.")
    unit = models.CharField(max_length=10, choices=Unit.choices, default=Unit.DAY)
    # Set at every save, to the site's date: the date a visitor reads the range "as of".
    as_of_date = models.DateField("as of", editable=False)

    class Meta:
        ordering = ["center", "level_of_care"]
        verbose_name = "self-pay price range"
        constraints = [
            models.UniqueConstraint(
                fields=["center", "level_of_care"],
                name="price_once_per_level",
                violation_error_message="This level of care already has its price range.",
            ),
            models.CheckConstraint(
                condition=Q(low__lte=F("high")),
                name="price_low_not_above_high",
                violation_error_message="The price range ends below where it starts.",
            ),
        ]

    def __str__(self):
        return f"{self.center}: {self.get_level_of_care_display()}"

    def save(self, *args, **kwargs):
        self.as_of_date = timezone.localdate()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "as_of_date"}
        super().save(*args, **kwargs)

    @property
    def display(self):
        """Such as "$450 - $700 per day, as of November 3, 2026" (with an en dash)."""
        low, high = f"${self.low:,}", f"${self.high:,}"
        amount = low if self.low == self.high else f"{low} – {high}"
        return gettext("%(amount)s %(unit)s, as of %(day)s") % {
            "amount": amount,
            "unit": self.get_unit_display(),
            "day": date_format(self.as_of_date, "DATE_FORMAT"),
        }
