"""The care a center gives and to whom, in the categories of SAMHSA's treatment locator
(FindTreatment.gov), and the insurance plans it is in network with."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _


class LevelOfCare(models.TextChoices):
    DETOX_HOSPITAL = "detox-hospital", _("Detox in a hospital")
    DETOX_RESIDENTIAL = "detox-residential", _("Residential detox")
    DETOX_OUTPATIENT = "detox-outpatient", _("Outpatient detox")
    RESIDENTIAL_SHORT = "residential-short", _("Residential treatment, short term")
    RESIDENTIAL_LONG = "residential-long", _("Residential treatment, long term")
    PARTIAL_HOSPITALIZATION = "partial-hospitalization", _("Partial hospitalization")
    INTENSIVE_OUTPATIENT = "intensive-outpatient", _("Intensive outpatient")
    OUTPATIENT = "outpatient", _("Outpatient")
    MOUD = "moud", _("Medication for opioid use disorder")


class Population(models.TextChoices):
    ADULTS = "adults", _("Adults")
    ADOLESCENTS = "adolescents", _("Adolescents")
    OLDER_ADULTS = "older-adults", _("Older adults")
    WOMEN = "women", _("Women")
    MEN = "men", _("Men")
    PREGNANT = "pregnant", _("Pregnant and postpartum women")
    VETERANS = "veterans", _("Veterans")
    LGBTQ = "lgbtq", _("LGBTQ+ people")
    JUSTICE_INVOLVED = "justice-involved", _("People involved with the justice system")
    CO_OCCURRING = "co-occurring", _("People with co-occurring mental health conditions")


class Language(models.TextChoices):
    # The values are the BCP 47 tags schema.org's knowsLanguage takes.
    ENGLISH = "en", _("English")
    SPANISH = "es", _("Spanish")
    ASL = "ase", _("American Sign Language")
    ARABIC = "ar", _("Arabic")
    CHINESE = "zh", _("Chinese")
    FRENCH = "fr", _("French")
    GERMAN = "de", _("German")
    SOMALI = "so", _("Somali")


class Payment(models.TextChoices):
    PRIVATE_INSURANCE = "private-insurance", _("Private health insurance")
    MEDICAID = "medicaid", _("Medicaid")
    MEDICARE = "medicare", _("Medicare")
    MILITARY = "military", _("Military insurance (such as TRICARE)")
    STATE_FINANCED = "state-financed", _("State-financed care")
    SELF_PAY = "self-pay", _("Self-pay (cash)")
    SLIDING_FEE = "sliding-fee", _("Sliding fee scale")
    FREE = "free", _("Free care for those who cannot pay")


class ChoiceListField(models.JSONField):
    """Several values of one TextChoices, kept as a list: ticked boxes in the admin."""

    def __init__(self, *args, choices_from=None, **kwargs):
        self.choices_from = choices_from
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["choices_from"] = self.choices_from
        if kwargs.get("default") is list:
            del kwargs["default"]
        if kwargs.get("blank") is True:
            del kwargs["blank"]
        return name, path, args, kwargs

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        unknown = sorted(set(value or []) - set(self.choices_from.values))
        if unknown:
            raise ValidationError(
                "Unknown choices: %(unknown)s.", params={"unknown": ", ".join(unknown)}
            )

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=self.choices_from.choices,
            widget=forms.CheckboxSelectMultiple,
            required=not self.blank,
            label=capfirst(self.verbose_name),
            help_text=self.help_text,
        )


def labelled(values, choices_from):
    """(value, label) pairs of `values`, in the order the choices are declared."""
    chosen = set(values or [])
    return [(value, label) for value, label in choices_from.choices if value in chosen]


class InsurancePlanQuerySet(models.QuerySet):
    def current(self, today=None):
        """Plans in network today: the one rule for which plans a page may name."""
        today = today or timezone.localdate()
        return self.filter(
            Q(in_network_from__isnull=True) | Q(in_network_from__lte=today),
            Q(in_network_until__isnull=True) | Q(in_network_until__gte=today),
        )


class InsurancePlan(models.Model):
    """A named insurance plan a center is in network with, from and until when."""

    center = models.ForeignKey(
        "facility.Center", on_delete=models.CASCADE, related_name="insurance_plans"
    )
    name = models.CharField(
        max_length=120,
        help_text="As the insurer names it (a proper name: shown as is, marked English).",
    )
    note = models.CharField(
        max_length=120,
        blank=True,
        help_text="A short remark shown after the name, written in each language.",
    )
    in_network_from = models.DateField(null=True, blank=True)
    in_network_until = models.DateField(
        null=True, blank=True, help_text="The last day; it leaves the pages the day after."
    )

    objects = InsurancePlanQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = "insurance plan in network"
        constraints = [
            models.UniqueConstraint(fields=["center", "name"], name="plan_once_per_center"),
            models.CheckConstraint(
                condition=Q(in_network_from__isnull=True)
                | Q(in_network_until__isnull=True)
                | Q(in_network_from__lte=models.F("in_network_until")),
                name="plan_dates_in_order",
                violation_error_message="The network dates end before they start.",
            ),
        ]

    def __str__(self):
        return self.name
