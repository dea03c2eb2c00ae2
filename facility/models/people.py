"""The people who give care: the staff profiles the public sees, with their credentials."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext

from plumbing.images import SafeImageField


class StaffProfile(models.Model):
    """A person as the public sees them: never their login, only what they agree to show."""

    name = models.CharField(max_length=120, help_text="As it should appear: Ana Ruiz.")
    credentials = models.CharField(
        max_length=80, blank=True, help_text="Such as MD, RN or LICDC-CS, as licensed."
    )
    role = models.CharField(
        max_length=120, blank=True, help_text="Such as Medical Director or Admissions Lead."
    )
    photo = SafeImageField(
        upload_to="staff/", blank=True, width_field="photo_width", height_field="photo_height"
    )
    photo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    photo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    bio = models.TextField("short bio", max_length=600, blank=True)
    center = models.ForeignKey(
        "facility.Center",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="staff",
        help_text="Where they mostly work; empty for the whole organization.",
    )
    is_listed = models.BooleanField(
        "on the Our team page",
        default=True,
        help_text="Untick for someone who only reviews or writes posts.",
    )
    sort_order = models.PositiveSmallIntegerField(default=0)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = "staff profile"
        constraints = [
            models.CheckConstraint(condition=~Q(name=""), name="staff_profile_has_name"),
        ]

    def __str__(self):
        return self.display_name

    def get_absolute_url(self):
        return reverse("facility:team") + f"#person-{self.pk}"

    @property
    def display_name(self):
        """Ana Ruiz, MD."""
        return f"{self.name}, {self.credentials}" if self.credentials else self.name

    @property
    def photo_alt(self):
        return gettext("Photo of %(name)s") % {"name": self.name}
