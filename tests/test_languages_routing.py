"""English at today's addresses, whatever the browser asks for; Spanish under /es/; the
staff's and the machines' addresses outside any language (recovery_site/urls.py)."""

import re
from unittest import mock

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import OperationalError, connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from facility.models import Center

from .factories import in_spanish, two_posts_in_spanish

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(facility, pages, make_post, make_service, make_photo, recommend):
    """Pages of each kind, the translated ones with their Spanish versions."""
    _older, post = two_posts_in_spanish(make_post, recommend)
    make_photo(caption="The garden")
    service = in_spanish(
        make_service(name="Medical Detox"),
        name="Desintoxicación médica", slug="desintoxicacion-medica", body="<p>Sí.</p>",
    )  # fmt: skip
    page = in_spanish(pages[0], title="Quiénes somos", slug="quienes-somos", body="<p>Hola.</p>")
    return {"post": post, "service": service, "page": page}


# Every public page's English address, as it was before Spanish came.
ENGLISH_ADDRESSES = {
    ("website:home", ()): "/",
    ("website:search", ()): "/search/",
    ("website:site_map", ()): "/site-map/",
    ("articles:list", ()): "/blog/",
    ("articles:feed", ()): "/blog/feed/",
    ("articles:atom", ()): "/blog/feed/atom/",
    ("articles:category", ("recovery",)): "/blog/category/recovery/",
    ("articles:post", ("first-steps",)): "/blog/first-steps/",
    ("facility:services", ()): "/services/",
    ("facility:service", ("medical-detox",)): "/services/medical-detox/",
    ("facility:tour", ()): "/tour/",
    ("facility:centers", ()): "/locations/",
    ("facility:center", ("findlay",)): "/locations/findlay/",
    ("facility:team", ()): "/our-team/",
    ("facility:page", ("who-we-are",)): "/who-we-are/",
    ("inquiries:admissions", ()): "/admissions/",
    ("inquiries:thanks", ()): "/admissions/thanks/",
    ("inquiries:contact", ()): "/contact/",
}


# The site's own pages have Spanish addresses (issue 20); the blog keeps its words.
SPANISH_ADDRESSES = {
    "/search/": "/buscar/",
    "/search/?q=detox": "/buscar/?q=detox",
    "/site-map/": "/mapa-del-sitio/",
    "/services/": "/servicios/",
    "/services/medical-detox/": "/servicios/medical-detox/",
    "/tour/": "/recorrido/",
    "/locations/": "/centros/",
    "/locations/findlay/": "/centros/findlay/",
    "/our-team/": "/nuestro-equipo/",
    "/admissions/": "/admisiones/",
    "/admissions/thanks/": "/admisiones/gracias/",
    "/contact/": "/contacto/",
    "/blog/category/recovery/": "/blog/categoria/recovery/",
}


def spanish(path):
    """The Spanish address of the English `path`."""
    return "/es" + SPANISH_ADDRESSES.get(path, path)


@pytest.mark.parametrize("name, args", list(ENGLISH_ADDRESSES))
def test_english_addresses_are_unchanged_and_spanish_ones_are_under_es(name, args):
    assert reverse(name, args=args) == ENGLISH_ADDRESSES[name, args]
    with translation.override("es"):
        assert reverse(name, args=args) == spanish(ENGLISH_ADDRESSES[name, args])


def test_the_language_assistance_page_has_an_address_in_each_language():
    assert reverse("facility:language_assistance") == "/language-assistance/"
    with translation.override("es"):
        assert reverse("facility:language_assistance") == "/es/asistencia-linguistica/"


@pytest.mark.parametrize(
    "path", ["/admin/login/", "/healthz", "/robots.txt", "/sitemap.xml", "/ckeditor/upload/"]
)
def test_staff_and_machine_addresses_have_no_language_prefix(client, facility, path):
    assert client.get("/es" + path, follow=True).status_code == 404
    assert client.get(path).status_code in (200, 302, 403, 405)


def test_the_admin_stays_in_english_for_a_spanish_browser(client, facility):
    html = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert '<html lang="en"' in html
    assert "Password" in html


