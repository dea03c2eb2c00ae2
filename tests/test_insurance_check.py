"""The insurance check inside the inquiry (verification of benefits): what a visitor
gives, card photos included, encrypted at rest and nowhere in the media folder or the
backups; Admissions alone sees it through a logged, uncached view; the "benefits
checked" step; purged with the inquiry; the seam for an eligibility service."""

import io
import os
import subprocess

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from PIL import Image

from facility.models import Center
from inquiries.models import Inquiry, InquiryAccess, InsuranceCheck

from .factories import INQUIRY_POST, logged_in, make_staff
from .http_session import form_fields

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("staff_groups")]

MEMBER_ID = "QZX9941207"
GROUP = "GRP-77310"
SUBSCRIBER = "Quillfeather Marsh"
NOT_A_PROMISE = "This is a check, not a promise of payment"


def card_photo(name="card.jpg", color=(200, 30, 90), fmt="JPEG"):
    buffer = io.BytesIO()
    picture = Image.new("RGB", (320, 200), color)
    for x in range(0, 320, 7):  # some detail, so that the JPEG is not all one run
        picture.putpixel((x, (x * 3) % 200), (x % 255, 10, 200))
    picture.save(buffer, fmt)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def with_insurance(**changes):
    return {
        **INQUIRY_POST,
        "payment": "private-insurance",
        "plan_name": "Acme Gold PPO",
        "payer": "Acme Health",
        "member_id": MEMBER_ID,
        "group_number": GROUP,
        "subscriber_name": SUBSCRIBER,
        "subscriber_birth_date": "1971-04-25",
        "relationship": "parent",
        "card_front": card_photo(),
        "card_back": card_photo("back.jpg", (20, 160, 40)),
        **changes,
    }


@pytest.fixture
def facility(facility):
    """The test center, taking private insurance: the form offers only what centers take."""
    Center.objects.update(payments=["private-insurance", "self-pay"])
    return facility


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    os.makedirs(settings.MEDIA_ROOT)
    return tmp_path / "media"


@pytest.fixture
def sent(client, facility, media):
    response = client.post(reverse("inquiries:admissions"), with_insurance(), follow=True)
    assert response.redirect_chain[-1][0] == reverse("inquiries:thanks_insurance")
    return response


def test_a_visitor_asks_with_insurance_and_both_card_photos(sent):
    html = sent.content.decode()
    assert NOT_A_PROMISE in html
    check = Inquiry.objects.get().insurance_check
    assert (check.payer, check.member_id, check.group_number) == ("Acme Health", MEMBER_ID, GROUP)
    assert (check.subscriber_name, check.subscriber_birth_date) == (SUBSCRIBER, "1971-04-25")
    assert check.relationship == "parent" and check.result == ""
    for side in ("front", "back"):
        data, kind = check.photo(side)
        assert kind == "image/jpeg"
        with Image.open(io.BytesIO(data)) as picture:
            assert picture.size == (320, 200) and not picture.getexif()


@pytest.mark.parametrize("prefix", ["", "/es"])
def test_the_form_asks_for_the_card_from_the_camera_and_says_it_is_no_promise(
    client, facility, prefix
):
    url = reverse("inquiries:admissions")
    html = client.get(prefix + url, follow=True).content.decode()
    assert 'enctype="multipart/form-data"' in html
    assert html.count('accept="image/*" capture="environment"') == 2
    if prefix:
        assert "Esto es una verificación, no una promesa de pago" in html
    else:
        assert NOT_A_PROMISE in html


def test_the_card_and_member_id_are_unreadable_in_the_database_and_not_in_media(sent, media):
    check = InsuranceCheck.objects.get()
    front = check.photo("front")[0]
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM inquiries_insurancecheck")
        row = cursor.fetchone()
    stored = [bytes(v) if isinstance(v, (bytes, memoryview)) else str(v).encode() for v in row]
    for value in stored:
        for secret in (MEMBER_ID.encode(), GROUP.encode(), b"Quillfeather", b"1971-04-25"):
            assert secret not in value
        assert front[200:260] not in value and b"\xff\xd8\xff" not in value
    assert any(value.startswith(b"gAAAA") for value in stored)  # Fernet tokens
    if connection.vendor == "sqlite":
        image = connection.connection.serialize()  # the file a backup copies
        assert MEMBER_ID.encode() not in image and front[200:260] not in image
    assert list(media.rglob("*")) == []  # nothing under MEDIA_ROOT


