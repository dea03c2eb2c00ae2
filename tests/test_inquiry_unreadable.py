"""An inquiry holding a value no configured key decrypts (a restored backup, a key
dropped before rotation finished, a damaged token) stops nothing: retention still
deletes, Admissions still list, open and delete it, and a command names such rows."""

import io

import pytest
from cryptography.fernet import Fernet
from django.core.management import CommandError, call_command
from django.db import connection
from django.urls import reverse

from inquiries import encryption
from inquiries.models import Inquiry, InquiryAccess, InquiryNote

from .factories import logged_in, make_inquiry, make_staff

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("staff_groups")]

KEY_OLD = Fernet.generate_key().decode()
KEY_NOW = Fernet.generate_key().decode()
SECRET = "Quillfeather drinks a fifth a day"
# What a damaged column looks like: a token cut short, bytes changed.
DAMAGED = "gAAAAABnot-a-token-any-more"


def damage(inquiry, column="phone", token=DAMAGED):
    """Write `token` into the inquiry's column as a damaged backup would hold it."""
    table = connection.ops.quote_name(Inquiry._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET {connection.ops.quote_name(column)} = %s WHERE id = %s",
            [token, inquiry.pk],
        )


def stored(inquiry, column):
    table = connection.ops.quote_name(Inquiry._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {connection.ops.quote_name(column)} FROM {table} WHERE id = %s",
            [inquiry.pk],
        )
        return cursor.fetchone()[0]


@pytest.fixture
def unreadable(settings, facility):
    """Two inquiries past retention: one under a dropped key, one with a damaged token;
    and one recent, readable inquiry."""
    settings.CONTACT_MESSAGE_RETENTION_DAYS = 90
    settings.INQUIRY_ENCRYPTION_KEYS = [KEY_OLD]
    lost_key = make_inquiry(days_old=120, first_name="Quillfeather", message=SECRET)
    lost_key.notes.create(text="Called, no answer.")
    settings.INQUIRY_ENCRYPTION_KEYS = [KEY_NOW]  # the old key dropped
    damaged = make_inquiry(days_old=100, first_name="Renée", phone="419-555-0123")
    damage(damaged)
    fresh = make_inquiry(first_name="Jordan")
    return lost_key, damaged, fresh


def test_purge_deletes_expired_inquiries_it_cannot_read_and_purges_the_log(unreadable):
    _lost_key, _damaged, fresh = unreadable
    InquiryAccess.objects.create(username="sam", action="view", reference="OLD234")
    InquiryAccess.objects.filter(reference="OLD234").update(
        when=fresh.created.replace(year=fresh.created.year - 7)
    )
    out = io.StringIO()

    call_command("purge_inquiries", stdout=out)

    assert list(Inquiry.objects.values_list("pk", flat=True)) == [fresh.pk]
    assert not InquiryNote.objects.exists()
    assert not InquiryAccess.objects.filter(reference="OLD234").exists()
    assert "Deleted 2 inquiry(ies) older than 90 days and 1 access-log entry" in out.getvalue()


def test_purge_never_decrypts(unreadable, monkeypatch):
    def refuse(token):
        raise AssertionError("purge_inquiries decrypted a value")

    monkeypatch.setattr(encryption, "decrypt", refuse)

    call_command("purge_inquiries", stdout=io.StringIO())

    assert Inquiry.objects.count() == 1


def refuse_deleting(reference):
    """A database trigger that refuses to delete the inquiry `reference`: a row the
    purge cannot remove, whatever the reason."""
    table = Inquiry._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "CREATE FUNCTION keep_inquiry() RETURNS trigger AS $$ BEGIN "
                f"IF OLD.reference = '{reference}' THEN RAISE EXCEPTION 'kept'; END IF; "
                "RETURN OLD; END $$ LANGUAGE plpgsql"
            )
            cursor.execute(
                f"CREATE TRIGGER keep_inquiry BEFORE DELETE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION keep_inquiry()"
            )
        else:
            cursor.execute(
                f"CREATE TRIGGER keep_inquiry BEFORE DELETE ON {table} "
                f"WHEN OLD.reference = '{reference}' BEGIN SELECT RAISE(ABORT, 'kept'); END"
            )


