"""The admissions team's side: working an inquiry, what the admin home shows them, the
access log, and the staff who may not see any of it."""

import re
from datetime import timedelta

import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse
from django.utils import timezone

from inquiries.models import Inquiry, InquiryAccess, InquiryNote

from .factories import logged_in, make_inquiry, make_staff, make_superuser

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("staff_groups")]

PRIVATE = "Quillfeather drinks a fifth a day"


@pytest.fixture
def inquiry(facility):
    return make_inquiry(
        first_name="Quillfeather",
        phone="419-555-0199",
        voicemail_ok=False,
        text_ok=True,
        message=PRIVATE,
        level_of_care="Medical Detox",
    )


@pytest.fixture
def admissions():
    return make_staff("avery", "Admissions")


def change_form(inquiry, note="", **changes):
    """The POST of the inquiry's admin page: status, assignee and one new note."""
    return {
        "status": inquiry.status,
        "assignee": inquiry.assignee_id or "",
        "notes-TOTAL_FORMS": "1",
        "notes-INITIAL_FORMS": "0",
        "notes-MIN_NUM_FORMS": "0",
        "notes-MAX_NUM_FORMS": "1000",
        "notes-0-text": note,
        "notes-0-inquiry": inquiry.pk,
        **changes,
    }


def every_route(inquiry):
    """(method, url, data) of each admin route that could show an inquiry."""
    changelist = reverse("admin:inquiries_inquiry_changelist")
    return [
        ("get", changelist, None),
        ("get", changelist + "?q=" + inquiry.reference, None),
        ("get", reverse("admin:inquiries_inquiry_change", args=[inquiry.pk]), None),
        ("get", reverse("admin:inquiries_inquiry_history", args=[inquiry.pk]), None),
        ("get", reverse("admin:inquiries_inquiry_delete", args=[inquiry.pk]), None),
        ("post", changelist, {"action": "export_csv", "_selected_action": [inquiry.pk]}),
        (
            "get",
            reverse("admin:autocomplete")
            + "?app_label=inquiries&model_name=inquirynote&field_name=inquiry&term=Q",
            None,
        ),
        ("get", "/admin/inquiries/inquirynote/", None),
        ("get", reverse("admin:inquiries_inquiryaccess_changelist"), None),
        ("get", reverse("admin:app_list", args=["inquiries"]), None),
    ]


@pytest.mark.parametrize("role", ["Editors", "Publishers"])
def test_editors_and_publishers_are_refused_on_every_admin_route(inquiry, role):
    InquiryNote.objects.create(inquiry=inquiry, text="Note about Quillfeather")
    staff = logged_in(make_staff("pat", role))

    for method, url, data in every_route(inquiry):
        response = getattr(staff, method)(url, data or {})
        html = response.content.decode()
        assert response.status_code in (403, 404), url
        assert "Quillfeather" not in html and inquiry.reference not in html, url
    assert "Inquiries" not in staff.get(reverse("admin:index")).content.decode()
    assert not InquiryAccess.objects.exists()
    assert Inquiry.objects.get().message == PRIVATE  # nothing deleted either


def test_admissions_staff_work_an_inquiry_and_nothing_private_reaches_the_action_log(
    inquiry, admissions
):
    staff = logged_in(admissions)
    url = reverse("admin:inquiries_inquiry_change", args=[inquiry.pk])

    response = staff.post(
        url,
        change_form(
            inquiry, note="Left no voicemail. Quillfeather will call back.", status="contacted"
        ),
    )

    assert response.status_code == 302
    inquiry.refresh_from_db()
    assert inquiry.status == "contacted" and inquiry.first_contact is not None
    note = inquiry.notes.get()
    assert (note.text, note.author) == (
        "Left no voicemail. Quillfeather will call back.",
        admissions,
    )
    for entry in LogEntry.objects.all():
        assert "Quillfeather" not in entry.change_message + entry.object_repr
        assert "voicemail" not in entry.change_message
    assert LogEntry.objects.get().object_repr == f"Inquiry #{inquiry.reference}"


def test_the_phone_answers_come_next_to_the_phone_before_the_notes(inquiry, admissions):
    staff = logged_in(admissions)
    InquiryNote.objects.create(inquiry=inquiry, text="Called once.")

    page = staff.get(reverse("admin:inquiries_inquiry_change", args=[inquiry.pk]))
    listing = staff.get(reverse("admin:inquiries_inquiry_changelist"))

    html = page.content.decode()
    answers = "419-555-0199 <small>(voicemail: no; texts: yes)</small>"
    assert answers in html
    assert html.index(answers) < html.index("Called once.")
    assert answers in listing.content.decode()
    assert "Someone I care about" in listing.content.decode() or "Myself" in (
        listing.content.decode()
    )


def test_search_finds_by_reference_only_and_filters_work(inquiry, admissions, facility):
    other = make_inquiry(first_name="Robin", level_of_care="Not sure", status="admitted")
    staff = logged_in(admissions)
    changelist = reverse("admin:inquiries_inquiry_changelist")

    def listed(query):
        html = staff.get(changelist + query).content.decode()
        return {ref for ref in (inquiry.reference, other.reference) if f">{ref}<" in html}

    assert listed(f"?q={inquiry.reference}") == {inquiry.reference}
    assert listed("?q=Quillfeather") == set()
    assert listed("?status__exact=admitted") == {other.reference}
    assert listed("?level_of_care=Medical+Detox") == {inquiry.reference}
    assert listed("?assignee__isnull=True") == {inquiry.reference, other.reference}


