"""What a Spanish reader stumbled on (issue 33), each on the page a reader sees: day
names in lower case inside a sentence, the hours table that says "Tuesday to Friday"
beside a Monday row, the availability wording, the demo showing availability and
self-pay prices, one tap to text 988 (with AYUDA in Spanish), and the inquiry form's
wording. Clocks are pinned in the site's zone."""

import re
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from facility.models import Availability, Center, OpeningHours
from facility.models.hours import day_labels

from .clock import pinned
from .factories import INQUIRY_POST
from .test_spanish_trust import sitemap_paths

pytestmark = pytest.mark.django_db

NEW_YORK = ZoneInfo("America/New_York")


def center_page(client, slug, language, moment=None):
    with translation.override(language):
        url = reverse("facility:center", args=[slug])
    with pinned(moment or datetime(2026, 12, 9, 10, tzinfo=NEW_YORK)):
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode().replace("\xa0", " ")


def hours_table(html):
    start = html.index('aria-labelledby="center-hours-title"')
    section = html[start : html.index("</section>", start)]
    return re.findall(r"<dt>([^<]*)</dt>", section)


# -- Day names ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "moment",
    [
        # A Friday evening; Christmas Eve (Christmas closed, then the weekend); New Year's
        # Eve at 23:30 (New Year's Day closed, then the weekend): Tiffin opens on Monday.
        datetime(2026, 12, 11, 18, tzinfo=NEW_YORK),
        datetime(2026, 12, 24, 18, tzinfo=NEW_YORK),
        datetime(2026, 12, 31, 23, 30, tzinfo=NEW_YORK),
    ],
)
def test_a_day_inside_a_sentence_is_lower_case(client, demo_data, moment):
    html = center_page(client, "tiffin", "es", moment)
    assert "Cerrado ahora</strong>, abre el lunes a las 8:00 a. m." in html
    assert not re.search(r"abre el (Lunes|Martes|Miércoles|Jueves|Viernes)", html)


@pytest.mark.parametrize(
    "language, rows",
    [
        ("es", ["Lunes", "De martes a viernes", "Sábados", "Domingos"]),
        ("en", ["Monday", "Tuesday to Friday", "Saturdays", "Sundays"]),
    ],
)
def test_the_hours_table_never_says_monday_twice(client, demo_data, language, rows):
    assert hours_table(center_page(client, "tiffin", language))[:4] == rows
    # With no row of its own for a day, weekdays are still "De lunes a viernes".
    findlay = hours_table(center_page(client, "findlay", language))
    assert findlay[0] == {"es": "De lunes a viernes", "en": "Weekdays"}[language]


def test_days_left_apart_are_listed_and_a_row_covering_none_is_left_out(facility):
    center = facility.main_center
    weekdays = OpeningHours(center=center, days="weekdays", opens=time(8), closes=time(17))
    wednesday = OpeningHours(center=center, days="wednesday", opens=time(8), closes=time(12))
    with translation.override("es"):
        assert [label for label, _ in day_labels([weekdays, wednesday])] == [
            "Lunes, martes, jueves y viernes",
            "Miércoles",
        ]
    with translation.override("en"):
        assert day_labels([weekdays, wednesday])[0][0] == "Monday, Tuesday, Thursday and Friday"
    every_day = [OpeningHours(center=center, days=day) for day in
                 ("monday", "tuesday", "wednesday", "thursday", "friday")]  # fmt: skip
    assert weekdays not in [row for _, row in day_labels([weekdays, *every_day])]


# -- Is there room? and prices, as the demo shows them -----------------------------------

ROOM = {
    "es": {
        "findlay": ["¿Hay cupo?", "Aceptamos pacientes nuevos",
                    "Espera breve: alrededor de 3 días", "Hay lista de espera",
                    "$450 – $700 por día", "$9,500 – $14,000 por toda la estadía",
                    "Su derecho a recibir una estimación de buena fe"],
        "tiffin": ["Espera breve: alrededor de 1 día", "Por ahora no aceptamos pacientes nuevos",
                   "$1,200 – $1,800 por semana", "$95 – $150 por sesión"],
    },
    "en": {
        "findlay": ["Is there room?", "Accepting new patients", "A short wait: about 3 days",
                    "Waiting list", "$450 – $700 per day", "$9,500 – $14,000 for the whole stay",
                    "Your right to receive a Good Faith Estimate"],
        "tiffin": ["A short wait: about 1 day", "Not accepting new patients",
                   "$1,200 – $1,800 per week", "$95 – $150 per session"],
    },
}  # fmt: skip


@pytest.mark.parametrize("language", ["es", "en"])
def test_the_demo_shows_availability_and_self_pay_prices(client, demo_data, language):
    # An hour after the demo was loaded (its answers are given as of that moment), whatever
    # day the suite runs on: the answers are shown for AVAILABILITY_MAX_AGE_HOURS only.
    shortly_after = Availability.objects.latest("as_of").as_of + timedelta(hours=1)
    for slug, phrases in ROOM[language].items():
        html = center_page(client, slug, language, shortly_after)
        for phrase in phrases:
            assert phrase in html, (slug, phrase)
    room = center_page(client, "findlay", "es", shortly_after).split('id="center-room-title"')[1]
    assert "lugar" not in room.split("</section>")[0]


def test_as_of_agrees_with_every_answer_and_the_hour(demo_data):
    answer = Availability.objects.get(center__slug="findlay", status="waiting-list")
    answer.as_of = datetime(2026, 12, 7, 13, 5, tzinfo=NEW_YORK)
    with translation.override("es"):
        said = answer.as_of_display(NEW_YORK).replace("\xa0", " ")
        assert said == "información del 7 de diciembre a la 1:05 p. m."
        answer.as_of = datetime(2026, 12, 7, 12, 47, tzinfo=NEW_YORK)
        said = answer.as_of_display(NEW_YORK).replace("\xa0", " ")
        assert said == "información del 7 de diciembre a las 12:47 p. m."


