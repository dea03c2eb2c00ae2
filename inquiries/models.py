"""What visitors send us: inquiries to admissions (health information), staff notes on
them, and the log of every time staff looked at one."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .choices import PAYMENT_NOT_SURE, payment_choices
from .encryption import UnreadableValue
from .estimates import due_date
from .fields import EncryptedBinaryField, EncryptedTextField

# Letters and digits that cannot be misread over the phone (no 0/O, 1/I/L).
REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
REFERENCE_LENGTH = 6
# HIPAA keeps its documentation (such as who looked at what) for six years.
ACCESS_LOG_RETENTION = timedelta(days=6 * 365 + 2)


def new_reference():
    """A random reference, so that it says nothing about how many inquiries there are."""
    return "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH))


def unreadable_fields(instance):
    """The verbose names of `instance`'s encrypted fields that no configured key reads."""
    return [
        field.verbose_name
        for field in instance._meta.concrete_fields
        if isinstance(field, (EncryptedTextField, EncryptedBinaryField))
        and isinstance(field.value_from_object(instance), UnreadableValue)
    ]


class InquiryQuerySet(models.QuerySet):
    def expired(self, now=None):
        """Inquiries older than the retention period, which `purge_inquiries` deletes."""
        now = now or timezone.now()
        days = settings.CONTACT_MESSAGE_RETENTION_DAYS
        return self.filter(created__lt=now - timedelta(days=days))

    def estimates_open(self):
        """Good Faith Estimates asked for and not yet sent, the soonest due first."""
        return self.filter(estimate_requested=True, estimate_sent__isnull=True).order_by(
            "estimate_due", "created"
        )

    def waiting(self):
        """New inquiries nobody has contacted yet, oldest first."""
        return self.filter(status=Inquiry.Status.NEW).order_by("created")


class Inquiry(models.Model):
    """Someone asking admissions to call back: health information, kept minimal.

    Everything the visitor typed is encrypted at rest (EncryptedTextField). Only staff
    with `view_inquiry` read it (the Admissions role); every look is logged in
    InquiryAccess; `purge_inquiries` deletes it after CONTACT_MESSAGE_RETENTION_DAYS.
    """

    class ForWhom(models.TextChoices):
        MYSELF = "myself", _("Myself")
        LOVED_ONE = "loved-one", _("Someone I care about")
        # Messages from the contact form before it asked.
        UNKNOWN = "", _("Not asked")

    class BestTime(models.TextChoices):
        ANY = "any", _("Any time")
        MORNING = "morning", _("Morning")
        AFTERNOON = "afternoon", _("Afternoon")
        EVENING = "evening", _("Evening")

    class Language(models.TextChoices):
        # The site's languages (settings.LANGUAGES), named for the staff who call back.
        ENGLISH = "en", "English"
        SPANISH = "es", "Spanish"

    class Status(models.TextChoices):
        NEW = "new", _("New")
        CONTACTED = "contacted", _("Contacted")
        ASSESSMENT = "assessment-scheduled", _("Assessment scheduled")
        ADMITTED = "admitted", _("Admitted")
        REFERRED = "referred", _("Referred elsewhere")
        CLOSED = "closed", _("Closed")

    reference = models.CharField(max_length=12, unique=True, default=new_reference, editable=False)
    for_whom = models.CharField("for", max_length=12, choices=ForWhom.choices, blank=True)
    first_name = EncryptedTextField(max_length=60)
    phone = EncryptedTextField(max_length=30, blank=True)
    voicemail_ok = models.BooleanField("voicemail that says who we are", default=False)
    text_ok = models.BooleanField("texts to this number", default=False)
    email = EncryptedTextField("e-mail", max_length=254, blank=True)
    best_time = models.CharField(
        "best time to call", max_length=12, choices=BestTime.choices, default=BestTime.ANY
    )
    center = models.ForeignKey(
        "facility.Center",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="inquiries",
        help_text="The center the visitor asked about (empty before the form asked).",
    )
    # The level of care's English name when the visitor chose it (the name of one of the
    # center's services before the form offered SAMHSA's levels): the record of what they
    # asked for, unchanged if the list changes later (see inquiries/choices.py).
    level_of_care = models.CharField("help wanted", max_length=120, blank=True)
    # The facility's payment types (facility/models/care.py), the one list, or not sure.
    payment = models.CharField(
        "expects to pay with", max_length=20, choices=payment_choices(), default=PAYMENT_NOT_SURE
    )
    language = models.CharField(
        "language",
        max_length=8,
        choices=Language.choices,
        default=Language.ENGLISH,
        help_text="The language of the page it was sent from: call back in it.",
    )
    plan_name = EncryptedTextField("insurance plan", max_length=100, blank=True)
    # The No Surprises Act's Good Faith Estimate, for those paying without insurance
    # (inquiries/estimates.py): due within 3 business days of the request.
    estimate_requested = models.BooleanField("asked for a Good Faith Estimate", default=False)
    estimate_due = models.DateField(
        "estimate due", null=True, blank=True, editable=False, db_index=True
    )
    estimate_sent = models.DateField(
        "estimate sent on", null=True, blank=True, help_text="The day it went out in writing."
    )
    message = EncryptedTextField(max_length=2000, blank=True)
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.NEW, db_index=True
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        limit_choices_to={"is_staff": True},
        related_name="assigned_inquiries",
    )
    first_contact = models.DateTimeField(
        "first contacted",
        null=True,
        blank=True,
        help_text="Set when the status first moves on from New.",
    )
    created = models.DateTimeField("received", auto_now_add=True, db_index=True)
    notified = models.DateTimeField(
        "staff notified", null=True, blank=True, help_text="Empty if the e-mail failed."
    )

    objects = InquiryQuerySet.as_manager()

    class Meta:
        ordering = ["-created"]
        verbose_name_plural = "inquiries"
        permissions = [("export_inquiry", "Can export inquiries as CSV")]

    def __str__(self):
        # The reference alone: the admin keeps this text in its action log forever.
        return f"Inquiry #{self.reference}"

    def save(self, *args, **kwargs):
        if self.estimate_requested and self.estimate_due is None:
            self.estimate_due = due_date(self.created or timezone.now(), self.center)
        if self.status != self.Status.NEW and self.first_contact is None:
            self.first_contact = timezone.now()
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "first_contact"}
        super().save(*args, **kwargs)

    def get_admin_url(self):
        return reverse("admin:inquiries_inquiry_change", args=[self.pk])

    def unreadable_fields(self):
        """What no configured key decrypts here (see `manage.py unreadable_inquiries`)."""
        return unreadable_fields(self)

    def waited(self, now=None):
        """How long the inquiry has waited for (or waited until) its first contact."""
        return (self.first_contact or now or timezone.now()) - self.created