@pytest.mark.parametrize(
    "path",
    ["/", "/blog/", "/services/", "/tour/", "/our-team/", "/contact/", "/admissions/",
     "/site-map/", "/search/?q=detox", "/quienes-somos/", "/asistencia-linguistica/"],
)  # fmt: skip
def test_spanish_pages_answer_in_spanish(client, site, path):
    response = client.get(spanish(path))

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="es">' in html
    assert "Ir al contenido" in html  # the skip link
    assert "Skip to content" not in html
    assert response["Content-Language"] == "es"


def test_english_at_the_root_whatever_the_browser_or_a_cookie_asks_for(client, site):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="es-MX,es;q=0.9")

    assert response.status_code == 200
    assert '<html lang="en">' in response.content.decode()
    assert "Skip to content" in response.content.decode()


def test_no_answer_says_it_varies_by_the_browser_s_language(client, site):
    for path in ["/", "/es/", "/blog/", "/es/blog/", "/admin/login/"]:
        assert "Accept-Language" not in client.get(path).headers.get("Vary", ""), path


def test_there_is_no_english_prefix(client, site):
    assert client.get("/en/").status_code == 404
    assert client.get("/en/blog/").status_code == 404
    assert client.get("/en/contact/").status_code == 404


def test_a_post_and_a_service_answer_under_es(client, site):
    with translation.override("es"):
        post_url = site["post"].get_absolute_url()
        service_url = site["service"].get_absolute_url()
    assert post_url.startswith("/es/blog/")
    assert client.get(post_url).status_code == 200
    assert client.get(service_url).status_code == 200


def test_spanish_dates_use_spanish_month_names(client, site):
    post = site["post"]
    with translation.override("es"):
        html = client.get(post.get_absolute_url()).content.decode()
    assert re.search(r"Publicado el <time[^>]*>\d{1,2} de [a-z]+ de \d{4}</time>", html)


def test_a_center_page_says_open_now_in_spanish(client, site):
    Center.objects.create(
        name="Toledo Outpatient", slug="toledo", street="1 Main St", city="Toledo",
        state="OH", postal_code="43604", phone="419-555-0100",
    )  # fmt: skip
    html = client.get("/es/centros/findlay/").content.decode()
    assert "Abierto ahora" in html
    assert "Las 24 horas" in html
    assert "Horario" in html


# Pages kept whole for visitors: each language has its own entry, and "/" is English
# whatever was asked of it before.
@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 600


def test_cached_pages_never_answer_in_the_wrong_language(page_cache, site):
    client = Client()
    spanish = client.get("/es/")
    english = client.get("/", HTTP_ACCEPT_LANGUAGE="es")
    spanish_again = client.get("/es/")
    english_again = client.get("/")

    assert spanish["X-Cache"] == "miss" and english["X-Cache"] == "miss"
    assert spanish_again["X-Cache"] == "hit" and english_again["X-Cache"] == "hit"
    assert '<html lang="es">' in spanish_again.content.decode()
    assert '<html lang="en">' in english_again.content.decode()


def count_queries(client, url):
    cache.clear()  # a cold cache: the facility and its hours are among the queries
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "url_name, expected",
    [
        ("website:home", 8),
        ("articles:list", 8),
        ("facility:services", 6),
        ("facility:tour", 6),
        ("website:site_map", 9),
        ("inquiries:contact", 6),
        ("inquiries:admissions", 7),
        ("facility:team", 6),
        ("facility:language_assistance", 6),
    ],
)
def test_spanish_pages_cost_the_queries_english_ones_do(client, site, url_name, expected):
    english = count_queries(client, reverse(url_name))
    with translation.override("es"):
        spanish_url = reverse(url_name)
    spanish = count_queries(client, spanish_url)

    assert spanish_url.startswith("/es/")
    assert english == spanish == expected


def test_a_spanish_post_costs_the_queries_an_english_one_does(client, site):
    post = site["post"]
    english = count_queries(client, post.get_absolute_url())
    with translation.override("es"):
        spanish = count_queries(client, post.get_absolute_url())
    # Post, author and category, neighbours, recommendations and fallbacks, the layout's.
    assert english == spanish == 11


