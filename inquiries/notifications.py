"""Telling staff a contact message arrived, without putting the message in the e-mail."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone

logger = logging.getLogger(__name__)


def notify_staff(message, request, facility):
    """E-mail staff a link to `message` in the admin; True if the e-mail went out.

    A failure is logged and swallowed: the message is already saved, and the visitor
    must still get their confirmation.
    """
    recipients = settings.CONTACT_NOTIFY_EMAILS or ([facility.email] if facility else [])
    recipients = [address for address in recipients if address]
    if not recipients:
        logger.warning("Contact message %s saved; no address to notify.", message.pk)
        return False
    link = request.build_absolute_uri(
        reverse("admin:inquiries_contactmessage_change", args=[message.pk])
    )
    site = facility.name if facility else "the website"
    body = (
        f"Someone sent a message through the contact form of {site}.\n\n"
        f"Read it and reply from the staff admin (log in first):\n{link}\n\n"
        "The message itself is not in this e-mail, to keep it private.\n"
    )
    try:
        send_mail(
            f"New contact message on {site}",
            body,
            settings.DEFAULT_FROM_EMAIL,
            recipients,
        )
    except Exception:
        logger.exception("Contact message %s saved; notifying staff failed.", message.pk)
        return False
    message.notified = timezone.now()
    message.save(update_fields=["notified"])
    return True
