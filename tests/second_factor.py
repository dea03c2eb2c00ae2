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


def app_code(device, steps_ahead=0, at=None):
    """The six digits an authenticator app shows for `device` now (or at `at`, a Unix
    time), `steps_ahead` periods of 30 seconds later."""
    counter = int(((time.time() if at is None else at) - device.t0) // device.step) + steps_ahead
    digest = hmac.new(device.bin_key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{number % 10**device.digits:0{device.digits}d}"


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
