"""The inquiry form, on the admissions and contact pages: saved first, staff told
without a word of it, nothing lost."""

from unittest import mock

import pytest
from django.core import mail
from django.urls import reverse

from facility.models import Center
from inquiries.models import Inquiry

from .factories import INQUIRY_POST as VALID

pytestmark = pytest.mark.django_db

FORM_PAGES = ["inquiries:admissions", "inquiries:contact"]


def test_contact_page_shows_details_map_hours_and_form(client, facility):
    html = client.get(reverse("inquiries:contact")).content.decode()
    main = html[html.index("<main") : html.index("</main>")]

    assert "1800 Manor Hill Road" in main
    assert 'href="tel:+18556052135"' in main
    assert "View larger map" in main
    assert "Weekdays" in main and "24 Hours" in main
    assert 'name="csrfmiddlewaretoken"' in main
    for field in ["for_whom", "first_name", "email", "phone", "message", "voicemail_ok"]:
        assert f'name="{field}"' in main


def test_admissions_page_shows_the_staff_text_the_form_and_the_privacy_notice(
    client, facility, pages
):
    from facility.models import Page

    Center.objects.update(
        care_levels=["detox-residential"],
        payments=["private-insurance", "medicaid", "medicare", "self-pay"],
    )

    Page.objects.create(
        slug="inquiry-privacy", title="Your privacy", body="<p>Deleted after 90 days.</p>"
    )
    html = client.get(reverse("inquiries:admissions")).content.decode()
    main = html[html.index("<main") : html.index("</main>")]

    assert "Admissions text." in main  # the staff-edited page
    assert "Deleted after 90 days." in main  # the staff-edited privacy notice
    assert "Who is this for?" in main and "Someone I care about" in main
    assert '<option value="Residential detox">Residential detox</option>' in main
    assert '<option value="Not sure" selected>Not sure</option>' in main
    for payer in ["Private health insurance", "Medicaid", "Medicare", "Self-pay (cash)"]:
        assert f">{payer}</option>" in main
    assert "Military insurance" not in main  # the center does not take it
    for absent in ["date of birth", "diagnosis", 'type="file"']:
        assert absent not in main.lower()


def test_the_admissions_address_is_the_form_not_the_bare_page(client, facility, pages):
    response = client.get("/admissions/")

    assert response.resolver_match.view_name == "inquiries:admissions"
    assert reverse("inquiries:admissions") == "/admissions/"


@pytest.mark.parametrize("url_name", FORM_PAGES)
def test_valid_inquiry_is_saved_staff_notified_and_visitor_thanked(client, facility, url_name):
    response = client.post(reverse(url_name), VALID, follow=True)

    assert response.redirect_chain == [(reverse("inquiries:thanks"), 302)]
    html = response.content.decode()
    assert "Thank you, your message is with us" in html
    assert "within 15 minutes, day or night" in html  # the facility's promise
    assert "tel:988" in html and "1-800-662-4357" in html
    saved = Inquiry.objects.get()
    assert (saved.first_name, saved.email, saved.message, saved.for_whom) == (
        "Jordan",
        "jordan@example.com",
        VALID["message"],
        "loved-one",
    )
    assert (saved.status, saved.best_time, saved.level_of_care) == ("new", "evening", "Not sure")
    assert saved.notified is not None
    assert len(mail.outbox) == 1


def test_the_thanks_page_says_the_promise_staff_wrote(client, facility):
    facility.callback_promise = "within the hour"
    facility.save()

    html = client.get(reverse("inquiries:thanks")).content.decode()

    assert "call you back within the hour" in html
    assert 'href="tel:+18556052135"' in html


def test_the_old_thanks_address_leads_to_the_thanks_page(client, facility):
    response = client.get("/contact/thanks/")

    assert response.status_code == 301
    assert response["Location"] == reverse("inquiries:thanks")


def test_notification_says_new_inquiry_and_its_link_and_nothing_else(client, facility):
    client.post(reverse("inquiries:admissions"), {**VALID, "phone": "419-555-0123"})

    saved = Inquiry.objects.get()
    sent = mail.outbox[0]
    assert sent.to == ["admissions-team@example.org"]
    assert sent.subject == f"New inquiry #{saved.reference}"
    admin_url = reverse("admin:inquiries_inquiry_change", args=[saved.pk])
    assert sent.body == f"http://testserver{admin_url}\n"


