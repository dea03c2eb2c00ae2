"""A message that could not be taken is never lost: a failed CSRF check, the database
down or locked, or an error on our side gives the contact form back, in the site's
layout, with the phone, the crisis lines and what the visitor typed, ready to send again.
"""

import logging
import re
import sqlite3
from html import unescape

import pytest
from django.db import IntegrityError, OperationalError, connection
from django.test import Client
from django.urls import reverse

from inquiries.models import Inquiry

from .http_session import Session
from .live_gunicorn import Gunicorn, LiveSite
from .test_contact import VALID

pytestmark = pytest.mark.django_db

TYPED = {
    **VALID,
    "first_name": "Sam",
    "phone": "419-555-0123",
    "voicemail_ok": "on",
    "message": "My brother overdosed last night & is home now. What do we do next?",
}
PHONE = "1-855-605-2135"


def csrf_token(html):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def assert_form_given_back(response, status, words):
    html = response.content.decode()
    assert response.status_code == status
    assert '<header class="site-header">' in html  # the site's layout
    assert "Your message was not sent yet." in html
    assert words in html
    assert "988" in html  # the crisis line
    textarea = re.search(r"<textarea[^>]*>(.*?)</textarea>", html, re.S).group(1)
    assert unescape(textarea).strip() == TYPED["message"]
    assert 'value="Sam"' in html and 'value="jordan@example.com"' in html
    assert re.search(r'<input type="checkbox" name="voicemail_ok"[^>]* checked', html)
    assert re.search(r'<input type="radio" name="for_whom" value="loved-one"[^>]* checked', html)
    assert "no-cache" in response["Cache-Control"]
    assert Inquiry.objects.count() == 0
    return html


def test_a_failed_csrf_check_gives_the_message_back_and_the_second_press_sends_it(facility):
    client = Client(enforce_csrf_checks=True)
    client.get(reverse("inquiries:contact"))
    client.cookies.pop("csrftoken")  # the cookie is gone: hours later, or blocked

    response = client.post(reverse("inquiries:contact"), {**TYPED, "csrfmiddlewaretoken": "x"})

    html = assert_form_given_back(response, 403, "please press Send message again")
    assert f"call us at {PHONE}" in html
    assert "csrftoken" in response.cookies  # a fresh cookie, matching the page's token
    again = client.post(
        reverse("inquiries:contact"), {**TYPED, "csrfmiddlewaretoken": csrf_token(html)}
    )
    assert again.status_code == 302
    assert Inquiry.objects.get().message == TYPED["message"]


def test_a_failed_csrf_check_elsewhere_is_a_friendly_page_in_the_layout(facility):
    client = Client(enforce_csrf_checks=True)

    response = client.post(reverse("admin:login"), {"username": "a", "password": "b"})

    html = response.content.decode()
    assert response.status_code == 403
    assert "This page was open too long" in html
    assert PHONE in html and "988" in html
    assert "CSRF" not in html  # Django's own page names the mechanism; ours helps


def test_a_locked_database_gives_the_message_back_with_503(facility, monkeypatch, caplog):
    client = Client()
    client.get(reverse("inquiries:contact"))  # the facility is now in the cache

    def locked(*args, **kwargs):
        raise OperationalError("database is locked")

    monkeypatch.setattr(Inquiry, "save", locked)
    with caplog.at_level(logging.INFO):
        response = client.post(reverse("inquiries:contact"), TYPED)

    html = assert_form_given_back(response, 503, "could not take your message just now")
    assert f"call us at {PHONE}" in html
    assert response["Retry-After"] == "60"
    assert "overdosed" not in caplog.text
    assert csrf_token(html)


# Transactional: a query failing inside the rate limit's atomic block would otherwise
# spoil the test's own transaction, and the count of saved messages with it.
@pytest.mark.django_db(transaction=True)
def test_with_the_database_unreachable_the_form_comes_back_without_the_facility(facility):
    client = Client()

    def down(execute, sql, params, many, context):
        raise OperationalError("connection refused")

    with connection.execute_wrapper(down):
        response = client.post(reverse("inquiries:contact"), TYPED)

    assert_form_given_back(response, 503, "could not take your message just now")


