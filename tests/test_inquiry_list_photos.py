"""A card photo is read and decrypted only to be shown: never to list inquiries or show
an insurance check's status word, and one photo to show one."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from inquiries import encryption
from inquiries.models import InsuranceCheck

from .factories import logged_in, make_inquiry, make_staff

pytestmark = pytest.mark.django_db

PAGE = 100  # the admin's rows on a page


@pytest.fixture
def decrypted(monkeypatch):
    """The photos decrypted (decrypt_bytes is for photos alone), counted."""
    counted = []
    real = encryption.decrypt_bytes
    monkeypatch.setattr(encryption, "decrypt_bytes", lambda token: counted.append(1) or real(token))
    return counted


@pytest.fixture
def checks(facility):
    made = []
    for number in range(PAGE):
        inquiry = make_inquiry(first_name=f"Visitor {number}")
        made.append(
            InsuranceCheck.objects.create(
                inquiry=inquiry, payer="Acme Health", member_id=f"M{number:04d}",
                card_front=b"front photo bytes %d" % number, card_front_type="image/jpeg",
                card_back=b"back photo bytes %d" % number, card_back_type="image/jpeg",
                result="in-network" if number % 2 else "",
            )
        )  # fmt: skip
    return made


@pytest.fixture
def admissions():
    return logged_in(make_staff("avery", "Admissions"))


def photo_columns_read(queries):
    return [q["sql"] for q in queries if '."card_front"' in q["sql"] or '."card_back"' in q["sql"]]


def test_a_page_of_100_inquiries_decrypts_no_photo(checks, admissions, decrypted):
    with CaptureQueriesContext(connection) as queries:
        response = admissions.get(reverse("admin:inquiries_inquiry_changelist"))

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("in network") >= PAGE // 2  # the status word, from every check
    assert "waiting for a check" in html
    assert decrypted == []
    assert photo_columns_read(queries.captured_queries) == []


def test_an_inquiry_with_its_check_decrypts_no_photo(checks, admissions, decrypted):
    check = checks[7]

    response = admissions.get(reverse("admin:inquiries_inquiry_change", args=[check.inquiry_id]))

    html = response.content.decode()
    assert response.status_code == 200
    assert "M0007" in html and "front of the card" in html and "back of the card" in html
    assert decrypted == []


def test_one_photo_shown_is_one_photo_decrypted(checks, admissions, decrypted):
    check = checks[3]

    response = admissions.get(
        reverse("admin:inquiries_inquiry_card", args=[check.inquiry_id, "back"])
    )

    assert response.status_code == 200
    assert response.content == b"back photo bytes 3"
    assert len(decrypted) == 1


def test_rotating_the_keys_still_reads_and_rewrites_every_photo(checks, decrypted):
    from django.core.management import call_command

    call_command("rotate_inquiry_keys", stdout=None)

    assert len(decrypted) == 2 * PAGE
    check = InsuranceCheck.objects.get(pk=checks[5].pk)
    assert check.photo("front") == (b"front photo bytes 5", "image/jpeg")
