"""The second factor: whoever can read inquiries gives a code from an authenticator app
after the password, in every session, before any admin page; others are not asked.

Logins here go through the login form with the password (force_login() would give the
code: tests/second_factor.py), and the app's codes are computed from the device's key.
"""

import io
import re
from base64 import b32decode, b32encode
from binascii import hexlify

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from inquiries.models import InquiryAccess

from .factories import PASSWORD, make_inquiry, make_staff, make_superuser
from .second_factor import app_code, enrolled_device
from .test_inquiry_admin import PRIVATE, every_route

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("staff_groups")]

SET_UP = "/admin/sign-in-code/set-up/"
CODE = "/admin/sign-in-code/"


@pytest.fixture
def inquiry(facility):
    return make_inquiry(first_name="Quillfeather", message=PRIVATE)


@pytest.fixture(autouse=True)
def no_wait_between_codes(settings):
    """django-otp makes a wrong code wait a second or more before the next is checked
    (tested on its own below); the tests that follow a wrong code with a right one
    would otherwise sleep."""
    settings.OTP_TOTP_THROTTLE_FACTOR = 0


def password_login(client, username, **meta):
    response = client.post(
        reverse("admin:login"),
        {"username": username, "password": PASSWORD, "next": "/admin/"},
        **meta,
    )
    assert response.status_code == 302, response.content.decode()[:500]
    return response


def routes(inquiry):
    """Every admin address that could show an inquiry, and the admin's home (which lists
    those waiting), its moved address and the card photos' view."""
    return [
        *every_route(inquiry),
        ("get", reverse("admin:index"), None),
        ("get", f"/admin/inquiries/contactmessage/{inquiry.pk}/change/", None),
        ("get", reverse("admin:inquiries_inquiry_card", args=[inquiry.pk, "front"]), None),
        ("post", reverse("admin:inquiries_inquiry_change", args=[inquiry.pk]), {"status": "x"}),
    ]


def assert_kept_out(client, inquiry, step):
    for method, url, data in routes(inquiry):
        response = getattr(client, method)(url, data or {})
        assert response.status_code == 302, url
        assert response["Location"].startswith(step + "?next="), url
        html = response.content.decode()
        assert "Quillfeather" not in html and inquiry.reference not in html, url
    assert not InquiryAccess.objects.exists()  # no inquiry was opened


@pytest.mark.parametrize("who", ["Admissions", "superuser"])
def test_without_an_app_they_reach_no_inquiry_by_any_admin_address(client, inquiry, who):
    user = make_superuser("boss") if who == "superuser" else make_staff("avery", "Admissions")

    password_login(client, user.username)

    assert_kept_out(client, inquiry, SET_UP)
    assert not TOTPDevice.objects.filter(confirmed=True).exists()


def test_with_an_app_but_no_code_given_they_reach_no_inquiry(client, inquiry):
    enrolled_device(make_staff("avery", "Admissions"))

    password_login(client, "avery")

    assert_kept_out(client, inquiry, CODE)


def test_the_code_of_their_app_opens_the_inquiries(client, inquiry):
    device = enrolled_device(make_staff("avery", "Admissions"))
    answer = password_login(client, "avery")
    assert client.get(answer["Location"])["Location"] == f"{CODE}?next=%2Fadmin%2F"

    page = client.get(CODE + "?next=/admin/inquiries/inquiry/").content.decode()
    assert "Enter your sign-in code" in page and 'autocomplete="one-time-code"' in page
    response = client.post(CODE, {"code": app_code(device), "next": "/admin/inquiries/inquiry/"})

    assert response.status_code == 302 and response["Location"] == "/admin/inquiries/inquiry/"
    listing = client.get("/admin/inquiries/inquiry/")
    assert listing.status_code == 200 and inquiry.reference in listing.content.decode()
    change = client.get(reverse("admin:inquiries_inquiry_change", args=[inquiry.pk]))
    assert PRIVATE in change.content.decode()


