"""Floods and password guessing: the contact form's rate limit, the admin login lockout."""

import pytest
from django.urls import reverse

from inquiries.models import Inquiry

from .factories import make_superuser
from .test_contact import VALID

pytestmark = pytest.mark.django_db

TOO_MANY = "We have received several messages from you in a short time"


@pytest.fixture
def limit(settings):
    settings.CONTACT_RATE_LIMIT = (3, 3600)


def send(client, number, **meta):
    data = {**VALID, "message": f"Message number {number}: please call me back."}
    return client.post(reverse("inquiries:contact"), data, **meta)


def test_past_the_limit_the_visitor_is_told_and_keeps_what_they_typed(client, facility, limit):
    for number in range(3):
        assert send(client, number).status_code == 302

    response = send(client, 4)

    html = response.content.decode()
    assert response.status_code == 429
    assert "Your message was not sent:" in html
    assert TOO_MANY in html and "call us at 1-855-605-2135" in html
    assert "Message number 4: please call me back." in html  # still in the form
    assert 'value="Jordan"' in html
    assert Inquiry.objects.count() == 3


def test_mistakes_do_not_count_against_the_limit(client, facility, limit):
    for _ in range(5):
        assert (
            client.post(reverse("inquiries:contact"), {**VALID, "first_name": ""}).status_code
            == 200
        )

    assert send(client, 1).status_code == 302


def test_a_forged_forwarded_header_does_not_escape_the_limit(client, facility, limit):
    for number in range(3):
        send(client, number, HTTP_X_FORWARDED_FOR=f"203.0.113.{number}")

    assert send(client, 4, HTTP_X_FORWARDED_FOR="203.0.113.99").status_code == 429


def test_behind_a_trusted_proxy_each_client_has_its_own_limit(client, facility, limit, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    # The proxy appends the address it saw; what the client wrote before it is ignored.
    for number in range(3):
        send(client, number, HTTP_X_FORWARDED_FOR=f"198.51.100.{number}, 192.0.2.10")

    assert send(client, 4, HTTP_X_FORWARDED_FOR="192.0.2.10").status_code == 429
    assert send(client, 5, HTTP_X_FORWARDED_FOR="192.0.2.11").status_code == 302


def test_repeated_wrong_passwords_lock_the_admin_login(client):
    make_superuser("boss", "the-right-password")
    login = reverse("admin:login")

    for _ in range(4):
        response = client.post(login, {"username": "boss", "password": "a-guess"})
        assert "Please enter the correct" in response.content.decode()
    assert client.post(login, {"username": "boss", "password": "a-guess"}).status_code == 429

    response = client.post(login, {"username": "boss", "password": "the-right-password"})

    assert response.status_code == 429
    assert "too many login attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_wrong_passwords_from_one_address_do_not_lock_the_owner_out_elsewhere(
    client, django_user_model
):
    """A lockout on the name alone would let anyone who knows it keep its owner out."""
    django_user_model.objects.create_superuser("boss", "boss@example.org", "the-right-password")
    login = reverse("admin:login")
    attacker = {"REMOTE_ADDR": "203.0.113.66"}
    for _ in range(5):
        client.post(login, {"username": "boss", "password": "a-guess"}, **attacker)
    right = {"username": "boss", "password": "the-right-password"}
    assert client.post(login, right, **attacker).status_code == 429

    response = client.post(login, right, REMOTE_ADDR="192.0.2.5")

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(django_user_model.objects.get().pk)


def test_behind_a_proxy_the_lockout_follows_the_client_address(client, django_user_model, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    django_user_model.objects.create_superuser("boss", "boss@example.org", "the-right-password")
    login = reverse("admin:login")
    # Every request comes from the proxy; the attacker varies what it writes before it.
    for number in range(5):
        forwarded = f"198.51.100.{number}, 203.0.113.66"
        client.post(
            login, {"username": "boss", "password": "a-guess"}, HTTP_X_FORWARDED_FOR=forwarded
        )
    right = {"username": "boss", "password": "the-right-password"}

    assert client.post(login, right, HTTP_X_FORWARDED_FOR="203.0.113.66").status_code == 429
    assert client.post(login, right, HTTP_X_FORWARDED_FOR="192.0.2.5").status_code == 302


def test_a_right_password_before_the_limit_logs_in_and_clears_the_count(client):
    make_superuser("boss", "the-right-password")
    login = reverse("admin:login")
    for _ in range(4):
        client.post(login, {"username": "boss", "password": "a-guess"})

    response = client.post(login, {"username": "boss", "password": "the-right-password"})

    assert response.status_code == 302
    client.logout()
    for _ in range(4):  # four more: had the count not been cleared, this would lock
        client.post(login, {"username": "boss", "password": "a-guess"})
    assert (
        client.post(login, {"username": "boss", "password": "the-right-password"}).status_code
        == 302
    )
