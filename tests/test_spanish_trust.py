"""Spanish that a native reader and a regulator trust (issue 20): the crisis line with
AYUDA, no unmarked English, Spanish addresses, the Section 1557 notice, and the
translations kept whole."""

import re
import shutil
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from articles.models import Post
from facility.models import Facility, Holiday, LanguageTagline, Page
from tests.spanish_text import english_words, texting_988_without_ayuda, visible_text

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "locale" / "es" / "LC_MESSAGES" / "django.po"
# The site's own pages a sitemap does not list.
OWN_PAGES = [
    "/es/",
    "/es/contacto/",
    "/es/admisiones/",
    "/es/admisiones/gracias/",
    "/es/centros/",
    "/es/nuestro-equipo/",
    "/es/servicios/",
    "/es/recorrido/",
    "/es/mapa-del-sitio/",
    "/es/buscar/",
    "/es/buscar/?q=recaída",
    "/es/asistencia-linguistica/",
    "/es/no-such-page/",
]


def sitemap_paths(client):
    paths, queue = set(), ["/sitemap.xml"]
    while queue:
        xml = client.get(queue.pop()).content.decode()
        for loc in re.findall(r"<loc>(.*?)</loc>", xml):
            path = re.sub(r"^https?://[^/]+", "", loc)
            (queue.append(path) if path.endswith(".xml") else paths.add(path))
    return paths


def spanish_pages(client):
    """(path, html) of every Spanish page: the sitemap's, the site's own, and the two
    forms sent empty (with their errors)."""
    paths = sorted({p for p in sitemap_paths(client) if p.startswith("/es/")} | set(OWN_PAGES))
    pages = []
    for path in paths:
        response = client.get(path)
        assert response.status_code in (200, 404), path
        pages.append((path, response.content.decode()))
    for path in ("/es/admisiones/", "/es/contacto/"):
        pages.append((f"POST {path}", client.post(path, {}).content.decode()))
    return pages


# 1. The crisis line


def test_the_988_check_catches_texting_without_ayuda():
    old = "Llame o envíe un mensaje de texto al 988 (marque 2 para español)."
    assert texting_988_without_ayuda(old) == [old]
    assert texting_988_without_ayuda("Llame al 988 y marque 2, o envíe AYUDA por texto.") == []


def test_every_spanish_page_says_to_text_ayuda_to_988(demo_data, client):
    found = {}
    for path, html in spanish_pages(client):
        bad = texting_988_without_ayuda(" ".join(visible_text(html)))
        if bad:
            found[path] = bad
    assert found == {}
    crisis_bar = client.get("/es/").content.decode()
    texting = 'envíe AYUDA por <a href="sms:988?body=AYUDA">mensaje de texto al 988</a>'
    assert f'Llame al <a href="tel:988">988</a> y marque 2, o {texting}' in crisis_bar


# 2. No English a Spanish reader sees unmarked


def test_the_english_check_catches_what_the_review_found():
    for english in ("E-mail", "Christmas Day", "(demo data)", "New Year's Day"):
        assert english_words(english), english
    spanish = "Día de Navidad. Correo electrónico (datos de demostración). Llame a cualquier hora."
    assert english_words(spanish) == []
    marked = '<p>Licencia otorgada por <span lang="en">The Joint Commission</span></p>'
    assert visible_text(marked) == ["Licencia otorgada por"]


def test_no_spanish_page_shows_unmarked_english(demo_data, client):
    found = {}
    for path, html in spanish_pages(client):
        words = english_words(" ".join(visible_text(html)))
        if words:
            found[path] = words
    assert found == {}


def christmas_next_week():
    """The demo's Christmas Day a week from today, so that the center pages list it on
    any day of the year (the demo's date is this year's 25 December, past on 1 January)."""
    Holiday.objects.filter(name_en="Christmas Day").update(
        date=timezone.localdate() + timedelta(days=7)
    )


def test_holidays_scopes_and_plan_notes_are_shown_in_spanish(demo_data, client):
    christmas_next_week()
    html = client.get("/es/centros/tiffin/").content.decode()
    assert "Día de Navidad" in html and "Christmas" not in html
    assert "tratamiento ambulatorio: alcohol y otras drogas (datos de demostración)" in html
    assert '<span lang="en">Example Mutual PPO</span> (datos de demostración)' in html
    assert '<span lang="en">CARF International</span>' in html
    english = client.get("/locations/tiffin/").content.decode()
    assert "Christmas Day" in english and "(demo data)" in english


def test_a_holiday_without_spanish_name_is_marked_english(demo_data, client):
    christmas_next_week()
    Holiday.objects.filter(name_en="Christmas Day").update(name_es=None)
    html = client.get("/es/centros/tiffin/").content.decode()
    assert '<span lang="en">Christmas Day</span>' in html


def test_the_share_link_says_correo_electronico(demo_data, client):
    with translation.override("es"):
        path = Post.objects.published().in_language("es").first().get_absolute_url()
    html = client.get(path).content.decode()
    assert ">Correo electrónico<span" in html and ">E-mail<" not in html


# 3. Spanish addresses