def test_purge_fails_only_for_what_it_could_not_delete_and_names_it(unreadable):
    lost_key, damaged, fresh = unreadable
    refuse_deleting(damaged.reference)
    out, err = io.StringIO(), io.StringIO()

    with pytest.raises(CommandError) as failed:
        call_command("purge_inquiries", stdout=out, stderr=err)

    # The one it could delete is gone, the access-log purge ran, and it says which one
    # is left.
    assert set(Inquiry.objects.values_list("pk", flat=True)) == {damaged.pk, fresh.pk}
    assert "Deleted 1 inquiry(ies)" in out.getvalue()
    assert "access-log entry(ies)" in out.getvalue()
    message = str(failed.value)
    assert "1 expired inquiry(ies)" in message and damaged.reference in message
    assert lost_key.reference not in message and fresh.reference not in message


def test_a_command_lists_the_unreadable_rows(unreadable):
    lost_key, damaged, fresh = unreadable
    out = io.StringIO()

    with pytest.raises(CommandError, match="2 inquiry"):
        call_command("unreadable_inquiries", stdout=out)

    text = out.getvalue()
    assert f"#{lost_key.reference}" in text and "first name" in text and "message" in text
    assert f"#{damaged.reference}" in text and "phone" in text
    assert fresh.reference not in text
    assert "note" in text  # the note on the inquiry under the lost key
    assert SECRET not in text and DAMAGED not in text


def test_no_unreadable_row_lists_nothing_and_succeeds(facility):
    make_inquiry()
    out = io.StringIO()

    call_command("unreadable_inquiries", stdout=out)

    assert out.getvalue().strip() == "Every inquiry and note can be read."


@pytest.fixture
def admissions():
    return logged_in(make_staff("avery", "Admissions"))


def test_admissions_list_open_and_delete_an_unreadable_inquiry(unreadable, admissions):
    lost_key, damaged, fresh = unreadable

    listing = admissions.get(reverse("admin:inquiries_inquiry_changelist"))
    assert listing.status_code == 200
    html = listing.content.decode()
    assert lost_key.reference in html and damaged.reference in html and "Jordan" in html
    assert "unreadable" in html

    change = admissions.get(reverse("admin:inquiries_inquiry_change", args=[lost_key.pk]))
    assert change.status_code == 200
    page = change.content.decode()
    assert f"Inquiry #{lost_key.reference}: first name, e-mail, message cannot be read" in page
    assert "[unreadable: encrypted with a key the site no longer has, or damaged]" in page
    assert SECRET not in page

    delete = reverse("admin:inquiries_inquiry_delete", args=[damaged.pk])
    assert admissions.get(delete).status_code == 200
    assert admissions.post(delete, {"post": "yes"}).status_code == 302
    assert not Inquiry.objects.filter(pk=damaged.pk).exists()
    assert InquiryAccess.objects.filter(action="delete", reference=damaged.reference).exists()

    bulk = admissions.post(
        reverse("admin:inquiries_inquiry_changelist"),
        {"action": "delete_selected", "_selected_action": [lost_key.pk], "post": "yes"},
    )
    assert bulk.status_code == 302
    assert list(Inquiry.objects.values_list("pk", flat=True)) == [fresh.pk]


def test_an_unreadable_value_keeps_its_token_when_the_inquiry_is_saved(unreadable):
    lost_key, damaged, _fresh = unreadable
    token = stored(lost_key, "message")
    inquiry = Inquiry.objects.get(pk=lost_key.pk)

    inquiry.status = "contacted"
    inquiry.save()
    err = io.StringIO()
    call_command("rotate_inquiry_keys", stdout=io.StringIO(), stderr=err)
    assert "2 of them hold values no key reads, left as they were" in err.getvalue()
    assert "1 of them hold values no key reads" in err.getvalue()  # the note

    # The key may yet be found: the token is kept as it was, never overwritten.
    assert stored(lost_key, "message") == token
    assert stored(damaged, "phone") == DAMAGED
    assert Inquiry.objects.get(pk=lost_key.pk).status == "contacted"