def test_each_kind_of_access_is_logged_without_content(inquiry, admissions):
    staff = logged_in(admissions)
    change = reverse("admin:inquiries_inquiry_change", args=[inquiry.pk])
    changelist = reverse("admin:inquiries_inquiry_changelist")

    staff.get(changelist)
    staff.get(change)
    staff.get(reverse("admin:inquiries_inquiry_history", args=[inquiry.pk]))
    staff.post(change, change_form(inquiry, status="contacted"))
    staff.post(changelist, {"action": "export_csv", "_selected_action": [inquiry.pk]})
    staff.post(reverse("admin:inquiries_inquiry_delete", args=[inquiry.pk]), {"post": "yes"})

    entries = list(
        InquiryAccess.objects.order_by("pk").values_list(
            "username", "action", "reference", "inquiry_id"
        )
    )
    one = ("avery", inquiry.reference, inquiry.pk)
    assert [(user, action) for user, action, *_ in entries] == [
        ("avery", "list"),
        ("avery", "view"),
        ("avery", "history"),
        ("avery", "change"),
        ("avery", "export"),
        ("avery", "delete"),
    ]
    for user, action, reference, pk in entries:
        if action != "list":
            assert (user, reference, pk) == one
    assert not Inquiry.objects.exists()
    # The log outlives the inquiry, and holds nothing it said.
    assert InquiryAccess.objects.count() == 6
    for entry in InquiryAccess.objects.all():
        assert "Quillfeather" not in str(entry.__dict__)


def test_bulk_delete_is_logged_for_each_inquiry(inquiry, admissions):
    second = make_inquiry()

    logged_in(admissions).post(
        reverse("admin:inquiries_inquiry_changelist"),
        {"action": "delete_selected", "_selected_action": [inquiry.pk, second.pk], "post": "yes"},
    )

    assert not Inquiry.objects.exists()
    deleted = InquiryAccess.objects.filter(action="delete")
    assert set(deleted.values_list("reference", flat=True)) == {
        inquiry.reference,
        second.reference,
    }


def test_superusers_read_the_access_log_and_nobody_edits_it(inquiry, admissions):
    logged_in(admissions).get(reverse("admin:inquiries_inquiry_change", args=[inquiry.pk]))
    entry = InquiryAccess.objects.get()
    boss = logged_in(make_superuser())
    staff = logged_in(admissions)

    log = boss.get(reverse("admin:inquiries_inquiryaccess_changelist"))
    assert log.status_code == 200 and inquiry.reference in log.content.decode()
    assert staff.get(reverse("admin:inquiries_inquiryaccess_changelist")).status_code == 403
    assert boss.get(reverse("admin:inquiries_inquiryaccess_add")).status_code == 403
    change = reverse("admin:inquiries_inquiryaccess_change", args=[entry.pk])
    boss.post(change, {"username": "someone-else", "action": "list"})
    delete = reverse("admin:inquiries_inquiryaccess_delete", args=[entry.pk])
    assert boss.post(delete, {"post": "yes"}).status_code == 403
    entry.refresh_from_db()
    assert entry.username == "avery"
    assert 'name="username"' not in boss.get(change).content.decode()


def test_admin_home_shows_admissions_what_waits_oldest_first(facility, admissions):
    now = timezone.now()
    old = make_inquiry()
    Inquiry.objects.filter(pk=old.pk).update(created=now - timedelta(hours=3, minutes=5))
    new = make_inquiry()
    Inquiry.objects.filter(pk=new.pk).update(created=now - timedelta(minutes=20))
    for minutes in (10, 30, 50):  # answered in the last 30 days: median 30 min
        answered = make_inquiry(status="contacted")
        Inquiry.objects.filter(pk=answered.pk).update(
            created=now - timedelta(days=2),
            first_contact=now - timedelta(days=2) + timedelta(minutes=minutes),
        )
    slow = make_inquiry(status="admitted")
    Inquiry.objects.filter(pk=slow.pk).update(  # older than 30 days: left out
        created=now - timedelta(days=40), first_contact=now - timedelta(days=39)
    )

    html = logged_in(admissions).get(reverse("admin:index")).content.decode()
    summary = html[html.index('id="admissions-summary"') :]
    summary = summary[: summary.index("</table>")]

    assert summary.index(old.reference) < summary.index(new.reference)
    assert re.search(rf"#{old.reference}</a></th><td>waiting 3 h [45] min", summary)
    assert re.search(rf"#{new.reference}</a></th><td>waiting (19|20) min", summary)
    assert "Inquiries waiting: 2, oldest first" in summary
    assert "median over the last 30 days <strong>30 min</strong>" in summary
    assert "Jordan" not in summary  # references and times only


def test_the_admin_home_shows_editors_no_inquiry(facility, editor_client):
    make_inquiry()

    html = editor_client.get(reverse("admin:index")).content.decode()

    assert "admissions-summary" not in html and "Inquiries waiting" not in html