def test_a_wrong_code_is_refused_and_counted_by_the_lockout(client, inquiry, settings):
    device = enrolled_device(make_staff("avery", "Admissions"))
    password_login(client, "avery", REMOTE_ADDR="192.0.2.7")
    wrong = f"{(int(app_code(device)) + 1) % 10**6:06d}"

    response = client.post(CODE, {"code": wrong}, REMOTE_ADDR="192.0.2.7")

    assert response.status_code == 200
    assert "That code is not the one your app shows now." in response.content.decode()
    attempt = AccessAttempt.objects.get(username="avery")
    assert (attempt.ip_address, attempt.failures_since_start) == ("192.0.2.7", 1)
    assert client.get("/admin/inquiries/inquiry/")["Location"].startswith(CODE)
    # The right one still lets them in, and clears the count like a right password.
    client.post(CODE, {"code": app_code(device)}, REMOTE_ADDR="192.0.2.7")
    assert client.get("/admin/inquiries/inquiry/").status_code == 200


def test_wrong_codes_lock_the_name_out_and_end_the_session(client, inquiry, settings):
    device = enrolled_device(make_staff("avery", "Admissions"))
    password_login(client, "avery")
    for step in range(settings.AXES_FAILURE_LIMIT - 1):
        wrong = f"{(int(app_code(device)) + 1 + step) % 10**6:06d}"
        assert client.post(CODE, {"code": wrong}).status_code == 200

    locked = client.post(CODE, {"code": "000000" if app_code(device) != "000000" else "111111"})

    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session
    # Neither the password nor the right code gets in now, from this address.
    response = client.post(reverse("admin:login"), {"username": "avery", "password": PASSWORD})
    assert response.status_code == 429
    assert client.post(CODE, {"code": app_code(device)}).status_code == 302  # to the login
    assert client.get("/admin/inquiries/inquiry/")["Location"].startswith("/admin/login/")


def test_a_mistyped_code_is_explained_and_not_counted(client, inquiry):
    enrolled_device(make_staff("avery", "Admissions"))
    password_login(client, "avery")

    response = client.post(CODE, {"code": "12345"})

    assert "The code is the six digits your app shows" in response.content.decode()
    assert not AccessAttempt.objects.exists()


