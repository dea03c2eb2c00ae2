"""The notices a regulator reads, in English and Spanish (issue 33): the Good Faith
Estimate notice (45 CFR 149.610), the privacy policy read against the inquiry form's
fields, the Section 1557 notice (45 CFR 92.10), and the site map and sitemap.xml listing
the pages those notices point to."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from inquiries.forms import InquiryForm
from inquiries.models import Inquiry, InsuranceCheck

from .factories import make_inquiry
from .spanish_text import visible_text

pytestmark = pytest.mark.django_db


def text_of(html, language):
    """The page's visible text in `language`, its spaces (no-break ones too) made one, and
    none before a stop (a link's text ends a text node: "1-800-985-3059 .")."""
    text = re.sub(r"\s+", " ", " ".join(visible_text(html, language)).replace("\xa0", " "))
    return re.sub(r" ([.,;:)])", r"\1", text)


def get(client, name, language, *args):
    with translation.override(language):
        url = reverse(name, args=args)
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


# -- The Good Faith Estimate notice ---------------------------------------------------

# What 45 CFR 149.610 gives an uninsured or self-pay person, as the notice must say it.
GFE = {
    "en": [
        "Your right to receive a Good Faith Estimate",
        "gives you the right to receive a Good Faith Estimate of the expected total cost",
        "You do not have to ask for it: when you schedule care, we give you the estimate in "
        "writing at least 1 business day before the service.",
        "You may also ask us for an estimate before you schedule; we give it to you within 3 "
        "business days.",
        "If your bill comes to $400 or more above the estimate, you may dispute the bill.",
        "Keep a copy or a photo of your estimate.",
        "visit cms.gov/nosurprises or call 1-800-985-3059.",
    ],
    "es": [
        "Su derecho a recibir una estimación de buena fe",
        "le da derecho a recibir una estimación de buena fe del costo total esperado",
        "No necesita pedirla: cuando programe la atención, le daremos la estimación por "
        "escrito al menos 1 día hábil antes del servicio.",
        "También puede pedirnos una estimación antes de programar la atención; se la daremos "
        "en un plazo de 3 días hábiles.",
        "Si su factura supera la estimación en $400 o más, puede disputar la factura.",
        "Guarde una copia o una foto de su estimación.",
        "visite cms.gov/nosurprises o llame al 1-800-985-3059.",
    ],
}


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_estimate_notice_says_it_is_received_without_asking(client, demo_data, language):
    html = get(client, "inquiries:admissions", language)
    notice = html[html.index('class="good-faith-estimate"') :].split("</aside>")[0]
    text = text_of(notice, language)
    for sentence in GFE[language]:
        assert sentence in text
    # The old wording made the estimate something to ask for.
    assert "lets you ask us" not in text and "le permite pedirnos" not in text
    assert '<a href="https://www.cms.gov/nosurprises">' in notice
    assert '<a href="tel:+18009853059">' in notice


# -- The privacy policy against the inquiry form ---------------------------------------

# Each field the inquiry form can take, with the words the privacy policy names it by in
# each language. A new field fails the first test until the policy names it.
POLICY_NAMES = {
    "for_whom": ("whether you ask for yourself or for someone you care about",
                 "si pide ayuda para usted o para alguien que le importa"),
    "first_name": ("your first name", "su nombre de pila"),
    "phone": ("your phone number", "su número de teléfono"),
    "email": ("your e-mail address", "su correo electrónico"),
    "voicemail_ok": ("whether we may leave a voicemail", "si podemos dejarle un mensaje de voz"),
    "text_ok": ("or send a text", "o enviarle un mensaje de texto"),
    "best_time": ("the best time to call", "la mejor hora para llamarle"),
    "center": ("which center you are asking about", "el centro por el que pregunta"),
    "level_of_care": ("the kind of help you are looking for", "el tipo de ayuda que busca"),
    "payment": ("how you expect to pay", "cómo piensa pagar"),
    "plan_name": ("the name of your insurance plan", "el nombre de su plan de seguro"),
    "estimate_requested": ("whether you ask us for a Good Faith Estimate",
                           "si nos pide una estimación de buena fe"),
    "payer": ("the insurance company", "la compañía de seguros"),
    "member_id": ("the member ID", "el número de miembro"),
    "group_number": ("the group number", "el número de grupo"),
    "subscriber_name": ("the name and date of birth of the person the plan is in",
                        "el nombre y la fecha de nacimiento de la persona titular del plan"),
    "subscriber_birth_date": ("date of birth", "fecha de nacimiento"),
    "relationship": ("how the plan holder is related to the person who needs care",
                     "la relación de esa persona con quien necesita la atención"),
    "card_front": ("photos of the front and back of the insurance card",
                   "las fotos del frente y del reverso de la tarjeta del seguro"),
    "card_back": ("photos of the front and back of the insurance card",
                  "las fotos del frente y del reverso de la tarjeta del seguro"),
    "message": ("your message, if you write one", "su mensaje, si escribe uno"),
}  # fmt: skip
# A field no person sees (bots fill it): never stored, so never in the policy.
HONEYPOT = "website"
RETENTION = {
    "en": "We delete inquiries automatically {days} days after we receive them, and with "
    "each inquiry everything sent with it: the insurance details and the card photos.",
    "es": "Borramos las consultas automáticamente {days} días después de recibirlas, y con "
    "cada consulta, todo lo que llegó con ella: los datos del seguro y las fotos de la "
    "tarjeta.",
}


def policy_text(client, language):
    with translation.override(language):
        slug = "politica-de-privacidad" if language == "es" else "privacy-policy"
        url = reverse("facility:page", args=[slug])
    return text_of(client.get(url).content.decode(), language)


def test_every_field_of_the_form_is_named_in_the_policys_list():
    fields = set(InquiryForm.base_fields) - {HONEYPOT}
    assert fields == set(POLICY_NAMES)
    stored = {f.name for model in (Inquiry, InsuranceCheck) for f in model._meta.get_fields()}
    assert HONEYPOT not in stored


@pytest.mark.parametrize("index, language", [(0, "en"), (1, "es")])
def test_the_policy_names_each_field_and_how_long_it_is_kept(client, demo_data, index, language):
    text = policy_text(client, language)
    missing = [name for name, words in POLICY_NAMES.items() if words[index] not in text]
    assert missing == []
    assert RETENTION[language].format(days=settings.CONTACT_MESSAGE_RETENTION_DAYS) in text


def test_the_card_photos_go_when_their_inquiry_is_purged(settings):
    kept = make_inquiry(days_old=settings.CONTACT_MESSAGE_RETENTION_DAYS - 1)
    gone = make_inquiry(days_old=settings.CONTACT_MESSAGE_RETENTION_DAYS + 1)
    for inquiry in (kept, gone):
        InsuranceCheck.objects.create(
            inquiry=inquiry, payer="Acme", member_id="XY1", card_front=b"\xff\xd8photo"
        )
    call_command("purge_inquiries", verbosity=0)
    assert list(InsuranceCheck.objects.values_list("inquiry", flat=True)) == [kept.pk]


# -- Section 1557 ---------------------------------------------------------------------

NOTICE_1557 = {
    "en": (
        "nondiscrimination-notice",
        "National origin includes limited English proficiency and primary language.",
        "For people with limited English proficiency:",
        "This notice is posted on our website at http://testserver/nondiscrimination-notice/",
    ),
    "es": (
        "aviso-de-no-discriminacion",
        "El origen nacional incluye el dominio limitado del inglés y el idioma principal.",
        "Para personas con dominio limitado del inglés:",
        "Este aviso está publicado en nuestro sitio web, en "
        "http://testserver/es/aviso-de-no-discriminacion/",
    ),
}


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_1557_notice_names_lep_and_where_it_is_posted(client, demo_data, language):
    slug, *sentences = NOTICE_1557[language]
    html = get(client, "facility:page", language, slug)
    text = text_of(html, language)
    for sentence in sentences:
        assert sentence in text
    assert 'id="where-posted"' in html


# -- The site map and sitemap.xml -----------------------------------------------------

LISTED = ["facility:language_assistance", "facility:team", "facility:centers"]


def paths(language):
    with translation.override(language):
        return [reverse(name) for name in LISTED]


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_site_map_lists_language_assistance_team_and_locations(client, demo_data, language):
    html = get(client, "website:site_map", language)
    for path in paths(language):
        assert f'<a href="{path}">' in html, path


def test_sitemap_xml_lists_them_in_both_languages(client, demo_data):
    root = ET.fromstring(client.get(reverse("sitemap")).content)
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    entries = {
        url.findtext("s:loc", None, namespace): url.findtext("s:lastmod", None, namespace)
        for url in root.findall("s:url", namespace)
    }
    for path in paths("en") + paths("es"):
        assert entries.get("http://testserver" + path), path  # listed, with its date