def test_feeds_say_their_language(client, site):
    english = client.get("/blog/feed/").content.decode()
    spanish = client.get("/es/blog/feed/").content.decode()

    assert "<language>en</language>" in english
    assert "<language>es</language>" in spanish
    assert "/es/blog/" in spanish


def test_the_sitemap_gives_each_page_in_both_languages_with_alternates(client, site):
    xml = client.get("/sitemap.xml").content.decode()
    url = "http://testserver" + site["service"].get_absolute_url()
    spanish = "http://testserver/es/servicios/desintoxicacion-medica/"

    assert f"<loc>{url}</loc>" in xml
    assert f"<loc>{spanish}</loc>" in xml
    assert f'hreflang="es" href="{spanish}"' in xml
    assert f'hreflang="x-default" href="{url}"' in xml


def test_the_sitemap_leaves_out_a_version_that_does_not_exist(client, site):
    service = site["service"]
    with mock.patch.object(
        type(service), "available_in", lambda self, code=None: code != "es", create=True
    ):
        xml = client.get("/sitemap.xml").content.decode()

    path = service.get_absolute_url()
    assert f"{path}</loc>" in xml
    assert f"/es{path}" not in xml


# Error pages, in the language of the address asked for.
def test_not_found_is_in_spanish_under_es(client, site):
    response = client.get("/es/no-such-page/")
    html = response.content.decode()

    assert response.status_code == 404
    assert "No encontramos esa página" in html
    assert '<html lang="es">' in html
    assert "We could not find that page" in client.get("/no-such-page/").content.decode()


def test_server_error_page_is_in_spanish_under_es(site):
    client = Client(raise_request_exception=False)
    with mock.patch("website.views.HomeView.get_context_data", side_effect=RuntimeError):
        response = client.get("/es/")

    assert response.status_code == 500
    assert "Tuvimos un problema de nuestro lado" in response.content.decode()


def test_outage_page_is_in_spanish_under_es(site):
    client = Client()
    client.get("/es/")  # the facility is now in the cache
    with mock.patch(
        "website.views.HomeView.get_context_data", side_effect=OperationalError("down")
    ):
        response = client.get("/es/")

    html = response.content.decode()
    assert response.status_code == 503
    assert "Esta página no está disponible en este momento" in html
    assert "1-855-605-2135" in html


def test_failed_csrf_page_is_in_spanish_under_es(site):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/es/buscar/", {"q": "x"})

    assert response.status_code == 403
    assert "Esta página estuvo abierta demasiado tiempo" in response.content.decode()


def test_robots_txt_keeps_search_results_out_of_indexes_in_every_language(client, facility):
    lines = client.get("/robots.txt").content.decode().splitlines()

    assert "Disallow: /search/" in lines and "Disallow: /es/buscar/" in lines
    assert "Disallow: /es/admisiones/gracias/" in lines


def test_the_spanish_menus_staff_page_link_is_its_spanish_slug(client, site):
    """The menus link a staff page's Spanish address (its slugs kept with the cached
    facility, website/navigation.py); its English slug under /es/ has moved for good."""
    html = client.get("/es/").content.decode()
    assert '<a href="/es/quienes-somos/">Quiénes somos</a>' in html

    response = client.get("/es/who-we-are/")
    assert (response.status_code, response["Location"]) == (301, "/es/quienes-somos/")
    assert "Quiénes somos" in client.get("/es/quienes-somos/").content.decode()


def test_a_post_s_english_slug_under_es_leads_to_its_spanish_version(client, site):
    post = site["post"]
    response = client.get(f"/es/blog/{post.slug_en}/")

    assert (response.status_code, response["Location"]) == (301, "/es/blog/un-primer-articulo/")


def test_a_spanish_slug_edit_moves_the_menus_link_target_too(client, site):
    page = site["page"]
    page.slug_es = "sobre-nosotros"
    page.save()

    response = client.get("/es/who-we-are/")
    assert response["Location"] == "/es/sobre-nosotros/"
    old = client.get("/es/quienes-somos/")  # the old Spanish address has moved for good
    assert (old.status_code, old["Location"]) == (301, "/es/sobre-nosotros/")
