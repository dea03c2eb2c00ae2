"""What the inquiry pages carry for the moment sending fails (static/js/inquiry.js shows
it): in both languages, the phone to tap and 988, and the privacy notice saying that
nothing typed is kept in the browser."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


def notice(html):
    found = re.search(r'<div[^>]*id="inquiry-not-sent"[^>]*>(.*?)</div>', html, re.S)
    assert found and " hidden" in found.group(0).split(">")[0]  # shown only by the script
    return found.group(1)


@pytest.mark.parametrize("name", ["inquiries:admissions", "inquiries:contact"])
def test_each_inquiry_page_has_the_notice_with_the_phone_and_988(client, facility, name):
    html = client.get(reverse(name)).content.decode()

    text = notice(html)
    assert "Your message was not sent yet." in text
    assert f'<a href="{facility.phone_href}">{facility.phone}</a>' in text
    assert '<a href="tel:988">988</a>' in text
    # Why, shown by the script: no answer (the first), or a body too large (hidden).
    assert '<p data-not-sent="unanswered">Our website is not answering just now.' in text
    assert '<p data-not-sent="too-large" hidden>It is too large to send' in text
    assert "Nothing you type here is kept in your browser" in html
    assert re.search(r'<script src="[^"]*js/inquiry[.\w]*js" defer></script>', html)


def test_the_spanish_page_says_it_in_spanish(client, facility):
    with translation.override("es"):
        url = reverse("inquiries:admissions")
    html = client.get(url).content.decode()

    text = notice(html)
    assert "Su mensaje todavía no se envió." in text
    assert "Nuestro sitio no responde en este momento." in text
    assert 'envíe AYUDA por <a href="sms:988?body=AYUDA">mensaje de texto al 988</a>' in text
    assert f'<a href="{facility.phone_href}">{facility.phone}</a>' in text
    assert "Nada de lo que escribe aquí se guarda en su navegador" in html


def test_the_form_given_back_in_spanish_says_to_call_in_spanish(client, facility, monkeypatch):
    """The app's own answer when the inquiry could not be saved (the database locked):
    every sentence of it in the page's language."""
    from django.db import OperationalError

    from inquiries.models import Inquiry

    from .test_unsent_messages import TYPED

    def locked(*args, **kwargs):
        raise OperationalError("database is locked")

    monkeypatch.setattr(Inquiry, "save", locked)
    with translation.override("es"):
        url = reverse("inquiries:contact")

    html = client.post(url, TYPED).content.decode()

    assert f"Si no puede esperar, llámenos al {facility.phone}." in html
    assert "If it cannot wait" not in html