@pytest.mark.parametrize("error", [IntegrityError("CHECK failed: overdosed"), RuntimeError()])
def test_an_error_on_our_side_gives_the_message_back_with_500(facility, monkeypatch, caplog, error):
    def fails(*args, **kwargs):
        raise error

    monkeypatch.setattr(Inquiry, "save", fails)
    with caplog.at_level(logging.INFO):
        response = Client(raise_request_exception=False).post(reverse("inquiries:contact"), TYPED)

    html = assert_form_given_back(response, 500, "Something went wrong on our side")
    assert f"call us at {PHONE}" in html
    assert "overdosed" not in caplog.text


def test_what_a_bot_wrote_in_the_hidden_field_is_not_written_back(facility):
    client = Client(enforce_csrf_checks=True)

    response = client.post(reverse("inquiries:contact"), {**TYPED, "website": "spam.example"})

    assert response.status_code == 403
    assert "spam.example" not in response.content.decode()


CREATE_FACILITY = (
    "from facility.models import Center, Facility;"
    "Facility.objects.create(name='Manor Hill Recovery Center');"
    "Center.objects.create(name='Manor Hill Recovery Center', slug='findlay', is_main=True,"
    " street='1800 Manor Hill Road',"
    f" city='Findlay', state='OH', postal_code='45840', phone={PHONE!r},"
    " email='admissions@example.org')"
)


def test_a_write_lock_held_elsewhere_gives_the_message_back_from_the_real_server(
    tmp_path, collected_static
):
    """gunicorn on a SQLite file, another connection holding the write lock: the visitor
    gets the form back with what they typed, and sends it once the lock is gone."""
    site = LiveSite(tmp_path, static_root=collected_static)  # always SQLite
    site.shell(CREATE_FACILITY)
    database = tmp_path / "site.sqlite3"
    # Wait one second for the lock, not the production twenty.
    env = {**site.env, "DATABASE_URL": f"sqlite:///{database}?timeout=1"}
    with Gunicorn(env, workers=1, log_path=tmp_path / "gunicorn.log") as server:
        session = Session(server.url)
        _, _, page = session.get(reverse("inquiries:contact"))
        fields = {**TYPED, "csrfmiddlewaretoken": csrf_token(page)}
        holder = sqlite3.connect(database, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        try:
            status, headers, html = session.post(reverse("inquiries:contact"), fields)
        finally:
            holder.execute("ROLLBACK")
            holder.close()

        assert status == 503
        assert headers["Retry-After"] == "60"
        assert '<header class="site-header">' in html
        assert "could not take your message just now" in html
        assert f"call us at {PHONE}" in html and "988" in html
        textarea = re.search(r"<textarea[^>]*>(.*?)</textarea>", html, re.S).group(1)
        assert unescape(textarea).strip() == TYPED["message"]
        assert site.shell(COUNT_MESSAGES) == "0"

        fields["csrfmiddlewaretoken"] = csrf_token(html)
        status, _, html = session.post(reverse("inquiries:contact"), fields)

    assert "Thank you, your message is with us" in html
    assert site.shell(COUNT_MESSAGES) == "1"
    assert "overdosed" not in (tmp_path / "gunicorn.log").read_text()


COUNT_MESSAGES = "from inquiries.models import Inquiry; print(Inquiry.objects.count())"


@pytest.mark.django_db(transaction=True)
def test_the_admissions_form_comes_back_on_its_own_page_with_the_database_unreachable(
    facility, pages, make_service
):
    make_service("Medical Detox")
    client = Client()

    def down(execute, sql, params, many, context):
        raise OperationalError("connection refused")

    with connection.execute_wrapper(down):
        response = client.post(
            reverse("inquiries:admissions"),
            {
                **TYPED,
                "level_of_care": "Medical Detox",
                "payment": "medicaid",
                "center": "findlay",
            },
        )

    html = assert_form_given_back(response, 503, "could not take your message just now")
    assert "<h1>Admissions</h1>" in html
    assert f'action="{reverse("inquiries:admissions")}"' in html
    assert '<option value="Medical Detox" selected>Medical Detox</option>' in html
    # The payment and the center chosen come back too, without the database.
    assert '<option value="medicaid" selected>Medicaid</option>' in html
    assert 'type="hidden" name="center" value="findlay"' in html


def test_a_failed_csrf_check_on_the_admissions_page_gives_it_back_there(facility):
    client = Client(enforce_csrf_checks=True)

    response = client.post(reverse("inquiries:admissions"), {**TYPED, "csrfmiddlewaretoken": "x"})

    html = assert_form_given_back(response, 403, "please press Send message again")
    assert "<h1>Admissions</h1>" in html