@pytest.mark.parametrize(
    "old, new",
    [
        ("/es/contact/", "/es/contacto/"),
        ("/es/locations/", "/es/centros/"),
        ("/es/locations/tiffin/", "/es/centros/tiffin/"),
        ("/es/our-team/", "/es/nuestro-equipo/"),
        ("/es/services/", "/es/servicios/"),
        ("/es/admissions/", "/es/admisiones/"),
        ("/es/site-map/", "/es/mapa-del-sitio/"),
        ("/es/accessibility/", "/es/accesibilidad/"),
        ("/es/who-we-are/", "/es/quienes-somos/"),
    ],
)
def test_english_paths_under_es_move_for_good(demo_data, client, old, new):
    response = client.get(old)
    assert (response.status_code, response["Location"]) == (301, new)
    assert client.get(new).status_code == 200


def test_a_form_sent_to_the_old_spanish_address_is_sent_on_as_it_was(demo_data, client):
    response = client.post("/es/admissions/", {"name": "Ana"})
    assert (response.status_code, response["Location"]) == (308, "/es/admisiones/")


def test_english_addresses_stay_english(demo_data, client):
    for path in ("/contact/", "/locations/", "/our-team/", "/services/", "/admissions/"):
        assert client.get(path).status_code == 200


def test_menus_link_final_addresses_without_a_query_more(
    demo_data, client, django_assert_num_queries
):
    html = client.get("/es/").content.decode()
    links = set(re.findall(r'<a href="(/es/[^"#?]*)"', html))
    assert "/es/quienes-somos/" in links and "/es/who-we-are/" not in links
    hops = {link: client.get(link).status_code for link in links}
    assert {link: status for link, status in hops.items() if status != 200} == {}
    client.get("/es/contacto/")  # the facility is cached now
    with django_assert_num_queries(0):
        Facility.for_request(type("Request", (), {})()).page_slugs("es")


def test_sitemap_hreflang_and_canonical_use_spanish_addresses(demo_data, client):
    paths = sitemap_paths(client)
    assert {
        "/es/contacto/",
        "/es/servicios/",
        "/es/mapa-del-sitio/",
        "/es/centros/tiffin/",
    } <= paths
    assert not [path for path in paths if path.startswith(("/es/services/", "/es/locations/"))]
    html = client.get("/contact/").content.decode()
    assert 'hreflang="es" href="http://testserver/es/contacto/"' in html
    spanish = client.get("/es/contacto/").content.decode()
    assert '<link rel="canonical" href="http://testserver/es/contacto/"' in spanish


# 4. Section 1557


def test_the_notice_gives_coordinator_ocr_and_ohio_taglines(demo_data, client):
    for path in ("/nondiscrimination-notice/", "/es/aviso-de-no-discriminacion/"):
        html = client.get(path).content.decode()
        assert "civilrights@manorhillrecovery.example" in html
        assert 'href="tel:+14195550187">419-555-0187</a> (TTY: <a href="tel:711">711</a>)' in html
        assert "https://ocrportal.hhs.gov/ocr/portal/lobby.jsf" in html
        assert "1-800-368-1019" in html and "1-800-537-7697" in html
        assert "Room 509F, HHH Building" in html
        assert 'href="tel:+18556052135">1-855-605-2135</a> (TTY: <a href="tel:711">711</a>)' in html
        assert "la parte superior" not in html and "top of this page" not in html
        taglines = re.findall(r'<li lang="([^"]+)" dir="(ltr|rtl)">', html)
        assert len(taglines) == 15
        assert {"so", "ne", "es", "ar"} <= {code for code, _ in taglines}
        assert ("ar", "rtl") in taglines
    spanish = client.get("/es/aviso-de-no-discriminacion/").content.decode()
    assert "Coordinación de la Sección 1557" in spanish
    assert "cambio razonable" in spanish and "documentos escritos traducidos" in spanish


def test_staff_edit_the_taglines_per_state(demo_data, client):
    LanguageTagline.objects.filter(state="OH", language="so").update(text="Wac {phone} hadda.")
    html = client.get("/es/asistencia-linguistica/").content.decode()
    assert "Wac <a" in html
    LanguageTagline.objects.filter(state="OH").update(state="MI")
    html = client.get("/es/asistencia-linguistica/").content.decode()
    assert '<li lang="so"' not in html  # Michigan's list is not Ohio's


def test_the_header_names_language_assistance_in_several_languages(demo_data, client):
    html = client.get("/es/blog/").content.decode()
    header = html.split('<header class="site-header">')[1].split("</header>")[0]
    link = re.search(r'<a class="language-help" href="([^"]+)">(.*?)</a>', header)
    assert link.group(1) == "/es/asistencia-linguistica/"
    for marked in ('lang="en"', 'lang="zh-Hans"', 'lang="ar" dir="rtl"', 'lang="so"', 'lang="ne"'):
        assert marked in link.group(2)
    assert "Asistencia lingüística" in link.group(2)


