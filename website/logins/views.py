"""The two screens of the second factor, in the admin's look: setting up the authenticator
app (a QR code drawn here, the same key as text, a code to confirm), and giving its code
after the password. A wrong code counts as a failed login for the lockout (django-axes),
like a wrong password: past the limit the session is ended and the name locked out."""

from base64 import b32encode

import django_otp
import qrcode
import qrcode.image.svg
from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_lockout_response
from django import forms
from django.contrib import admin
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.signals import user_login_failed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.views.decorators.cache import never_cache
from django_otp.plugins.otp_totp.models import TOTPDevice

from .policy import needs_second_factor
from .second_factor import check_code, confirmed_device

WRONG_CODE = (
    "That code is not the one your app shows now. Check that you are reading the code "
    "for this website, and type the one on screen (a new one comes every 30 seconds)."
)
WAIT = "After a wrong code the next must wait: please try again in {seconds} seconds."


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Six-digit code",
        max_length=20,
        widget=forms.TextInput(
            attrs={
                "inputmode": "numeric",
                "autocomplete": "one-time-code",
                "autofocus": True,
                "size": 9,
            }
        ),
    )

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split())
        if len(code) != 6 or not code.isascii() or not code.isdigit():
            raise forms.ValidationError(
                "The code is the six digits your app shows, such as 123 456."
            )
        return code


def next_url(request):
    """Where to go once the code is given: the page asked for, if it is on this site."""
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return reverse("admin:index")


def screen(request, template, title, **context):
    return render(
        request,
        template,
        {
            **admin.site.each_context(request),
            "title": title,
            "next": next_url(request),
            **context,
        },
    )


def locked_out(request):
    """The lockout's answer, the session ended, when the name is locked; else None."""
    credentials = {"username": request.user.get_username()}
    if AxesProxyHandler.is_allowed(request, credentials):
        return None
    logout(request)
    return get_lockout_response(request, None, credentials)


def try_code(request, form, device):
    """Check the form's code against `device`: True when it is right. A wrong one is a
    failed login for django-axes, on this user name and address."""
    outcome, seconds = check_code(device, form.cleaned_data["code"])
    if outcome == "wait":
        form.add_error("code", WAIT.format(seconds=seconds))
    elif outcome == "wrong":
        form.add_error("code", WRONG_CODE)
        user_login_failed.send(
            sender=__name__,
            credentials={"username": request.user.get_username()},
            request=request,
        )
    return outcome == "right"


def verified(request, device):
    """The session is verified by `device`, under a new session key."""
    django_otp.login(request, device)
    request.session.cycle_key()
    return redirect(next_url(request))


@never_cache
@login_required
def sign_in_code(request):
    """The code, after the password, once the app is set up."""
    user = request.user
    if not needs_second_factor(user) or user.is_verified():
        return redirect(next_url(request))
    device = confirmed_device(user)
    if device is None:
        return redirect(f"{reverse('sign_in_code_set_up')}?{request.GET.urlencode()}")
    if (refused := locked_out(request)) is not None:
        return refused
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if try_code(request, form, device):
            return verified(request, device)
        if (refused := locked_out(request)) is not None:
            return refused
    return screen(request, "admin/logins/sign_in_code.html", "Enter your sign-in code", form=form)


@never_cache
@login_required
def set_up(request):
    """Setting up the authenticator app: scan, or type the key, then confirm a code."""
    user = request.user
    if not needs_second_factor(user) or user.is_verified():
        return redirect(next_url(request))
    if confirmed_device(user) is not None:
        return redirect(f"{reverse('sign_in_code')}?{request.GET.urlencode()}")
    if (refused := locked_out(request)) is not None:
        return refused
    # The same key until it is confirmed, so that reloading the page keeps what was scanned.
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if try_code(request, form, device):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            return verified(request, device)
        if (refused := locked_out(request)) is not None:
            return refused
    key = b32encode(device.bin_key).decode()
    return screen(
        request,
        "admin/logins/set_up.html",
        "Set up your sign-in code",
        form=form,
        qr_code=qr_svg(device.config_url),
        key=" ".join(key[i : i + 4] for i in range(0, len(key), 4)),
        account=user.get_username(),
    )


def qr_svg(text):
    """`text` as a QR code, an inline SVG drawn here: no request leaves the page."""
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathFillImage, box_size=12)
    # qrcode's own markup: a rectangle and a path of squares, no text from `text`.
    return mark_safe(image.to_string(encoding="unicode"))
