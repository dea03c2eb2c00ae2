"""What visitors send us: today the contact form's messages (health information)."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class ContactMessageQuerySet(models.QuerySet):
    def expired(self, now=None):
        """Messages older than the retention period, which `purge_inquiries` deletes."""
        now = now or timezone.now()
        days = settings.CONTACT_MESSAGE_RETENTION_DAYS
        return self.filter(created__lt=now - timedelta(days=days))


class ContactMessage(models.Model):
    """What a visitor wrote through the contact form: health information, kept minimal.

    Only staff with `view_contactmessage` read them (the Editors group never has it), and
    `purge_inquiries` deletes them after `CONTACT_MESSAGE_RETENTION_DAYS`.
    """

    name = models.CharField(max_length=120)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=30, blank=True)
    message = models.TextField(max_length=5000)
    consent = models.BooleanField("agreed to be contacted")
    created = models.DateTimeField(auto_now_add=True, db_index=True)
    notified = models.DateTimeField(
        "staff notified", null=True, blank=True, help_text="Empty if the e-mail failed."
    )

    objects = ContactMessageQuerySet.as_manager()

    class Meta:
        # The table kept its name when the model moved here from the facility app.
        db_table = "facility_contactmessage"
        ordering = ["-created"]
        verbose_name = "contact message"
        permissions = [("export_contactmessage", "Can export contact messages as CSV")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(email="") | ~Q(phone=""), name="contact_message_has_reply_route"
            ),
        ]

    def __str__(self):
        # No name: the admin keeps this text in its action log (a deletion too) forever.
        return f"Contact message {self.pk}"
