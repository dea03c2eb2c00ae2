"""Telling staff an inquiry arrived: its reference and a link, nothing about the person."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.utils import timezone

from plumbing.seo import absolute

logger = logging.getLogger(__name__)


def notify_staff(inquiry, request, facility):
    """E-mail staff "New inquiry #<reference>" and a link to it; True if it went out.

    Nothing else: an e-mail can be forwarded, read on a shared screen or kept by a mail
    provider, and an inquiry is health information. A failure is logged and swallowed:
    the inquiry is already saved, and the visitor must still get their confirmation.
    """
    recipients = settings.CONTACT_NOTIFY_EMAILS or ([facility.email] if facility else [])
    recipients = [address for address in recipients if address]
    if not recipients:
        logger.warning("Inquiry %s saved; no address to notify.", inquiry.pk)
        return False
    # On SITE_URL: the Host the visitor's request named is theirs to choose.
    link = absolute(request, inquiry.get_admin_url())
    subject, body = f"New inquiry #{inquiry.reference}", f"{link}\n"
    if inquiry.language != inquiry.Language.ENGLISH:
        # Its language is no health information, and says who should call back.
        language = inquiry.get_language_display()
        subject += f" ({language})"
        body = f"Sent in {language}: please call back in {language}.\n{body}"
    try:
        send_mail(
            subject,
            body,
            settings.DEFAULT_FROM_EMAIL,
            recipients,
        )
    except Exception:
        logger.exception("Inquiry %s saved; notifying staff failed.", inquiry.pk)
        return False
    inquiry.notified = timezone.now()
    inquiry.save(update_fields=["notified"])
    return True
