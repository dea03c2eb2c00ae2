"""How long staff stay logged in: a working day at most, from the login
(STAFF_SESSION_MAX_AGE), and for those who read inquiries, until they leave the site
alone for STAFF_IDLE_TIMEOUT (a shared admissions PC left logged in).

Public visitors have no session at all: nothing the public site does writes one, and
without a session cookie this costs a visitor nothing.
"""

from datetime import datetime

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.urls import reverse
from django.utils import timezone

from .policy import needs_second_factor

LOGGED_IN_AT = "staff_logged_in_at"
SEEN_AT = "staff_seen_at"

IDLE_MESSAGE = (
    "You were logged out after {minutes} minutes without activity, to keep inquiries "
    "private on a computer left unattended. Please log in again."
)
DAY_MESSAGE = "Your session ended after {hours} hours. Please log in again."


def stamp_login(sender, request, user, **kwargs):
    """At each login: when it was, and a session that ends a working day later whatever
    happens in between (Django's expiry at a fixed moment: the cookie and the stored
    session both end then)."""
    now = timezone.now()
    request.session[LOGGED_IN_AT] = request.session[SEEN_AT] = now.timestamp()
    request.session.set_expiry(now + settings.STAFF_SESSION_MAX_AGE)


def why_ended(request, now):
    """Why this staff session is over, as told to its owner; None while it goes on."""
    logged_in_at = request.session.get(LOGGED_IN_AT)
    if logged_in_at is None:  # a session from before these limits: log in again
        return DAY_MESSAGE.format(hours=hours(settings.STAFF_SESSION_MAX_AGE))
    if now - moment(logged_in_at) >= settings.STAFF_SESSION_MAX_AGE:
        return DAY_MESSAGE.format(hours=hours(settings.STAFF_SESSION_MAX_AGE))
    if needs_second_factor(request.user):
        seen_at = request.session.get(SEEN_AT, logged_in_at)
        if now - moment(seen_at) >= settings.STAFF_IDLE_TIMEOUT:
            minutes = int(settings.STAFF_IDLE_TIMEOUT.total_seconds() // 60)
            return IDLE_MESSAGE.format(minutes=minutes)
    return None


def moment(timestamp):
    return datetime.fromtimestamp(timestamp, tz=timezone.get_current_timezone())


def hours(delta):
    return f"{delta.total_seconds() / 3600:g}"


class StaffSessionMiddleware:
    """Ends a staff session past its working day, or idle too long for one who reads
    inquiries, then asks for the login again with the page that was asked for."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.SESSION_COOKIE_NAME in request.COOKIES and request.user.is_authenticated:
            now = timezone.now()
            reason = why_ended(request, now)
            if reason is not None:
                logout(request)
                messages.warning(request, reason)
                return redirect_to_login(request.get_full_path(), reverse("admin:login"))
            if needs_second_factor(request.user):
                request.session[SEEN_AT] = now.timestamp()
        return self.get_response(request)
