"""The admissions and contact forms in Spanish: labels, errors and messages in Spanish, and
each inquiry saved with the language it was sent in, which staff see wherever they read
it (admin list and page, CSV export, notification), so a Spanish speaker is called back
in Spanish."""

import csv
import io
import re

import pytest
from django.core import mail
from django.db import OperationalError
from django.test import Client
from django.urls import reverse
from django.utils import translation

from inquiries.models import Inquiry

from .factories import INQUIRY_POST, in_spanish, logged_in, make_inquiry, make_staff

pytestmark = pytest.mark.django_db


def spanish(name):
    with translation.override("es"):
        return reverse(name)


@pytest.mark.parametrize("name", ["inquiries:admissions", "inquiries:contact"])
def test_a_form_sent_from_a_spanish_page_is_saved_as_spanish(client, facility, name):
    response = client.post(spanish(name), INQUIRY_POST)

    assert response.status_code == 302
    assert response["Location"] == "/es/admisiones/gracias/"
    assert Inquiry.objects.get().language == "es"
    thanks = client.get(response["Location"]).content.decode()
    assert "Gracias, recibimos su mensaje" in thanks


def test_a_form_sent_from_an_english_page_is_saved_as_english(client, facility):
    client.post(reverse("inquiries:admissions"), INQUIRY_POST)

    assert Inquiry.objects.get().language == "en"


def test_the_spanish_form_speaks_spanish(client, facility):
    html = client.get(spanish("inquiries:admissions")).content.decode()

    assert "¿Para quién es la ayuda?" in html
    assert "Su nombre" in html
    assert "Enviar mensaje" in html
    assert "Para un ser querido" in html
    assert "No lo sé" in html  # the level of care and the payment
    assert 'action="/es/admisiones/"' in html


def test_a_spanish_form_with_errors_comes_back_in_spanish(client, facility):
    response = client.post(spanish("inquiries:contact"), {**INQUIRY_POST, "first_name": "",
                                                           "email": "not an address"})  # fmt: skip
    html = response.content.decode()

    assert response.status_code == 200
    assert "Revise estos campos:" in html
    assert "Díganos su nombre." in html
    assert "Escriba un correo electrónico como nombre@ejemplo.com." in html
    assert '<html lang="es">' in html
    assert "Please" not in html
    assert not Inquiry.objects.exists()


def test_a_spanish_form_given_back_in_an_outage_stays_in_spanish(facility, monkeypatch):
    client = Client()
    client.get(spanish("inquiries:contact"))  # the facility is now in the cache

    def locked(*args, **kwargs):
        raise OperationalError("database is locked")

    monkeypatch.setattr(Inquiry, "save", locked)
    response = client.post(spanish("inquiries:contact"), INQUIRY_POST)
    html = response.content.decode()

    assert response.status_code == 503
    assert "Su mensaje todavía no se envió." in html
    assert "En este momento nuestro sitio no pudo recibir su mensaje." in html
    assert INQUIRY_POST["message"].replace("'", "&#x27;") in html
    assert 'action="/es/contacto/"' in html


def test_a_failed_csrf_check_on_a_spanish_form_gives_it_back_in_spanish(facility):
    client = Client(enforce_csrf_checks=True)
    response = client.post(spanish("inquiries:admissions"), INQUIRY_POST)
    html = response.content.decode()

    assert response.status_code == 403
    assert "Esta página estuvo abierta mucho tiempo" in html
    assert 'value="Jordan"' in html


def test_too_many_messages_are_refused_in_spanish(client, facility, settings):
    settings.CONTACT_RATE_LIMIT = (1, 3600)
    client.post(spanish("inquiries:contact"), INQUIRY_POST)
    response = client.post(spanish("inquiries:contact"), INQUIRY_POST)

    assert response.status_code == 429
    assert "Recibimos varios mensajes suyos en poco tiempo" in response.content.decode()
    assert "Si no puede esperar, llámenos al 1-855-605-2135." in response.content.decode()


def test_staff_are_told_to_call_back_in_spanish(client, facility, settings):
    settings.CONTACT_NOTIFY_EMAILS = ["admissions@example.org"]
    client.post(spanish("inquiries:admissions"), INQUIRY_POST)

    inquiry = Inquiry.objects.get()
    [sent] = mail.outbox
    assert sent.subject == f"New inquiry #{inquiry.reference} (Spanish)"
    assert "Sent in Spanish: please call back in Spanish." in sent.body
    assert "/admin/inquiries/inquiry/" in sent.body  # in English, for staff


def test_staff_see_the_language_in_the_admin_list_page_and_export(facility):
    spanish_inquiry = make_inquiry(first_name="Lucía", language="es")
    make_inquiry(days_old=1, first_name="Jordan")
    staff = logged_in(make_staff("admissions", "Admissions"))

    listing = staff.get(reverse("admin:inquiries_inquiry_changelist")).content.decode()
    assert re.search(r'<td class="field-language">Spanish</td>', listing)
    assert re.search(r'<td class="field-language">English</td>', listing)

    page = staff.get(spanish_inquiry.get_admin_url()).content.decode()
    assert re.search(r"Language:</label>\s*<div class=\"readonly\">Spanish</div>", page)
    assert '<html lang="en"' in page  # the admin stays in English

    exported = staff.post(
        reverse("admin:inquiries_inquiry_changelist"),
        {"action": "export_csv", "_selected_action": [spanish_inquiry.pk]},
    )
    rows = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig"))))
    assert rows[1][rows[0].index("Language")] == "Spanish"


def test_inquiries_from_before_keep_english(facility):
    assert make_inquiry().language == "en"


@pytest.fixture
def staff_written(pages):
    """The admissions page and the inquiry form's privacy notice, staff-written, the
    admissions page with its Spanish version (at its own slug)."""
    from facility.models import Page

    admissions = next(page for page in pages if page.slug == "admissions")
    in_spanish(
        admissions, title="Cómo ingresar", slug="admisiones", body="<p>Llámenos primero.</p>"
    )
    notice = Page.objects.create(
        slug="inquiry-privacy", title="Privacy of your inquiry", body="<p>We encrypt it.</p>"
    )
    return admissions, notice


def test_the_spanish_admissions_page_shows_the_staff_written_spanish_text(
    client, facility, staff_written
):
    english_html = client.get(reverse("inquiries:admissions")).content.decode()
    spanish_html = client.get(spanish("inquiries:admissions")).content.decode()

    assert "<h1>Cómo ingresar</h1>" in spanish_html
    assert "Llámenos primero." in spanish_html
    assert "<h1>Admissions</h1>" in english_html
    assert "Admissions text." in english_html


def test_a_privacy_notice_without_spanish_gives_the_spanish_form_its_own_words(
    client, facility, staff_written
):
    english_html = client.get(reverse("inquiries:admissions")).content.decode()
    spanish_html = client.get(spanish("inquiries:admissions")).content.decode()

    assert "We encrypt it." in english_html
    assert "We encrypt it." not in spanish_html
    assert "Su privacidad" in spanish_html