def test_the_demo_gives_its_answers_again_at_each_load(demo_data):
    from django.core.management import call_command

    later = datetime(2027, 2, 1, 9, tzinfo=NEW_YORK)
    with pinned(later):
        call_command("load_demo", verbosity=0)
    assert set(Availability.objects.values_list("as_of", flat=True)) == {later}


# -- One tap to text 988 ---------------------------------------------------------------

TEXTING = {
    "es": (re.compile(r"mensaje de texto al 988"), 'href="sms:988?body=AYUDA"'),
    "en": (re.compile(r"\btext 988\b", re.IGNORECASE), 'href="sms:988"'),
}


def blocks(html):
    """The page's paragraphs and list items, as HTML."""
    return re.findall(r"<(?:p|li)\b[^>]*>.*?</(?:p|li)>", html, re.DOTALL)


@override_settings(FRAGMENT_CACHE_SECONDS=0)
@pytest.mark.parametrize("language", ["es", "en"])
def test_every_text_988_line_is_a_link_that_fills_in_the_word(client, demo_data, language):
    says_text, link = TEXTING[language]
    prefix = "/es/" if language == "es" else "/"
    paths = {p for p in sitemap_paths(client) if p.startswith("/es/") == (language == "es")}
    with translation.override(language):
        paths |= {reverse("inquiries:admissions"), reverse("inquiries:contact"), prefix}
    missing, seen = [], 0
    for path in sorted(paths):
        for block in blocks(client.get(path).content.decode()):
            text = re.sub(r"<[^>]+>", "", block)
            if says_text.search(text):
                seen += 1
                if link not in block:
                    missing.append((path, text.strip()[:80]))
    assert missing == []
    assert seen > len(paths)  # the crisis bar on every page, and the posts' own lines


# -- The inquiry form -------------------------------------------------------------------


def test_the_spanish_form_gives_the_cards_english_words_and_asks_for_year_month_day(
    client, demo_data
):
    html = client.get("/es/admisiones/").content.decode()
    assert 'Número de miembro (en la tarjeta: <span lang="en">Member ID</span>)' in html
    assert 'Número de grupo (en la tarjeta: <span lang="en">Group No.</span>)' in html
    assert "Nombre de la persona titular del plan<" in html and "suscriptor" not in html
    assert "Madre, padre, tutor o tutora legal" in html
    # The privacy link goes straight to the Spanish address: no redirect.
    assert '<a href="/es/politica-de-privacidad/">Nuestra política de privacidad</a>' in html
    sent = client.post("/es/admisiones/", {**INQUIRY_POST, "subscriber_birth_date": "25 de abril"})
    assert "Escriba la fecha en el orden año-mes-día, por ejemplo 1980-04-25." in (
        sent.content.decode()
    )
    assert "(en la tarjeta:" not in client.get("/admissions/").content.decode()


def test_the_error_summary_has_no_doubled_stops_and_names_no_missing_option(client, demo_data):
    tiffin = Center.objects.get(slug="tiffin")
    sent = {**INQUIRY_POST, "center": tiffin.slug, "level_of_care": "Residential detox",
            "payment": "private-insurance", "estimate_requested": "on"}  # fmt: skip
    html = client.post("/es/admisiones/", sent).content.decode()
    start = html.index('id="form-errors"')
    summary = html[start : html.index("</div>", start)]
    assert "?:" not in summary and ".:" not in summary
    assert ">Estimación de buena fe</a> – " in summary
    assert "o «No lo sé»." in html and "No estoy seguro" not in html


# -- Spanish addresses and the review byline --------------------------------------------


def test_spanish_addresses_for_language_assistance_and_blog_categories(client, demo_data):
    with translation.override("es"):
        assistance = reverse("facility:language_assistance")
        category = reverse("articles:category", args=["familias"])
    assert (assistance, category) == ("/es/asistencia-linguistica/", "/es/blog/categoria/familias/")
    assert client.get(assistance).status_code == client.get(category).status_code == 200
    # The old addresses, in links and printed notices, move for good to the new ones.
    old = client.get("/es/asistencia-con-el-idioma/")
    assert (old.status_code, old["Location"]) == (301, assistance)
    old = client.get("/es/blog/category/familias/")
    assert (old.status_code, old["Location"]) == (301, category)


def test_the_reviewers_title_is_lower_case_inside_the_sentence(client, demo_data):
    from articles.models import Post

    post = Post.objects.published().filter(reviewer_profile__name="Maya Okafor").first()
    with translation.override("es"):
        html = client.get(post.get_absolute_url()).content.decode()
    assert re.search(
        r"Revisión médica: Maya Okafor, MD, directora médica, el <time[^>]*>\d+ de \w+ de \d{4}",
        html,
    )
    with translation.override("en"):
        html = client.get(post.get_absolute_url()).content.decode()
    assert "Medically reviewed by Maya Okafor, MD, Medical Director, on <time" in html


def test_a_centers_english_name_is_marked_on_spanish_pages(client, demo_data):
    name = '<span lang="en">Manor Hill Outpatient Office, Tiffin</span>'
    assert f"<h1>{name}</h1>" in center_page(client, "tiffin", "es")
    for path in ("/es/centros/", "/es/mapa-del-sitio/"):
        assert name in client.get(path).content.decode(), path
    assert "<h1>Manor Hill Outpatient Office, Tiffin</h1>" in center_page(client, "tiffin", "en")