def test_a_wrong_code_makes_the_next_wait(client, inquiry, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 60
    device = enrolled_device(make_staff("avery", "Admissions"))
    password_login(client, "avery")
    client.post(CODE, {"code": f"{(int(app_code(device)) + 1) % 10**6:06d}"})

    response = client.post(CODE, {"code": app_code(device)})

    assert "please try again in 60 seconds" in response.content.decode()
    assert client.get("/admin/inquiries/inquiry/").status_code == 302


def test_logging_in_again_does_not_clear_the_wait(client, inquiry, settings):
    """A right password clears the lockout's count on that name and address; the wait
    after wrong codes stays, so that guessing codes across logins stays hopeless."""
    settings.OTP_TOTP_THROTTLE_FACTOR = 60
    device = enrolled_device(make_staff("avery", "Admissions"))
    password_login(client, "avery")
    client.post(CODE, {"code": f"{(int(app_code(device)) + 1) % 10**6:06d}"})
    client.post(reverse("admin:logout"))
    password_login(client, "avery")

    response = client.post(CODE, {"code": app_code(device)})

    assert "please try again in" in response.content.decode()
    assert client.get("/admin/inquiries/inquiry/").status_code == 302


def test_setting_up_the_app_shows_a_qr_code_and_the_key_then_confirms_a_code(client, inquiry):
    make_staff("avery", "Admissions")
    password_login(client, "avery")

    page = client.get(SET_UP + "?next=/admin/inquiries/inquiry/").content.decode()

    assert "Set up your sign-in code" in page
    assert "<svg" in page and "<img" not in page.split('id="content-main"')[1]  # drawn here
    key = re.search(r'<code id="sign-in-key"[^>]*>([A-Z2-7 ]+)</code>', page).group(1)
    device = TOTPDevice.objects.get(user__username="avery")
    assert not device.confirmed
    assert hexlify(b32decode(key.replace(" ", ""))).decode() == device.key
    # Reloading keeps the same key: what was scanned still works.
    assert key in client.get(SET_UP).content.decode()
    assert TOTPDevice.objects.count() == 1

    wrong = client.post(SET_UP, {"code": f"{(int(app_code(device)) + 1) % 10**6:06d}"})
    assert "That code is not the one your app shows now." in wrong.content.decode()
    assert not TOTPDevice.objects.get().confirmed
    response = client.post(SET_UP, {"code": app_code(device), "next": "/admin/inquiries/inquiry/"})

    assert response["Location"] == "/admin/inquiries/inquiry/"
    assert TOTPDevice.objects.get().confirmed
    assert inquiry.reference in client.get("/admin/inquiries/inquiry/").content.decode()


def test_the_code_is_asked_again_in_every_new_session(client, inquiry):
    device = enrolled_device(make_staff("avery", "Admissions"))
    password_login(client, "avery")
    client.post(CODE, {"code": app_code(device)})
    assert client.get("/admin/inquiries/inquiry/").status_code == 200
    client.post(reverse("admin:logout"))

    password_login(client, "avery")

    assert client.get("/admin/inquiries/inquiry/")["Location"].startswith(CODE)
    # The code already used is not taken twice; the next one is.
    assert client.post(CODE, {"code": app_code(device)}).status_code == 200
    client.post(CODE, {"code": app_code(device, steps_ahead=1)})
    assert client.get("/admin/inquiries/inquiry/").status_code == 200


@pytest.mark.parametrize("role", ["Editors", "Publishers", "Compliance"])
def test_roles_that_do_not_read_inquiries_are_not_asked(client, role):
    make_staff("pat", role)

    password_login(client, "pat")

    assert client.get(reverse("admin:index")).status_code == 200
    assert client.get(SET_UP)["Location"] == "/admin/"
    assert not TOTPDevice.objects.exists()


def test_the_next_address_stays_on_this_site(client, inquiry):
    device = enrolled_device(make_staff("avery", "Admissions"))
    password_login(client, "avery")

    response = client.post(CODE, {"code": app_code(device), "next": "https://evil.example/"})

    assert response["Location"] == "/admin/"


def test_a_superuser_resets_a_lost_app(client, inquiry):
    device = enrolled_device(make_staff("avery", "Admissions"))
    password_login(client, "avery")
    client.post(CODE, {"code": app_code(device)})
    assert client.get("/admin/inquiries/inquiry/").status_code == 200
    other = make_staff("dana", "Admissions")
    enrolled_device(other)

    out = io.StringIO()
    call_command("reset_sign_in_code", "avery", stdout=out)

    assert "1 app(s) forgotten, 1 session(s) ended" in out.getvalue()

    assert not TOTPDevice.objects.filter(user__username="avery").exists()
    assert TOTPDevice.objects.filter(user=other).exists()  # nobody else's
    assert client.get("/admin/inquiries/inquiry/")["Location"].startswith("/admin/login/")
    password_login(client, "avery")
    assert client.get("/admin/")["Location"].startswith(SET_UP)


def test_resetting_an_unknown_name_says_so():
    with pytest.raises(CommandError, match="No user is named 'nobody'"):
        call_command("reset_sign_in_code", "nobody")
    assert User.objects.count() == 0


def test_the_admin_lists_apps_without_their_keys_and_deletes_a_lost_one(client):
    device = enrolled_device(make_staff("avery", "Admissions"))
    client.force_login(make_superuser("boss"))
    change = reverse("admin:otp_totp_totpdevice_change", args=[device.pk])

    pages = [client.get(reverse("admin:otp_totp_totpdevice_changelist")), client.get(change)]

    assert [page.status_code for page in pages] == [200, 200]
    assert "avery" in pages[0].content.decode()
    for page in pages:
        html = page.content.decode()
        assert device.key not in html and "otpauth://" not in html
        assert b32encode(device.bin_key).decode() not in html
    client.post(reverse("admin:otp_totp_totpdevice_delete", args=[device.pk]), {"post": "yes"})
    assert not TOTPDevice.objects.filter(pk=device.pk).exists()
