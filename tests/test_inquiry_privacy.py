"""Inquiries as health information: who reads them, export, retention, logs."""

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
from inquiries.exports import TEXT_MARK, neutralise
from inquiries.models import Inquiry, InquiryAccess
from tests.factories import INQUIRY_POST, logged_in, make_inquiry, make_staff

pytestmark = pytest.mark.django_db

PRIVATE = "My husband drinks every night and hides bottles in the garage."


def message(days_old=0, **fields):
    return make_inquiry(days_old, **{"message": PRIVATE, **fields})


def test_only_staff_with_the_permission_read_messages(facility):
    saved = message()
    change_url = reverse("admin:inquiries_inquiry_change", args=[saved.pk])
    list_url = reverse("admin:inquiries_inquiry_changelist")
    editor = logged_in(make_staff("editor", "Editors"))
    admissions = logged_in(make_staff("admissions", "Admissions"))

    assert editor.get(list_url).status_code == 403
    assert editor.get(change_url).status_code == 403
    assert "Inquiries" not in editor.get(reverse("admin:index")).content.decode()
    assert admissions.get(list_url).status_code == 200
    assert PRIVATE in admissions.get(change_url).content.decode()


def test_editors_and_publishers_never_get_inquiry_permissions():
    for name in ["Editors", "Publishers"]:
        labels = Group.objects.get(name=name).permissions.values_list(
            "content_type__app_label", flat=True
        )
        assert "inquiries" not in labels
    admissions = Group.objects.get(name="Admissions").permissions.values_list("codename", flat=True)

    assert set(admissions) == {
        "view_inquiry",
        "change_inquiry",
        "delete_inquiry",
        "export_inquiry",
        "view_inquirynote",
        "add_inquirynote",
    }


def test_the_admin_action_log_keeps_no_name_of_a_deleted_message(facility):
    saved = message(first_name="Quill")

    logged_in(make_staff("admissions", "Admissions")).post(
        reverse("admin:inquiries_inquiry_delete", args=[saved.pk]), {"post": "yes"}
    )

    assert not Inquiry.objects.exists()
    logged = LogEntry.objects.get()
    assert logged.object_repr == f"Inquiry #{saved.reference}"
    assert "Quill" not in logged.object_repr + logged.change_message


def export(client, *messages):
    return client.post(
        reverse("admin:inquiries_inquiry_changelist"),
        {"action": "export_csv", "_selected_action": [m.pk for m in messages]},
    )


def test_permitted_staff_export_selected_inquiries_as_csv(facility):
    first = message(days_old=2, first_name="Jordan", phone="419-555-0123", voicemail_ok=True)
    second = message(days_old=1, first_name="Renée", email="", phone="+1 419 555 0188")
    message(first_name="Not selected")

    response = export(logged_in(make_staff("admissions", "Admissions")), second, first)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="inquiries-')
    assert "no-store" in response["Cache-Control"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:8] == [
        "Reference", "Received", "For", "First name", "Phone", "Voicemail OK", "Text OK",
        "E-mail",
    ]  # fmt: skip
    assert "Message" in rows[0] and "Status" in rows[0]
    assert [row[3] for row in rows[1:]] == ["Jordan", "Renée"]  # oldest first
    assert rows[1][4:8] == ["419-555-0123", "yes", "no", "jordan@example.com"]
    assert PRIVATE in rows[1]
    # A phone number, not a formula, shown as typed: the mark in front has no width.
    assert rows[2][4] == TEXT_MARK + "+1 419 555 0188"