@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"), reason="PostgreSQL only"
)
@pytest.mark.django_db(transaction=True)
def test_a_backup_made_as_the_deploy_guide_says_holds_neither_card_nor_member_id(
    client, facility, media, tmp_path
):
    from .factories import ensure_staff_roles

    ensure_staff_roles()
    client.post(reverse("inquiries:admissions"), with_insurance())
    front = InsuranceCheck.objects.get().photo("front")[0]
    settings = connection.settings_dict
    dump = tmp_path / "db.dump"
    env = {**os.environ, "PGPASSWORD": settings.get("PASSWORD") or ""}
    target = ["-h", settings["HOST"] or "127.0.0.1", "-U", settings["USER"]]
    # As docs/deploy.md backs up: pg_dump's custom format, the cache's rows left out.
    subprocess.run(
        ["pg_dump", *target, "--format=custom", "--exclude-table-data=site_cache",
         f"--file={dump}", settings["NAME"]],
        check=True, env=env,
    )  # fmt: skip
    text = subprocess.run(
        ["pg_restore", "--file=-", str(dump)], check=True, env=env, capture_output=True
    ).stdout
    assert b"Manor Hill Recovery Center" in text  # the dump is readable, and holds the site
    assert MEMBER_ID.encode() not in text and b"Quillfeather" not in text
    assert front[200:260].hex().encode() not in text  # bytea is dumped as hex


def test_a_check_needs_payer_and_member_id_and_nothing_typed_is_lost(client, facility, media):
    response = client.post(
        reverse("inquiries:admissions"), with_insurance(member_id="", card_front="", card_back="")
    )
    html = response.content.decode()
    assert "To check your benefits we need the insurance company and the member ID." in html
    assert 'value="Acme Health"' in html and f'value="{GROUP}"' in html
    assert "please choose the photos again" in html
    assert not Inquiry.objects.exists()


def test_an_iphone_heic_photo_or_a_non_picture_is_refused_with_what_to_do(client, facility):
    heic = SimpleUploadedFile("IMG_0001.HEIC", b"\x00\x00\x00\x18ftypheic" + b"\x00" * 64)
    response = client.post(reverse("inquiries:admissions"), with_insurance(card_front=heic))
    assert "in the iPhone&#x27;s HEIC format" in response.content.decode()
    text = SimpleUploadedFile("card.jpg", b"not a picture at all")
    response = client.post(reverse("inquiries:admissions"), with_insurance(card_back=text))
    assert "We cannot open this file as a photo" in response.content.decode()
    assert not Inquiry.objects.exists()


def test_admissions_views_the_photos_through_a_logged_uncached_view(sent):
    inquiry = Inquiry.objects.get()
    staff = logged_in(make_staff("avery", "Admissions"))
    page = staff.get(reverse("admin:inquiries_inquiry_change", args=[inquiry.pk])).content.decode()
    assert MEMBER_ID in page and "front of the card" in page
    url = reverse("admin:inquiries_inquiry_card", args=[inquiry.pk, "front"])
    assert url in page and "/media/" not in page

    response = staff.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    assert response.content == inquiry.insurance_check.photo("front")[0]
    cache_control = response["Cache-Control"]
    assert "no-store" in cache_control and "private" in cache_control
    assert InquiryAccess.objects.filter(action="card", reference=inquiry.reference).count() == 1
    assert (
        staff.get(reverse("admin:inquiries_inquiry_card", args=[inquiry.pk, "x"])).status_code
        == 404
    )


@pytest.mark.parametrize("role", ["Editors", "Publishers", "Compliance"])
def test_no_other_role_reaches_any_of_it_by_any_admin_address(sent, role):
    inquiry = Inquiry.objects.get()
    staff = logged_in(make_staff("pat", role))
    for url in [
        reverse("admin:inquiries_inquiry_card", args=[inquiry.pk, "front"]),
        reverse("admin:inquiries_inquiry_card", args=[inquiry.pk, "back"]),
        reverse("admin:inquiries_inquiry_change", args=[inquiry.pk]),
        reverse("admin:inquiries_inquiry_changelist") + "?benefits=waiting",
        "/admin/inquiries/insurancecheck/",
        f"/admin/inquiries/insurancecheck/{inquiry.insurance_check.pk}/change/",
    ]:
        response = staff.get(url)
        assert response.status_code in (403, 404), url
        assert MEMBER_ID not in response.content.decode()
        assert response.content != inquiry.insurance_check.photo("front")[0]
    assert not InquiryAccess.objects.exists()


