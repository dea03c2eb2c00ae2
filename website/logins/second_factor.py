"""The second factor: a time-based code (TOTP) from an authenticator app, by django-otp.

Whoever can read inquiries gives one after the password, in every session: until then
every page answers with a redirect to the step they lack (setting up the app, or giving
its code), whatever the address. django-otp's OTPMiddleware, before this one, tells
whether the session has been verified (`request.user.is_verified()`).
"""

from urllib.parse import urlencode

from django.conf import settings
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from .policy import needs_second_factor


def confirmed_device(user):
    """The user's authenticator app, once set up; else None."""
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def check_code(device, code):
    """("right" | "wrong" | "wait", seconds to wait). django-otp makes each wrong code
    double the wait before the next is even checked (1, 2, 4... seconds), until a right
    one: guessing stays hopeless even across logins, which clear the lockout's count.
    A right code is taken once."""
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
        allowed, why = device.verify_is_allowed()
        if not allowed:
            wait = (why or {}).get("locked_until")
            return "wait", max(1, int((wait - timezone.now()).total_seconds()) + 1) if wait else 1
        return ("right" if device.verify_token(code) else "wrong"), 0


def next_step(user):
    """Where someone who still owes a code goes: set up the app, or give its code."""
    if confirmed_device(user) is None:
        return reverse("sign_in_code_set_up")
    return reverse("sign_in_code")


class SecondFactorMiddleware:
    """No page, the admin's above all, for one who reads inquiries and has not given a
    code in this session; only logging in and out, and the steps themselves, are open."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # No session cookie, no login: public visitors cost nothing here.
        if settings.SESSION_COOKIE_NAME in request.COOKIES and self.owes_code(request):
            query = urlencode({"next": request.get_full_path()})
            return redirect(f"{next_step(request.user)}?{query}")
        return self.get_response(request)

    @staticmethod
    def owes_code(request):
        user = request.user
        if not needs_second_factor(user) or user.is_verified():
            return False
        open_paths = {
            reverse(name)
            for name in ("admin:login", "admin:logout", "sign_in_code", "sign_in_code_set_up")
        }
        return request.path not in open_paths
