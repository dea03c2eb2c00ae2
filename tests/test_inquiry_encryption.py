"""Nothing an inquiry says is readable at rest: encrypted fields, keys, rotation."""

import io
import logging
import os

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import FieldError
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from facility.models import Center, Page
from inquiries import encryption
from inquiries.models import Inquiry, InquiryNote

from .factories import INQUIRY_POST, make_inquiry
from .test_settings import GOOD_KEY, load_settings

pytestmark = pytest.mark.django_db

PHRASE = "Quillfeather relapsed on fentanyl"
KEY_A = Fernet.generate_key().decode()
KEY_B = Fernet.generate_key().decode()


def sent_inquiry(client):
    Center.objects.update(payments=["private-insurance"])  # so the form offers it
    data = {**INQUIRY_POST, "first_name": "Quillfeather", "phone": "419-555-0199"}
    data |= {"email": "quillfeather@example.org", "message": PHRASE}
    data |= {"payment": "private-insurance", "plan_name": "Quillfeather Gold"}
    assert client.post(reverse("inquiries:admissions"), data).status_code == 302
    inquiry = Inquiry.objects.get()
    inquiry.notes.create(text=f"Called back. {PHRASE}.")
    return inquiry


def stored_values(table):
    """Every column of every row of `table`, as the database returns it to raw SQL."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
        return [str(value) for row in cursor.fetchall() for value in row]


def test_a_submitted_phrase_is_nowhere_in_the_sqlite_database_bytes(client, facility):
    if connection.vendor != "sqlite":
        pytest.skip("the PostgreSQL test below reads the stored values")
    Page.objects.create(slug="control", title="Control", body=f"<p>{PHRASE} in plain.</p>")
    inquiry = sent_inquiry(client)

    # The database as it would be written to its file, pages and free space included.
    image = connection.connection.serialize()

    assert inquiry.message == PHRASE  # readable through the model
    assert PHRASE.encode() in image  # the page's plain copy: the search works
    Page.objects.filter(slug="control").delete()
    image = connection.connection.serialize()
    for secret in ["Quillfeather", "relapsed", "fentanyl", "419-555-0199"]:
        assert secret.encode() not in image


def test_a_submitted_phrase_is_in_no_stored_column(client, facility):
    """On PostgreSQL (and SQLite) the stored values, read by raw SQL, are tokens."""
    sent_inquiry(client)

    stored = stored_values("inquiries_inquiry") + stored_values("inquiries_inquirynote")

    assert any(value.startswith("gAAAA") for value in stored)  # Fernet tokens
    for value in stored:
        for secret in ["Quillfeather", "relapsed", "fentanyl", "419-555-0199"]:
            assert secret not in value


@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"), reason="PostgreSQL only"
)
def test_postgresql_rows_as_text_hold_nothing_of_the_phrase(client, facility):
    sent_inquiry(client)

    with connection.cursor() as cursor:
        cursor.execute("SELECT t::text FROM inquiries_inquiry t UNION ALL "
                       "SELECT n::text FROM inquiries_inquirynote n")  # fmt: skip
        rows = [row[0] for row in cursor.fetchall()]

    assert len(rows) == 2
    assert not [row for row in rows if "Quillfeather" in row or "fentanyl" in row]


def test_the_database_cannot_be_asked_about_content(facility):
    make_inquiry(message=PHRASE)

    with pytest.raises(FieldError, match="encrypted and cannot be searched"):
        list(Inquiry.objects.filter(message__icontains="fentanyl"))
    with pytest.raises(FieldError):
        Inquiry.objects.filter(first_name="Jordan").exists()
    assert Inquiry.objects.filter(phone__isnull=False).count() == 1


def test_rotation_re_encrypts_everything_with_the_newest_key(facility, settings):
    settings.INQUIRY_ENCRYPTION_KEYS = [KEY_A]
    inquiry = make_inquiry(message=PHRASE, phone="419-555-0199", plan_name="Gold")
    InquiryNote.objects.create(inquiry=inquiry, text="A note")

    settings.INQUIRY_ENCRYPTION_KEYS = [KEY_B, KEY_A]
    out = io.StringIO()
    call_command("rotate_inquiry_keys", stdout=out)

    assert "Re-encrypted 1 inquiries" in out.getvalue()
    assert "Re-encrypted 1 inquiry notes" in out.getvalue()
    settings.INQUIRY_ENCRYPTION_KEYS = [KEY_B]  # the old key dropped
    inquiry = Inquiry.objects.get()
    assert (inquiry.message, inquiry.phone, inquiry.plan_name, inquiry.first_name) == (
        PHRASE,
        "419-555-0199",
        "Gold",
        "Jordan",
    )
    assert inquiry.notes.get().text == "A note"


def test_without_the_key_an_inquiry_cannot_be_read(facility, settings):
    settings.INQUIRY_ENCRYPTION_KEYS = [KEY_A]
    make_inquiry(message=PHRASE)

    settings.INQUIRY_ENCRYPTION_KEYS = [KEY_B]

    with pytest.raises(encryption.UnreadableInquiry, match="INQUIRY_ENCRYPTION_KEYS"):
        encryption.decrypt(Inquiry.objects.values_list("message", flat=True).get().token)
    # Read through the model, it is marked unreadable: never the phrase, never the token.
    inquiry = Inquiry.objects.get()
    assert isinstance(inquiry.message, encryption.UnreadableValue)
    assert PHRASE not in inquiry.message and "unreadable" in inquiry.message
    assert inquiry.unreadable_fields() == ["first name", "e-mail", "message"]


PRODUCTION = {"DJANGO_DEBUG": "false", "DJANGO_SECRET_KEY": GOOD_KEY}


def test_production_refuses_to_start_without_a_key():
    result = load_settings(
        **PRODUCTION, DJANGO_ALLOWED_HOSTS="www.example.org", INQUIRY_ENCRYPTION_KEYS=""
    )

    assert result.returncode != 0
    assert "INQUIRY_ENCRYPTION_KEYS must hold at least one encryption key" in result.stderr
    assert "Fernet.generate_key()" in result.stderr


def test_a_key_that_is_not_a_fernet_key_is_refused_without_showing_it():
    result = load_settings(
        **PRODUCTION,
        DJANGO_ALLOWED_HOSTS="www.example.org",
        INQUIRY_ENCRYPTION_KEYS=f"{KEY_A},not-a-key-secret",
    )

    assert "INQUIRY_ENCRYPTION_KEYS must be comma-separated Fernet keys" in result.stderr
    assert "not-a-key-secret" not in result.stderr


def test_production_starts_with_keys():
    result = load_settings(
        **PRODUCTION,
        DJANGO_ALLOWED_HOSTS="www.example.org",
        INQUIRY_ENCRYPTION_KEYS=f" {KEY_B}, {KEY_A} ",
    )

    assert result.returncode == 0, result.stderr


def test_development_makes_a_private_key_file_once_and_says_so(settings, tmp_path, caplog):
    settings.DEBUG = True
    settings.INQUIRY_ENCRYPTION_KEYS = []
    settings.BASE_DIR = tmp_path
    caplog.set_level(logging.WARNING)

    token = encryption.encrypt("hello")
    key_file = tmp_path / ".inquiry-key"

    assert key_file.exists() and (key_file.stat().st_mode & 0o777) == 0o600
    assert "made a development key" in caplog.text
    caplog.clear()
    assert encryption.decrypt(token) == "hello"
    assert "made a development key" not in caplog.text  # made once, then reused
    assert Fernet(key_file.read_text().strip().encode()).decrypt(token.encode()) == b"hello"


def test_the_development_key_file_is_ignored_by_git():
    from pathlib import Path

    ignored = (Path(__file__).resolve().parent.parent / ".gitignore").read_text().split()
    assert "/.inquiry-key" in ignored
