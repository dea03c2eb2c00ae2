"""The contact form: saved first, staff told without the message, nothing lost."""

from unittest import mock

import pytest
from django.core import mail
from django.urls import reverse

from inquiries.models import ContactMessage

pytestmark = pytest.mark.django_db

VALID = {
    "name": "Jordan",
    "email": "jordan@example.com",
    "phone": "",
    "message": "My brother needs help with his drinking. What should we do first?",
    "consent": "on",
}


def test_contact_page_shows_details_map_hours_and_form(client, facility):
    html = client.get(reverse("inquiries:contact")).content.decode()
    main = html[html.index("<main") : html.index("</main>")]

    assert "1800 Manor Hill Road" in main
    assert 'href="tel:+18556052135"' in main
    assert "View larger map" in main
    assert "Weekdays" in main and "24 Hours" in main
    assert 'name="csrfmiddlewaretoken"' in main
    for field in ["name", "email", "phone", "message", "consent"]:
        assert f'name="{field}"' in main


def test_valid_message_is_saved_staff_notified_and_visitor_thanked(client, facility):
    response = client.post(reverse("inquiries:contact"), VALID, follow=True)

    assert response.redirect_chain == [(reverse("inquiries:contact_thanks"), 302)]
    assert "Thank you, your message is with us" in response.content.decode()
    saved = ContactMessage.objects.get()
    assert (saved.name, saved.email, saved.message) == (
        "Jordan",
        "jordan@example.com",
        VALID["message"],
    )
    assert saved.consent is True
    assert saved.notified is not None
    assert len(mail.outbox) == 1


def test_notification_links_to_the_admin_and_leaves_the_message_out(client, facility):
    client.post(reverse("inquiries:contact"), VALID)

    saved = ContactMessage.objects.get()
    sent = mail.outbox[0]
    assert sent.to == ["admissions-team@example.org"]
    admin_url = reverse("admin:inquiries_contactmessage_change", args=[saved.pk])
    assert f"http://testserver{admin_url}" in sent.body
    for private in ["brother", "drinking", "Jordan", "jordan@example.com"]:
        assert private not in sent.body
        assert private not in sent.subject


def test_notification_goes_to_the_facility_address_when_none_configured(client, facility, settings):
    settings.CONTACT_NOTIFY_EMAILS = []
    client.post(reverse("inquiries:contact"), VALID)

    assert mail.outbox[0].to == ["admissions@manorhillrecovery.example"]


def test_failed_email_keeps_the_message_and_still_confirms(client, facility, caplog):
    with mock.patch(
        "inquiries.notifications.send_mail", side_effect=ConnectionRefusedError("SMTP down")
    ):
        response = client.post(reverse("inquiries:contact"), VALID, follow=True)

    assert response.status_code == 200
    assert "Thank you, your message is with us" in response.content.decode()
    saved = ContactMessage.objects.get()
    assert saved.message == VALID["message"]
    assert saved.notified is None
    assert "notifying staff failed" in caplog.text
    assert VALID["message"] not in caplog.text


@pytest.mark.parametrize(
    "changes, field, error",
    [
        ({"name": ""}, "name", "Please tell us your name."),
        ({"message": ""}, "message", "Please write a short message."),
        ({"consent": ""}, "consent", "Please tick this box so we may contact you."),
        ({"email": "not-an-address"}, "email", "Please enter an e-mail address like"),
        ({"email": "", "phone": "call me"}, "phone", "Please enter a phone number like"),
        ({"email": "", "phone": ""}, "email", "Please give an e-mail address or a phone"),
    ],
)
def test_invalid_input_shows_field_errors_and_keeps_what_was_typed(
    client, facility, changes, field, error
):
    data = {**VALID, **changes}

    response = client.post(reverse("inquiries:contact"), data)

    assert response.status_code == 200
    assert error in response.context["form"].errors[field][0]
    html = response.content.decode()
    assert f'id="id_{field}_error"' in html
    assert 'aria-invalid="true"' in html
    if data["message"]:
        assert data["message"] in html  # what was typed is still there
    if data["name"]:
        assert f'value="{data["name"]}"' in html
    assert ContactMessage.objects.count() == 0
    assert mail.outbox == []


def test_phone_alone_is_enough(client, facility):
    response = client.post(
        reverse("inquiries:contact"), {**VALID, "email": "", "phone": "(419) 555-0123"}
    )

    assert response.status_code == 302
    assert ContactMessage.objects.get().phone == "(419) 555-0123"


def test_honeypot_drops_bots_silently(client, facility):
    response = client.post(
        reverse("inquiries:contact"), {**VALID, "website": "http://spam.example"}, follow=True
    )

    assert "Thank you, your message is with us" in response.content.decode()
    assert ContactMessage.objects.count() == 0
    assert mail.outbox == []


def test_form_requires_csrf_token(facility):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(reverse("inquiries:contact"), VALID)

    assert response.status_code == 403
    assert ContactMessage.objects.count() == 0