def test_one_name_for_the_service(demo_data, client):
    for path in ("/es/asistencia-linguistica/", "/es/"):
        html = client.get(path).content.decode()
        assert "Asistencia lingüística" in html
        assert "con el idioma<" not in html and "Ayuda con el idioma" not in html


# 5. Corrections that show


def test_times_keep_together_and_noon_is_spelled_out(demo_data, client):
    html = client.get("/es/centros/tiffin/").content.decode()
    assert "5:00\u00a0p.\u00a0m." in html
    assert "p. m." not in html.replace("\u00a0", "_")  # never a breakable space
    with translation.override("es"):
        from datetime import time

        from facility.models.hours import _clock

        assert _clock(time(12)) == "12:00 del mediodía"
        assert _clock(time(0)) == "12:00 de la noche"


# 6. Keep it true


def po_entries(path):
    """{(context, msgid): msgstr} of the live entries, and the fuzzy ones' msgids."""
    entries, fuzzy = {}, []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        lines = [line for line in block.splitlines() if not line.startswith("#~")]
        fields = {}
        for line in lines:
            match = re.match(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d\])?) "(.*)"$', line)
            if match:
                fields[match.group(1)] = match.group(2)
        if fields.get("msgid"):
            key = (fields.get("msgctxt"), fields["msgid"])
            entries[key] = [value for name, value in fields.items() if name.startswith("msgstr")]
            if any(line.startswith("#,") and "fuzzy" in line for line in lines):
                fuzzy.append(key)
    return entries, fuzzy


def test_makemessages_would_add_nothing(tmp_path):
    """makemessages run on a copy (the project's sources linked, the .po copied) finds no
    string the committed .po lacks."""
    for entry in ROOT.iterdir():
        if entry.name in (".venv", "node_modules", "locale", ".git", "tests", "benchmarks"):
            continue
        (tmp_path / entry.name).symlink_to(entry)
    shutil.copytree(ROOT / "locale", tmp_path / "locale")
    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "makemessages",
            "-l",
            "es",
            "--no-wrap",
            "--add-location=file",
            "--symlinks",
            "-i",
            "media/*",
            "-i",
            "screenshots/*",
        ],
        cwd=tmp_path,
        check=True,
        capture_output=True,
    )
    made, _ = po_entries(tmp_path / "locale" / "es" / "LC_MESSAGES" / "django.po")
    committed, _ = po_entries(PO)
    assert sorted(set(made) - set(committed), key=str) == []


def test_admin_lists_show_which_spanish_versions_are_missing_or_older(demo_data, admin_client):
    page = Page.objects.get(slug_en="privacy-policy")
    admin_client.post(
        reverse("admin:facility_page_change", args=[page.pk]),
        {
            **{
                f: getattr(page, f) or ""
                for f in (
                    "title_en",
                    "title_es",
                    "slug_en",
                    "slug_es",
                    "body_en",
                    "body_es",
                    "seo_title_en",
                    "seo_title_es",
                    "search_description_en",
                    "search_description_es",
                )
            },
            "title_en": "Privacy Policy (revised)",
        },
    )
    page.refresh_from_db()
    assert page.title_en == "Privacy Policy (revised)"
    assert page.version_state("es") == "older"
    html = admin_client.get(reverse("admin:facility_page_changelist")).content.decode()
    assert "Older than English" in html and "Up to date" in html
    older = admin_client.get(reverse("admin:facility_page_changelist") + "?spanish=older")
    assert older.context["cl"].result_count == 1
    Post.objects.filter(pk=Post.objects.first().pk).update(title_es=None, slug_es=None)
    posts = admin_client.get(reverse("admin:articles_post_changelist") + "?spanish=missing")
    assert posts.context["cl"].result_count == 1
    assert "Missing" in posts.content.decode()


def test_a_new_spanish_slug_of_a_menu_page_is_in_the_menus_at_once(demo_data, client):
    assert '<a href="/es/quienes-somos/">' in client.get("/es/").content.decode()
    page = Page.objects.get(slug_en="who-we-are")
    page.slug_es = "sobre-nosotros"
    page.save()
    html = client.get("/es/").content.decode()
    assert '<a href="/es/sobre-nosotros/">' in html and "/es/quienes-somos/" not in html


def test_editors_keep_the_section_1557_facts_and_taglines_in_the_admin(demo_data, editor_client):
    facility = Facility.objects.get()
    html = editor_client.get(
        reverse("admin:facility_facility_change", args=[facility.pk])
    ).content.decode()
    for field in ("coordinator_title_en", "coordinator_title_es", "coordinator_address",
                  "coordinator_phone", "coordinator_email", "ocr_portal", "ocr_phone",
                  "ocr_tdd", "ocr_address"):  # fmt: skip
        assert f'name="{field}"' in html, field
    taglines = editor_client.get(reverse("admin:facility_languagetagline_changelist") + "?state=OH")
    assert taglines.status_code == 200
    assert taglines.context["cl"].result_count == 15
    center = facility.centers[1]
    html = editor_client.get(reverse("admin:facility_center_change", args=[center.pk])).content
    assert b'name="holidays-0-name_es"' in html and b'name="insurance_plans-0-note_es"' in html