class InquiryNote(models.Model):
    """A dated note staff keep on an inquiry, encrypted like the inquiry itself."""

    inquiry = models.ForeignKey(Inquiry, on_delete=models.CASCADE, related_name="notes")
    text = EncryptedTextField(max_length=4000)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, editable=False
    )
    created = models.DateTimeField("written", auto_now_add=True)

    class Meta:
        ordering = ["created"]

    def __str__(self):
        return f"Note {self.pk}"

    def unreadable_fields(self):
        return unreadable_fields(self)


class InquiryAccessQuerySet(models.QuerySet):
    def expired(self, now=None):
        return self.filter(when__lt=(now or timezone.now()) - ACCESS_LOG_RETENTION)


class InquiryAccess(models.Model):
    """Who opened, changed, exported or deleted which inquiry, and when; never what it
    says. Plain values, not foreign keys, so the entry outlives the inquiry and the user."""

    class Action(models.TextChoices):
        LIST = "list", _("Listed")
        LOOKUP = "lookup", _("Looked up")
        VIEW = "view", _("Viewed")
        HISTORY = "history", _("Viewed history")
        CONFIRM_DELETE = "confirm-delete", _("Asked to delete")
        CHANGE = "change", _("Changed")
        EXPORT = "export", _("Exported")
        CARD = "card", _("Viewed insurance card photo")
        DELETE = "delete", _("Deleted")

    when = models.DateTimeField(default=timezone.now, db_index=True)
    user_id = models.PositiveBigIntegerField(null=True)
    username = models.CharField(max_length=150)
    action = models.CharField(max_length=20, choices=Action.choices)
    inquiry_id = models.PositiveBigIntegerField(null=True, db_index=True)
    reference = models.CharField(max_length=12, blank=True, db_index=True)
    shown = models.CharField(
        max_length=500,
        blank=True,
        help_text="For a list or a look-up: the search, filters and page that were shown.",
    )

    objects = InquiryAccessQuerySet.as_manager()

    class Meta:
        ordering = ["-when"]
        verbose_name = "inquiry access"
        verbose_name_plural = "inquiry access log"

    def __str__(self):
        return f"{self.username} {self.action} #{self.reference or '-'}"

    @classmethod
    def record(cls, request, action, inquiries=(), shown=""):
        """Log `action` by the request's user on each of `inquiries`, one entry each (one
        without a reference when there is none: an empty list); `shown` says which search,
        filters and page a list showed."""
        user = request.user
        entry = {"user_id": user.pk, "username": user.get_username(), "action": action}
        rows = [
            cls(**entry, inquiry_id=inquiry.pk, reference=inquiry.reference, shown=shown)
            for inquiry in inquiries
        ] or [cls(**entry, shown=shown)]
        cls.objects.bulk_create(rows)


