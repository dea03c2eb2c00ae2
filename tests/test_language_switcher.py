"""Every page links to itself in the other language (or to that language's home page when
it has no version there), with hreflang alternates in the head, <html lang> and the
JSON-LD's inLanguage (plumbing/templatetags/languages.py)."""

import json
import re
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import translation

from articles.models import Post
from facility.models import Center

from .factories import in_spanish, two_posts_in_spanish

pytestmark = pytest.mark.django_db

HOST = "http://testserver"


@pytest.fixture
def site(facility, pages, make_post, make_service, make_photo, recommend):
    """A page of each kind, the translated ones with Spanish versions at their own slugs."""
    _older, post = two_posts_in_spanish(make_post, recommend)
    make_photo(caption="The garden")
    Center.objects.create(
        name="Toledo Outpatient", slug="toledo", street="1 Main St", city="Toledo",
        state="OH", postal_code="43604", phone="419-555-0100",
    )  # fmt: skip
    service = in_spanish(
        make_service(name="Medical Detox"),
        name="Desintoxicación médica", slug="desintoxicacion-medica", body="<p>Sí.</p>",
    )  # fmt: skip
    page = in_spanish(pages[0], title="Quiénes somos", slug="quienes-somos", body="<p>Hola.</p>")
    return {"post": post, "service": service, "page": page}


def page_paths(site, language="en"):
    """One page of every kind, by name: its path in `language`."""
    with translation.override(language):
        return _page_paths(site)


def _page_paths(site):
    post = site["post"]
    return {
        "home": reverse("website:home"),
        "blog": reverse("articles:list"),
        "post": post.get_absolute_url(),
        "category": post.category.get_absolute_url(),
        "service": site["service"].get_absolute_url(),
        "staff page": site["page"].get_absolute_url(),
        "center": reverse("facility:center", args=["findlay"]),
        "team": reverse("facility:team"),
        "locations": reverse("facility:centers"),
        "search": reverse("website:search"),
        "contact": reverse("inquiries:contact"),
        "admissions": reverse("inquiries:admissions"),
        "site map": reverse("website:site_map"),
    }


def switcher(html):
    """(text, href, lang, hreflang) of the switcher's links."""
    nav = re.search(r'<nav class="language-switcher"[^>]*>(.*?)</nav>', html, re.S).group(1)
    return [
        (text, href, lang, hreflang)
        for href, lang, hreflang, text in re.findall(
            r'<a href="([^"]+)" lang="([^"]+)" hreflang="([^"]+)"[^>]*>([^<]+)</a>', nav
        )
    ]


def alternates(html):
    found = re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', html)
    return dict(found)


KINDS = [
    "home", "blog", "post", "category", "service", "staff page", "center", "team",
    "locations", "search", "contact", "admissions", "site map",
]  # fmt: skip


@pytest.mark.parametrize("kind", KINDS)
def test_an_english_page_links_to_itself_in_spanish(client, site, kind):
    path = page_paths(site)[kind]
    spanish = page_paths(site, "es")[kind]
    html = client.get(path).content.decode()

    assert spanish.startswith("/es/")
    assert '<html lang="en">' in html
    assert switcher(html) == [("Español", spanish, "es", "es")]
    assert alternates(html) == {
        "en": HOST + path,
        "es": HOST + spanish,
        "x-default": HOST + path,
    }
    # The link lands on the page itself, not on a redirect.
    assert client.get(spanish).status_code == 200


@pytest.mark.parametrize("kind", KINDS)
def test_a_spanish_page_links_to_itself_in_english(client, site, kind):
    path = page_paths(site)[kind]
    spanish = page_paths(site, "es")[kind]
    response = client.get(spanish)
    html = response.content.decode()

    assert response.status_code == 200
    assert '<html lang="es">' in html
    assert switcher(html) == [("English", path, "en", "en")]
    assert alternates(html)["es"] == HOST + spanish
    assert f'<link rel="canonical" href="{HOST}{spanish}">' in html
    assert client.get(path).status_code == 200


