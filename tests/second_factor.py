"""The second factor in tests: an authenticator app's codes, and verified test clients.

Those who read inquiries must give a code from their app in each session
(website/logins/). A test client's `force_login()` skips the login, so it skips this step
too (conftest.py): it stands for a staff member fully logged in. Tests of the step itself
log in with the password, through the login form, and compute the app's codes here from
the device's key, as RFC 6238 says, independently of the library that checks them.
"""

import hashlib
import hmac
import struct
import time

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from website.logins.policy import needs_second_factor
from website.logins.second_factor import confirmed_device


def totp(key, counter, digits=6):
    """RFC 6238's code for `key` (bytes) at time step `counter`."""
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{number % 10**digits:0{digits}d}"


def app_code(device, steps_ahead=0):
    """The six digits an authenticator app shows for `device` now, or `steps_ahead`
    periods of 30 seconds later."""
    counter = int((time.time() - device.t0) // device.step) + steps_ahead
    return totp(device.bin_key, counter, device.digits)


def fresh_code(device):
    """A code the device has not taken yet: the current one, or the next if the current
    was used (a second login within 30 seconds; the site allows one step of drift)."""
    device.refresh_from_db()
    now = int((time.time() - device.t0) // device.step)
    return totp(device.bin_key, max(now, device.last_t + 1), device.digits)


# A known key for sites run in another process (tests/live_gunicorn.py), where the test
# cannot read the device: `ENROL_BOSS` gives it to the superuser "boss" made there.
KNOWN_KEY = "3132333435363738393031323334353637383930"
ENROL_BOSS = (
    "from django_otp.plugins.otp_totp.models import TOTPDevice;"
    "TOTPDevice.objects.create(user=User.objects.get(username='boss'), name='Phone',"
    f" key={KNOWN_KEY!r}, confirmed=True)"
)


_last_known_step = [-1]  # a code is taken once: a second login within 30 s takes the next


def known_key_code():
    step = max(int(time.time() // 30), _last_known_step[0] + 1)
    _last_known_step[0] = step
    return totp(bytes.fromhex(KNOWN_KEY), step)


def give_code_in_browser(page, device):
    """After the password, on the sign-in code's page: type the app's code."""
    page.get_by_label("Six-digit code").fill(fresh_code(device))
    page.get_by_role("button", name="Continue").click()


def enrolled_device(user):
    """The user's authenticator app, set up (made if they have none)."""
    return confirmed_device(user) or TOTPDevice.objects.create(
        user=user, name="Test phone", confirmed=True
    )


def verify_session(client, user):
    """Mark `client`'s session as having given the code of `user`'s app."""
    device = enrolled_device(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device


def force_login_with_second_factor(original):
    """`Client.force_login` that also gives the second factor when the user needs one."""

    def force_login(client, user, backend=None):
        original(client, user, backend)
        if needs_second_factor(user):
            verify_session(client, user)

    return force_login


def give_known_code(session, html):
    """After the password, in an HTTP session (tests/http_session.py) on a site where
    ENROL_BOSS ran: the sign-in code's form, sent with the code. The page it leads to."""
    from .http_session import form_fields

    form = form_fields(html, "sign-in-code-form")
    form["code"] = [known_key_code()]
    page = session.post("/admin/sign-in-code/", form)[2]
    assert 'id="sign-in-code-form"' not in page, "the code was refused"
    return page
