"""What a center's license and accreditations say, and until when: legal claims, which
take a permission of their own to change, and leave the pages the day after they end."""

from datetime import datetime, timedelta

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

# How long before its end the admin's home page starts listing a credential.
EXPIRY_WARNING_DAYS = 30


class CredentialQuerySet(models.QuerySet):
    def current(self, today=None):
        """Credentials in force today: the one rule for which a page may show."""
        today = today or timezone.localdate()
        return self.filter(models.Q(valid_until__isnull=True) | models.Q(valid_until__gte=today))

    def expiring(self, today=None, days=EXPIRY_WARNING_DAYS):
        """Those that end within `days`, or have ended: what staff must renew."""
        today = today or timezone.localdate()
        return self.filter(valid_until__lte=today + timedelta(days=days))

    def next_expiry(self):
        """The moment the first current credential leaves the pages, or None."""
        last_day = self.current().aggregate(models.Min("valid_until"))["valid_until__min"]
        if last_day is None:
            return None
        return datetime.combine(
            last_day + timedelta(days=1), datetime.min.time(), timezone.get_current_timezone()
        )


class Credential(models.Model):
    class Kind(models.TextChoices):
        LICENSE = "license", _("State license")
        ACCREDITATION = "accreditation", _("Accreditation")
        CERTIFICATION = "certification", _("Certification")

    center = models.ForeignKey(
        "facility.Center", on_delete=models.CASCADE, related_name="credentials"
    )
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.LICENSE)
    issuer = models.CharField(
        "issued by",
        max_length=200,
        help_text=(
            "The state agency or accrediting body, such as The Joint Commission (a proper "
            "name: shown as is, marked English)."
        ),
    )
    number = models.CharField("license or certificate number", max_length=60, blank=True)
    scope = models.CharField(
        "what it covers",
        max_length=300,
        blank=True,
        help_text=(
            "Exactly the services and site it covers, in the issuer's words; the Spanish "
            "is a faithful translation of them."
        ),
    )
    valid_until = models.DateField(
        null=True, blank=True, help_text="The last day it is valid; it leaves the pages after."
    )
    verify_url = models.URLField(
        "verification link",
        blank=True,
        help_text="The issuer's own page where anyone can check it (never a badge script).",
    )
    sort_order = models.PositiveSmallIntegerField(default=0)
    updated = models.DateTimeField(auto_now=True)

    objects = CredentialQuerySet.as_manager()

    class Meta:
        ordering = ["center", "sort_order", "kind", "issuer"]
        verbose_name = "license or accreditation"
        verbose_name_plural = "licenses and accreditations"

    def __str__(self):
        return f"{self.get_kind_display()}: {self.issuer}" + (
            f" no. {self.number}" if self.number else ""
        )

    @property
    def statement(self):
        """As a page says it: "Licensed by …" or "Accredited by …"."""
        statement = {
            self.Kind.LICENSE: gettext("Licensed by %(issuer)s"),
            self.Kind.ACCREDITATION: gettext("Accredited by %(issuer)s"),
            self.Kind.CERTIFICATION: gettext("Certified by %(issuer)s"),
        }[self.kind]
        return statement % {"issuer": self.issuer}
