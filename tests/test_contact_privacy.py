"""Contact messages as health information: who reads them, export, retention, logs."""

import csv
import io
import logging
from datetime import timedelta
from unittest import mock

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import IntegrityError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from facility.models import Page
from inquiries.exports import neutralise
from inquiries.models import ContactMessage
from tests.factories import logged_in, make_staff

pytestmark = pytest.mark.django_db

PRIVATE = "My husband drinks every night and hides bottles in the garage."


def message(days_old=0, **fields):
    fields = {"name": "Jordan", "email": "jordan@example.com", "message": PRIVATE, **fields}
    saved = ContactMessage.objects.create(consent=True, **fields)
    # `created` is set on save; move it back in time afterwards.
    ContactMessage.objects.filter(pk=saved.pk).update(
        created=timezone.now() - timedelta(days=days_old)
    )
    return ContactMessage.objects.get(pk=saved.pk)


def test_only_staff_with_the_permission_read_messages(facility):
    saved = message()
    change_url = reverse("admin:inquiries_contactmessage_change", args=[saved.pk])
    list_url = reverse("admin:inquiries_contactmessage_changelist")
    editor = logged_in(make_staff("editor", "Editors"))
    admissions = logged_in(make_staff("admissions", "Admissions"))

    assert editor.get(list_url).status_code == 403
    assert editor.get(change_url).status_code == 403
    assert "Contact messages" not in editor.get(reverse("admin:index")).content.decode()
    assert admissions.get(list_url).status_code == 200
    assert PRIVATE in admissions.get(change_url).content.decode()


def test_editors_and_publishers_never_get_contact_message_permissions():
    for name in ["Editors", "Publishers"]:
        codenames = Group.objects.get(name=name).permissions.values_list("codename", flat=True)
        assert not [codename for codename in codenames if codename.endswith("contactmessage")]
    admissions = Group.objects.get(name="Admissions").permissions.values_list("codename", flat=True)

    assert set(admissions) == {
        "view_contactmessage",
        "delete_contactmessage",
        "export_contactmessage",
    }


def test_the_admin_action_log_keeps_no_name_of_a_deleted_message(facility):
    saved = message(name="Jordan Quill")

    logged_in(make_staff("admissions", "Admissions")).post(
        reverse("admin:inquiries_contactmessage_delete", args=[saved.pk]), {"post": "yes"}
    )

    assert not ContactMessage.objects.exists()
    logged = LogEntry.objects.get()
    assert logged.object_repr == f"Contact message {saved.pk}"
    assert "Quill" not in logged.object_repr + logged.change_message


def export(client, *messages):
    return client.post(
        reverse("admin:inquiries_contactmessage_changelist"),
        {"action": "export_csv", "_selected_action": [m.pk for m in messages]},
    )


def test_permitted_staff_export_selected_messages_as_csv(facility):
    first = message(days_old=2, name="Jordan", phone="419-555-0123")
    second = message(days_old=1, name="Renée", email="", phone="+1 419 555 0188")
    message(name="Not selected")

    response = export(logged_in(make_staff("admissions", "Admissions")), second, first)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="contact-messages-')
    assert "no-store" in response["Cache-Control"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == [
        "Received",
        "Name",
        "E-mail",
        "Phone",
        "Message",
        "Agreed to be contacted",
        "Staff notified",
    ]
    assert [row[1] for row in rows[1:]] == ["Jordan", "Renée"]  # oldest first
    assert rows[1][2:6] == ["jordan@example.com", "419-555-0123", PRIVATE, "yes"]
    assert rows[2][3] == "'+1 419 555 0188"  # a phone number, not a formula


def test_a_formula_typed_into_the_form_stays_text_in_the_spreadsheet(facility):
    attack = message(
        name='=HYPERLINK("http://evil.example","Open")',
        email="",
        phone="-2+3",
        message="@SUM(1+1)*cmd|' /C calc'!A0",
    )

    rows = list(
        csv.reader(
            io.StringIO(
                export(logged_in(make_staff("a", "Admissions")), attack).content.decode("utf-8-sig")
            )
        )
    )

    name, _, phone, text = rows[1][1:5]
    assert name == '\'=HYPERLINK("http://evil.example","Open")'
    assert phone == "'-2+3"
    assert text == "'@SUM(1+1)*cmd|' /C calc'!A0"


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@A1", "\t=1", "\r=1"])
def test_every_formula_start_is_neutralised(value):
    assert neutralise(value) == "'" + value
    assert neutralise("Jordan = friend") == "Jordan = friend"


def test_export_needs_its_own_permission(facility):
    saved = message()
    reader = logged_in(make_staff("reader", perms=["view_contactmessage"]))

    changelist = reader.get(reverse("admin:inquiries_contactmessage_changelist"))
    response = export(reader, saved)

    assert "export_csv" not in changelist.content.decode()
    assert response.get("Content-Type", "").startswith("text/html")
    assert PRIVATE not in response.content.decode()
    assert export(logged_in(make_staff("editor", "Editors")), saved).status_code == 403


def test_purge_deletes_messages_past_the_retention_period(facility, settings):
    settings.CONTACT_MESSAGE_RETENTION_DAYS = 90
    old = message(days_old=91)
    kept = [message(days_old=89), message(days_old=0)]
    out = io.StringIO()

    call_command("purge_inquiries", stdout=out)

    assert list(ContactMessage.objects.order_by("pk")) == kept
    assert not ContactMessage.objects.filter(pk=old.pk).exists()
    assert out.getvalue().strip() == "Deleted 1 contact message(s) older than 90 days."


def test_purge_follows_the_setting_and_has_a_dry_run(facility, settings):
    settings.CONTACT_MESSAGE_RETENTION_DAYS = 30
    message(days_old=31)
    message(days_old=29)
    out = io.StringIO()

    call_command("purge_inquiries", "--dry-run", stdout=out)
    assert ContactMessage.objects.count() == 2
    assert "1 contact message(s) older than 30 days would be deleted" in out.getvalue()

    call_command("purge_inquiries", stdout=io.StringIO())
    assert ContactMessage.objects.count() == 1


VALID = {
    "name": "Jordan",
    "email": "jordan@example.com",
    "phone": "",
    "message": PRIVATE,
    "consent": "on",
}


def test_sending_a_message_writes_nothing_of_it_to_the_logs(client, facility, caplog):
    caplog.set_level(logging.DEBUG)

    client.post(reverse("inquiries:contact"), VALID)

    assert ContactMessage.objects.get().message == PRIVATE
    assert PRIVATE not in caplog.text and "jordan@example.com" not in caplog.text


def test_a_database_error_on_save_logs_no_words_of_the_message(facility, caplog):
    refused = IntegrityError(f"Failing row contains (1, Jordan, {PRIVATE}).")
    visitor = Client(raise_request_exception=False)

    with mock.patch("inquiries.forms.ContactForm.save", side_effect=refused):
        response = visitor.post(reverse("inquiries:contact"), VALID)

    assert response.status_code == 500
    assert "ContactMessageNotSaved: IntegrityError" in caplog.text
    assert PRIVATE not in caplog.text and "Failing row" not in caplog.text


def test_demo_privacy_policy_states_the_retention_period_in_force(settings):
    settings.CONTACT_MESSAGE_RETENTION_DAYS = 30
    call_command("load_demo", verbosity=0)

    policy = Page.objects.get(slug="privacy-policy")
    assert "delete contact messages automatically 30 days after we receive them" in policy.body
    assert "30 days" in policy.search_description
    assert "{retention_days}" not in policy.body
