"""Password guessing from many addresses: the lockout per user name across addresses.

The per-address lockout (five failures) is tested in test_abuse_limits.py; here, an
attacker who moves to a new address before each lockout, as an IPv6 /64 allows.
"""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.db.models import F
from django.urls import reverse

from .factories import make_superuser

pytestmark = pytest.mark.django_db

RIGHT = {"username": "boss", "password": "the-right-password"}
GUESS = {"username": "boss", "password": "a-guess"}


@pytest.fixture(params=["direct", "behind a proxy"])
def from_address(request, settings):
    """How a request says it comes from `address`, as plumbing/client_ip.py reads it."""
    if request.param == "direct":
        settings.TRUSTED_PROXY_COUNT = 0
        return lambda address: {"REMOTE_ADDR": address}
    settings.TRUSTED_PROXY_COUNT = 1
    # The proxy appends the address it saw; anything before it came from the client.
    return lambda address: {
        "REMOTE_ADDR": "10.0.0.2",
        "HTTP_X_FORWARDED_FOR": f"198.51.100.7, {address}",
    }


def guess_from_many_addresses(client, from_address, count, per_address=4):
    """`count` wrong passwords, never more than `per_address` from one address."""
    answers = []
    for number in range(count):
        address = f"2001:db8:0:1::{number // per_address + 1:x}"
        answers.append(client.post(reverse("admin:login"), GUESS, **from_address(address)))
    return answers


def test_rotating_addresses_locks_the_name_out_everywhere(client, settings, from_address):
    make_superuser("boss", "the-right-password")
    limit = settings.LOGIN_FAILURE_LIMIT_PER_USERNAME

    answers = guess_from_many_addresses(client, from_address, limit)

    # No address reached the per-address limit, yet the name's last failure locked it.
    assert all("Please enter the correct" in a.content.decode() for a in answers[:-1])
    assert answers[-1].status_code == 429
    assert AccessAttempt.objects.values("ip_address").distinct().count() == limit // 4
    # The right password, from an address never seen, is refused too.
    response = client.post(reverse("admin:login"), RIGHT, **from_address("2001:db8:9::1"))
    assert response.status_code == 429
    assert "too many login attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_below_the_name_limit_the_owner_logs_in_from_elsewhere(client, settings, from_address):
    make_superuser("boss", "the-right-password")

    guess_from_many_addresses(client, from_address, settings.LOGIN_FAILURE_LIMIT_PER_USERNAME - 1)
    response = client.post(reverse("admin:login"), RIGHT, **from_address("192.0.2.5"))

    assert response.status_code == 302
    assert "_auth_user_id" in client.session


def age_attempts(by):
    """Move every recorded failure `by` into the past (axes reads its own clock)."""
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - by)


def test_the_name_is_unlocked_after_the_cool_off(client, settings):
    make_superuser("boss", "the-right-password")
    guess_from_many_addresses(
        client, lambda a: {"REMOTE_ADDR": a}, settings.LOGIN_FAILURE_LIMIT_PER_USERNAME
    )

    age_attempts(settings.AXES_COOLOFF_TIME - timedelta(minutes=1))
    assert client.post(reverse("admin:login"), RIGHT, REMOTE_ADDR="192.0.2.5").status_code == 429
    age_attempts(timedelta(minutes=2))
    assert client.post(reverse("admin:login"), RIGHT, REMOTE_ADDR="192.0.2.5").status_code == 302


def test_other_names_are_not_locked_by_guesses_on_one(client, settings, django_user_model):
    make_superuser("boss", "the-right-password")
    django_user_model.objects.create_user("dana", password="dana-s-own-password", is_staff=True)

    guess_from_many_addresses(
        client, lambda a: {"REMOTE_ADDR": a}, settings.LOGIN_FAILURE_LIMIT_PER_USERNAME
    )
    response = client.post(
        reverse("admin:login"),
        {"username": "dana", "password": "dana-s-own-password"},
        REMOTE_ADDR="2001:db8:0:1::1",  # an address the attacker used
    )

    assert response.status_code == 302