def test_a_formula_typed_into_the_form_stays_text_in_the_spreadsheet(facility):
    attack = message(
        first_name='=HYPERLINK("http://evil.example","Open")',
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

    header, row = rows
    assert row[header.index("First name")] == TEXT_MARK + '=HYPERLINK("http://evil.example","Open")'
    assert row[header.index("Phone")] == TEXT_MARK + "-2+3"
    assert row[header.index("Message")] == TEXT_MARK + "@SUM(1+1)*cmd|' /C calc'!A0"


@pytest.mark.parametrize(
    "value",
    [
        "=1+1", "+1", "-1", "@A1", "\t=1", "\r=1", "\n=1", " =1+1", "\u3000=1+1",
        "＝HYPERLINK(\"http://evil.example\")", "＋1", "－1", "＠A1", "﹦1+1", "﹢1",
        "+1 419 555 0100", "4195550100", "0044 20 7946 0000".replace(" ", ""),
    ],
)  # fmt: skip
def test_every_formula_start_is_neutralised(value):
    assert neutralise(value) == TEXT_MARK + value
    assert neutralise("Jordan = friend") == "Jordan = friend"
    assert neutralise("419-555-0123") == "419-555-0123"


def test_export_needs_its_own_permission(facility):
    saved = message()
    reader = logged_in(make_staff("reader", perms=["view_inquiry"]))

    changelist = reader.get(reverse("admin:inquiries_inquiry_changelist"))
    response = export(reader, saved)

    assert "export_csv" not in changelist.content.decode()
    assert response.get("Content-Type", "").startswith("text/html")
    assert PRIVATE not in response.content.decode()
    assert export(logged_in(make_staff("editor", "Editors")), saved).status_code == 403


def access(days_old, reference="ABC234"):
    return InquiryAccess.objects.create(
        when=timezone.now() - timedelta(days=days_old),
        username="sam",
        action=InquiryAccess.Action.VIEW,
        reference=reference,
    )


def test_purge_deletes_inquiries_past_retention_and_access_entries_past_six_years(
    facility, settings
):
    settings.CONTACT_MESSAGE_RETENTION_DAYS = 90
    old = message(days_old=91)
    old.notes.create(text="Called, no answer.")
    kept = [message(days_old=89), message(days_old=0)]
    logged_old = access(days_old=6 * 365 + 3)
    logged_kept = [access(days_old=6 * 365 - 3, reference=old.reference), access(days_old=0)]
    out = io.StringIO()

    call_command("purge_inquiries", stdout=out)

    assert list(Inquiry.objects.order_by("pk")) == kept
    assert not Inquiry.objects.filter(pk=old.pk).exists()
    # The log of who looked at the purged inquiry outlives it.
    assert list(InquiryAccess.objects.order_by("when")) == logged_kept
    assert not InquiryAccess.objects.filter(pk=logged_old.pk).exists()
    assert out.getvalue().strip() == (
        "Deleted 1 inquiry(ies) older than 90 days and 1 access-log entry(ies) older than "
        "six years."
    )


def test_purge_follows_the_setting_and_has_a_dry_run(facility, settings):
    settings.CONTACT_MESSAGE_RETENTION_DAYS = 30
    message(days_old=31)
    message(days_old=29)
    out = io.StringIO()

    call_command("purge_inquiries", "--dry-run", stdout=out)
    assert Inquiry.objects.count() == 2
    assert "1 inquiry(ies) older than 30 days and 0 access-log" in out.getvalue()

    call_command("purge_inquiries", stdout=io.StringIO())
    assert Inquiry.objects.count() == 1


VALID = {**INQUIRY_POST, "message": PRIVATE}


def test_sending_a_message_writes_nothing_of_it_to_the_logs(client, facility, caplog):
    caplog.set_level(logging.DEBUG)

    client.post(reverse("inquiries:contact"), VALID)

    assert Inquiry.objects.get().message == PRIVATE
    assert PRIVATE not in caplog.text and "jordan@example.com" not in caplog.text


def test_a_database_error_on_save_logs_no_words_of_the_message(facility, caplog):
    refused = IntegrityError(f"Failing row contains (1, Jordan, {PRIVATE}).")
    visitor = Client(raise_request_exception=False)

    with mock.patch("inquiries.forms.InquiryForm.save", side_effect=refused):
        response = visitor.post(reverse("inquiries:contact"), VALID)

    assert response.status_code == 500
    assert "InquiryNotSaved: IntegrityError" in caplog.text
    assert PRIVATE not in caplog.text and "Failing row" not in caplog.text


def test_demo_privacy_policy_states_the_retention_period_in_force(settings):
    settings.CONTACT_MESSAGE_RETENTION_DAYS = 30
    call_command("load_demo", verbosity=0)

    policy = Page.objects.get(slug="privacy-policy")
    assert "delete inquiries automatically 30 days after we receive them" in policy.body
    assert "30 days" in policy.search_description
    assert "{retention_days}" not in policy.body
    notice = Page.objects.get(slug="inquiry-privacy")
    assert "deleted automatically 30 days after it arrives" in notice.body
    assert "{retention_days}" not in notice.body + notice.search_description