def listed(staff, url):
    """The inquiries a changelist lists (its table, without messages or filters)."""
    html = staff.get(url).content.decode()
    return html.split('id="result_list"')[1].split("</table>")[0] if "result_list" in html else ""


def test_admissions_mark_benefits_checked_and_filter_those_waiting(sent, client):
    inquiry = Inquiry.objects.get()
    staff = logged_in(make_staff("avery", "Admissions"))
    changelist = reverse("admin:inquiries_inquiry_changelist")
    assert inquiry.reference in listed(staff, changelist + "?benefits=waiting")
    assert inquiry.reference not in listed(staff, changelist + "?benefits=checked")

    home = staff.get(reverse("admin:index")).content.decode()
    assert '?benefits=waiting">1</a>' in home  # "Insurance checks waiting: 1"

    url = reverse("admin:inquiries_inquiry_change", args=[inquiry.pk])
    fields = form_fields(staff.get(url).content.decode(), "inquiry_form")
    data = {name: values[0] if len(values) == 1 else values for name, values in fields.items()}
    data["insurance_check-0-result"] = "needs-authorization"
    response = staff.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]

    check = InsuranceCheck.objects.get()
    assert (check.result, check.checked_by) == ("needs-authorization", "avery")
    assert check.checked_at is not None
    assert inquiry.reference not in listed(staff, changelist + "?benefits=waiting")
    assert "Insurance checks waiting: none." in staff.get(reverse("admin:index")).content.decode()
    checked = listed(staff, changelist + "?benefits=checked")
    assert inquiry.reference in checked and "needs authorization" in checked


def test_the_check_is_purged_with_the_inquiry(sent, settings):
    from datetime import timedelta

    from django.utils import timezone

    Inquiry.objects.update(created=timezone.now() - timedelta(days=365))
    call_command("purge_inquiries", stdout=io.StringIO())
    assert not InsuranceCheck.objects.exists()


class AlwaysInNetwork:
    """A stand-in eligibility service, as a clearinghouse's would be plugged in."""

    name = "test clearinghouse"

    def check(self, insurance_check):
        assert insurance_check.member_id == MEMBER_ID
        return InsuranceCheck.Result.IN_NETWORK


def test_an_eligibility_service_plugged_into_the_seam_records_its_answer(
    client, facility, media, settings
):
    assert settings.INSURANCE_ELIGIBILITY_SERVICE == "inquiries.eligibility.StaffCheck"
    settings.INSURANCE_ELIGIBILITY_SERVICE = "tests.test_insurance_check.AlwaysInNetwork"
    client.post(reverse("inquiries:admissions"), with_insurance())
    check = InsuranceCheck.objects.get()
    assert (check.result, check.checked_by) == ("in-network", "service: test clearinghouse")


def test_by_default_no_service_is_asked_and_staff_check(sent):
    check = InsuranceCheck.objects.get()
    assert (check.result, check.checked_by, check.checked_at) == ("", "", None)


def test_key_rotation_re_encrypts_the_check_and_its_photos(facility, settings):
    from cryptography.fernet import Fernet

    from .factories import make_inquiry

    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.INQUIRY_ENCRYPTION_KEYS = [old]
    photo = card_photo().read()
    InsuranceCheck.objects.create(
        inquiry=make_inquiry(), payer="Acme", member_id=MEMBER_ID, card_front=photo,
        card_front_type="image/jpeg",
    )  # fmt: skip
    settings.INQUIRY_ENCRYPTION_KEYS = [new, old]
    out = io.StringIO()
    call_command("rotate_inquiry_keys", stdout=out)
    assert "Re-encrypted 1 insurance checks" in out.getvalue()

    settings.INQUIRY_ENCRYPTION_KEYS = [new]  # the old key dropped
    check = InsuranceCheck.objects.get()
    assert check.member_id == MEMBER_ID and check.photo("front") == (photo, "image/jpeg")
    settings.INQUIRY_ENCRYPTION_KEYS = [old]  # and the old one reads nothing any more
    check = InsuranceCheck.objects.get()
    assert check.photo("front") is None and "card photo, front" in check.unreadable_fields()