def test_no_e_mail_goes_to_the_visitor(client, facility):
    client.post(reverse("inquiries:admissions"), VALID)

    assert [message.to for message in mail.outbox] == [["admissions-team@example.org"]]


def test_notification_goes_to_the_facility_address_when_none_configured(client, facility, settings):
    settings.CONTACT_NOTIFY_EMAILS = []
    client.post(reverse("inquiries:contact"), VALID)

    assert mail.outbox[0].to == ["admissions@manorhillrecovery.example"]


def test_failed_email_keeps_the_inquiry_and_still_confirms(client, facility, caplog):
    with mock.patch(
        "inquiries.notifications.send_mail", side_effect=ConnectionRefusedError("SMTP down")
    ):
        response = client.post(reverse("inquiries:admissions"), VALID, follow=True)

    assert response.status_code == 200
    assert "Thank you, your message is with us" in response.content.decode()
    saved = Inquiry.objects.get()
    assert saved.message == VALID["message"]
    assert saved.notified is None
    assert "notifying staff failed" in caplog.text
    assert VALID["message"] not in caplog.text


@pytest.mark.parametrize(
    "changes, field, error",
    [
        ({"first_name": ""}, "first_name", "Please tell us your first name."),
        ({"for_whom": ""}, "for_whom", "Please tell us who this is for."),
        ({"email": "not-an-address"}, "email", "Please enter an e-mail address like"),
        ({"email": "", "phone": "call me"}, "phone", "Please enter a phone number like"),
        ({"email": "", "phone": ""}, "phone", "Please give a phone number or an e-mail"),
        ({"level_of_care": "Brain surgery"}, "level_of_care", "Select a valid choice"),
    ],
)
def test_invalid_input_shows_field_errors_and_keeps_what_was_typed(
    client, facility, changes, field, error
):
    data = {**VALID, **changes}

    response = client.post(reverse("inquiries:admissions"), data)

    assert response.status_code == 200
    assert error in response.context["form"].errors[field][0]
    html = response.content.decode()
    assert f'id="id_{field}_error"' in html
    if field != "for_whom":
        assert 'aria-invalid="true"' in html
    assert data["message"] in html  # what was typed is still there
    if data["first_name"]:
        assert f'value="{data["first_name"]}"' in html
    assert Inquiry.objects.count() == 0
    assert mail.outbox == []


def test_phone_alone_is_enough_and_its_answers_are_kept(client, facility):
    response = client.post(
        reverse("inquiries:admissions"),
        {**VALID, "email": "", "phone": "(419) 555-0123", "text_ok": "on"},
    )

    assert response.status_code == 302
    saved = Inquiry.objects.get()
    assert (saved.phone, saved.voicemail_ok, saved.text_ok) == ("(419) 555-0123", False, True)


def test_a_plan_name_is_kept_only_with_private_insurance(client, facility):
    Center.objects.update(payments=["private-insurance"])
    client.post(reverse("inquiries:admissions"), {**VALID, "plan_name": "Acme Gold"})
    client.post(
        reverse("inquiries:admissions"),
        {**VALID, "payment": "private-insurance", "plan_name": "Acme Gold"},
    )

    assert list(Inquiry.objects.order_by("pk").values_list("payment", flat=True)) == [
        "not-sure",
        "private-insurance",
    ]
    assert [i.plan_name for i in Inquiry.objects.order_by("pk")] == ["", "Acme Gold"]


def test_honeypot_drops_bots_silently(client, facility):
    response = client.post(
        reverse("inquiries:contact"), {**VALID, "website": "http://spam.example"}, follow=True
    )

    assert "Thank you, your message is with us" in response.content.decode()
    assert Inquiry.objects.count() == 0
    assert mail.outbox == []


@pytest.mark.parametrize("url_name", FORM_PAGES)
def test_form_requires_csrf_token(facility, url_name):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(reverse(url_name), VALID)

    assert response.status_code == 403
    assert Inquiry.objects.count() == 0