@pytest.mark.parametrize("kind", ["post", "category", "service", "staff page"])
def test_spanish_versions_have_their_own_slugs(site, kind):
    path = page_paths(site)[kind]
    spanish = page_paths(site, "es")[kind]

    assert spanish != "/es" + path


def test_the_switcher_has_a_label_in_the_page_language(client, site):
    assert 'aria-label="Language"' in client.get("/").content.decode()
    assert 'aria-label="Idioma"' in client.get("/es/").content.decode()


def test_a_post_without_a_spanish_version_sends_spanish_readers_home(client, site):
    url = page_paths(site)["post"]
    with mock.patch.object(Post, "available_in", lambda self, code=None: code != "es", create=True):
        html = client.get(url).content.decode()

    links = switcher(html)
    assert links == [("Español", "/es/", "es", "es")]
    assert 'title="Esta página no está disponible en español' in html
    # No alternate for a version that does not exist.
    assert alternates(html) == {}


def test_an_untranslated_post_is_not_listed_in_spanish_and_its_address_redirects(
    client, site, make_post
):
    english_only = make_post(title="Only in English")
    url = english_only.get_absolute_url()
    html = client.get(url).content.decode()

    assert switcher(html) == [("Español", "/es/", "es", "es")]
    assert "/es" + url not in html
    response = client.get("/es" + url)
    assert response.status_code == 302 and response["Location"] == url
    assert "Only in English" not in client.get("/es/blog/").content.decode()
    assert "Only in English" in client.get("/blog/").content.decode()


def test_the_switcher_follows_the_object_s_own_address_in_each_language(client, site):
    url = page_paths(site)["service"]
    html = client.get(url).content.decode()

    assert url.startswith("/services/service-")
    assert switcher(html) == [("Español", "/es/servicios/desintoxicacion-medica/", "es", "es")]
    assert alternates(html)["es"] == HOST + "/es/servicios/desintoxicacion-medica/"


def test_detail_views_put_their_object_in_the_context_for_the_switcher(client, site):
    post, service, page = site["post"], site["service"], site["page"]
    translation.activate("en")
    for url, obj in [
        (post.get_absolute_url(), post),
        (post.category.get_absolute_url(), post.category),
        (service.get_absolute_url(), service),
        (page.get_absolute_url(), page),
        (reverse("facility:center", args=["findlay"]), Center.objects.get(slug="findlay")),
    ]:
        assert client.get(url).context["translated_object"] == obj


def test_not_found_links_to_the_other_language_s_home_without_alternates(client, site):
    html = client.get("/es/no-such-page/").content.decode()

    assert switcher(html) == [("English", "/", "en", "en")]
    assert alternates(html) == {}


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


def of_type(html, kind):
    return next(item for item in json_ld(html) if item["@type"] == kind)


def test_a_spanish_post_says_its_language_in_its_structured_data(client, site):
    url = page_paths(site)["post"]
    spanish_url = page_paths(site, "es")["post"]
    spanish = of_type(client.get(spanish_url).content.decode(), "BlogPosting")
    english = of_type(client.get(url).content.decode(), "BlogPosting")

    assert spanish["inLanguage"] == "es"
    assert english["inLanguage"] == "en"


def test_spanish_breadcrumbs_start_at_the_spanish_home(client, site):
    url = page_paths(site, "es")["service"]
    crumbs = of_type(client.get(url).content.decode(), "BreadcrumbList")["itemListElement"]

    assert crumbs[0] == {"@type": "ListItem", "position": 1, "name": "Inicio",
                         "item": HOST + "/es/"}  # fmt: skip
    assert crumbs[1]["name"] == "Servicios de tratamiento"


def test_menus_and_footer_are_in_spanish_with_spanish_addresses(client, site):
    html = client.get("/es/").content.decode()

    assert '<a href="/es/servicios/">Servicios de tratamiento</a>' in html
    assert '<a href="/es/admisiones/">Admisiones</a>' in html
    assert '<a href="/es/asistencia-linguistica/">Asistencia lingüística</a>' in html
    texting = 'envíe AYUDA por <a href="sms:988?body=AYUDA">mensaje de texto al 988</a>'
    assert f"y marque 2, o {texting}" in html  # 988 in Spanish
