"""The contact form's honeypot and its rate limit: a bot's posts never use up the
allowance of a visitor at the same address, and a bot is thanked silently whatever the
count."""

import pytest
from django.core import mail
from django.urls import reverse

from inquiries.models import Inquiry

from .factories import INQUIRY_POST

pytestmark = pytest.mark.django_db

THANKS = "Thank you, your message is with us"
BOT = {**INQUIRY_POST, "website": "http://spam.example"}


@pytest.fixture
def limit(settings):
    settings.CONTACT_RATE_LIMIT = (3, 3600)


def send(client, data, number):
    data = {**data, "message": f"Message number {number}: please call me back."}
    return client.post(reverse("inquiries:contact"), data, follow=True)


def test_bot_posts_do_not_use_up_a_visitors_allowance(client, facility, limit):
    for number in range(5):  # more than the limit, from the visitor's address
        response = send(client, BOT, number)
        assert response.status_code == 200 and THANKS in response.content.decode()
    assert Inquiry.objects.count() == 0

    for number in range(3):
        response = send(client, INQUIRY_POST, number)
        assert response.status_code == 200 and THANKS in response.content.decode()

    assert Inquiry.objects.count() == 3
    assert len(mail.outbox) == 3
    assert send(client, INQUIRY_POST, 4).status_code == 429  # the limit itself still holds


def test_a_bot_past_the_limit_still_gets_the_silent_thanks(client, facility, limit):
    for number in range(3):
        assert THANKS in send(client, INQUIRY_POST, number).content.decode()
    assert send(client, INQUIRY_POST, 4).status_code == 429

    response = send(client, BOT, 5)

    assert response.status_code == 200
    assert response.redirect_chain == [(reverse("inquiries:thanks"), 302)]
    assert THANKS in response.content.decode()
    assert "several messages from you" not in response.content.decode()
    assert Inquiry.objects.count() == 3
