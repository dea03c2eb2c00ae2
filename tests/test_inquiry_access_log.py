"""The access log records what staff were shown, whatever the method that asked: every
admin page with inquiries on it, the references it listed and with which search,
filters and page; methods the admin does not need are refused."""

import json

import pytest
from django.urls import reverse

from inquiries.models import InquiryAccess

from .factories import logged_in, make_inquiry, make_staff

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("staff_groups")]

CHANGELIST = "/admin/inquiries/inquiry/"


@pytest.fixture
def inquiries(facility):
    first = make_inquiry(first_name="Quillfeather", phone="419-555-0199")
    second = make_inquiry(days_old=1, first_name="Renée", status="contacted")
    return first, second


@pytest.fixture
def staff():
    return logged_in(make_staff("avery", "Admissions"))


def entries():
    return list(InquiryAccess.objects.order_by("pk").values_list("action", "reference", "shown"))


def inquiry_addresses(inquiry):
    return [
        CHANGELIST,
        CHANGELIST + "?q=" + inquiry.reference,
        reverse("admin:inquiries_inquiry_change", args=[inquiry.pk]),
        reverse("admin:inquiries_inquiry_history", args=[inquiry.pk]),
        reverse("admin:inquiries_inquiry_delete", args=[inquiry.pk]),
    ]


@pytest.mark.parametrize("method", ["options", "head", "put", "patch", "delete", "trace"])
def test_methods_the_admin_does_not_need_are_refused_and_show_nothing(inquiries, staff, method):
    first, _ = inquiries

    for url in inquiry_addresses(first):
        response = getattr(staff, method)(url)
        assert response.status_code == 405, (method, url)
        assert b"Quillfeather" not in response.content
        assert b"419-555-0199" not in response.content
    assert entries() == []


def test_a_listing_logs_each_reference_shown_with_its_search_filters_and_page(inquiries, staff):
    first, second = inquiries

    staff.get(CHANGELIST + "?q=" + first.reference)
    assert entries() == [("list", first.reference, f'search "{first.reference}"; page 1 of 1')]

    InquiryAccess.objects.all().delete()
    staff.get(CHANGELIST + "?status__exact=contacted&o=-2")
    assert entries() == [("list", second.reference, "o=-2; status__exact=contacted; page 1 of 1")]

    InquiryAccess.objects.all().delete()
    staff.get(CHANGELIST)
    assert sorted(entries()) == sorted(
        [("list", first.reference, "page 1 of 1"), ("list", second.reference, "page 1 of 1")]
    )

    InquiryAccess.objects.all().delete()
    staff.get(CHANGELIST + "?q=NOSUCH")
    assert entries() == [("list", "", 'search "NOSUCH"; page 1 of 1')]


def test_the_list_shown_in_answer_to_a_post_is_logged(inquiries, staff):
    first, _second = inquiries

    # A POST with no action in it: Django's admin answers with the list itself.
    response = staff.post(CHANGELIST + "?q=" + first.reference, {})

    assert response.status_code == 200 and b"Quillfeather" in response.content
    assert entries() == [("list", first.reference, f'search "{first.reference}"; page 1 of 1')]


def test_a_change_page_given_back_with_errors_is_logged_as_viewed(inquiries, staff):
    first, _ = inquiries
    change = reverse("admin:inquiries_inquiry_change", args=[first.pk])

    response = staff.post(change, {"status": "no-such-status"})

    assert response.status_code == 200 and b"Quillfeather" in response.content
    assert entries() == [("view", first.reference, "")]


def test_the_pages_asking_to_delete_are_logged(inquiries, staff):
    first, second = inquiries

    staff.get(reverse("admin:inquiries_inquiry_delete", args=[first.pk]))
    staff.post(
        CHANGELIST,
        {"action": "delete_selected", "_selected_action": [first.pk, second.pk]},
    )

    assert sorted(entries()) == sorted(
        [
            ("confirm-delete", first.reference, ""),
            ("confirm-delete", first.reference, "asked to confirm deleting them"),
            ("confirm-delete", second.reference, "asked to confirm deleting them"),
        ]
    )


def test_the_autocomplete_that_lists_references_is_logged(inquiries, staff):
    first, _ = inquiries
    url = reverse("admin:autocomplete") + (
        "?app_label=inquiries&model_name=inquirynote&field_name=inquiry&term=" + first.reference
    )

    response = staff.get(url)

    assert response.status_code == 200
    assert [row["text"] for row in json.loads(response.content)["results"]] == [
        f"Inquiry #{first.reference}"
    ]
    assert entries() == [("lookup", first.reference, f'search "{first.reference}"; page 1')]


def test_the_access_log_shows_what_was_shown_to_superusers(inquiries, staff, admin_client):
    first, _ = inquiries
    staff.get(CHANGELIST + "?q=" + first.reference)

    log = admin_client.get(reverse("admin:inquiries_inquiryaccess_changelist"))

    assert f"search &quot;{first.reference}&quot;; page 1 of 1" in log.content.decode()