class InsuranceCheckQuerySet(models.QuerySet):
    def waiting(self):
        return self.filter(result="")


class PhotosLeftOutManager(models.Manager.from_queryset(InsuranceCheckQuerySet)):
    """Checks read without their card photos: a photo is read, and decrypted, only when
    it is shown (reading the attribute loads that one column), never to list checks or
    show a status. `inquiry.insurance_check` reads through Django's base manager, which
    reads them all: read a check through this one (InsuranceCheck.objects)."""

    def get_queryset(self):
        return super().get_queryset().defer(*PHOTO_FIELDS)


PHOTO_FIELDS = ("card_front", "card_back")


class InsuranceCheck(models.Model):
    """What a visitor gave for a check of their insurance benefits (verification of
    benefits), and what staff found. Health and payment information: every value the
    visitor gave, the card photos' bytes included, is encrypted at rest; only Admissions
    reads it, through the inquiry's admin and its logged photo view; it goes with the
    inquiry (purged with it). A check, never a promise of payment."""

    class Relationship(models.TextChoices):
        SELF = "self", _("Self")
        SPOUSE = "spouse", _("Spouse or partner")
        PARENT = "parent", _("Parent or guardian")
        CHILD = "child", _("Child")
        OTHER = "other", _("Other")

    class Result(models.TextChoices):
        WAITING = "", "waiting for a check"
        IN_NETWORK = "in-network", "in network"
        OUT_OF_NETWORK = "out-of-network", "out of network"
        NOT_COVERED = "not-covered", "not covered"
        NEEDS_AUTHORIZATION = "needs-authorization", "needs authorization"

    inquiry = models.OneToOneField(
        Inquiry, on_delete=models.CASCADE, related_name="insurance_check"
    )
    payer = EncryptedTextField("insurance company", max_length=100)
    member_id = EncryptedTextField("member ID", max_length=40)
    group_number = EncryptedTextField("group number", max_length=40, blank=True)
    subscriber_name = EncryptedTextField("subscriber's name", max_length=120, blank=True)
    subscriber_birth_date = EncryptedTextField(
        "subscriber's date of birth", max_length=10, blank=True, help_text="YYYY-MM-DD."
    )
    relationship = EncryptedTextField(
        "subscriber's relationship to the person needing care",
        max_length=10,
        blank=True,
        choices=Relationship.choices,
    )
    # The photos as re-encoded by plumbing/images.py (no metadata), then encrypted.
    card_front = EncryptedBinaryField("card photo, front", null=True, blank=True)
    card_front_type = models.CharField(max_length=20, blank=True)
    card_back = EncryptedBinaryField("card photo, back", null=True, blank=True)
    card_back_type = models.CharField(max_length=20, blank=True)
    result = models.CharField(
        "benefits checked",
        max_length=20,
        choices=Result.choices,
        default=Result.WAITING,
        blank=True,
        db_index=True,
    )
    checked_by = models.CharField("checked by", max_length=150, blank=True, editable=False)
    checked_at = models.DateTimeField("checked at", null=True, blank=True, editable=False)

    objects = PhotosLeftOutManager()

    class Meta:
        verbose_name = "insurance check"

    def __str__(self):
        return f"Insurance check of inquiry #{self.inquiry.reference}"

    def photo(self, side):
        """(bytes, content type) of the card's `side` ("front" or "back"), or None (none
        given, or no configured key reads it)."""
        data = getattr(self, f"card_{side}")
        if not data or isinstance(data, UnreadableValue):
            return None
        return bytes(data), getattr(self, f"card_{side}_type")

    def unreadable_fields(self):
        return unreadable_fields(self)
