"""Spanish pages: the same queries as the English, search in Spanish, the admin side by side."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from articles.models import Post
from plumbing.richtext import sanitized_stamp

from .factories import post_admin_form

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english_between_requests():
    """A request to /es/ leaves Spanish active in the thread: each test starts in English."""
    translation.activate("en")
    yield
    translation.activate("en")


def in_spanish(instance, **texts):
    for name, value in texts.items():
        setattr(instance, f"{name}_es", value)
    instance.save()
    return instance


@pytest.fixture
def bilingual(facility, make_post, make_service, make_photo, recommend):
    """Posts, services and a photo, every one with its Spanish version."""
    posts = [
        in_spanish(
            make_post(days_ago=n + 1),
            title=f"Artículo {n}",
            slug=f"articulo-{n}",
            body=f"<p>Texto {n}.</p>",
        )
        for n in range(5)
    ]
    in_spanish(posts[0].category, name="Recuperación", slug="recuperacion")
    recommend(posts[2], posts[0], posts[4])
    services = [
        in_spanish(make_service(), name=f"Servicio {n}", slug=f"servicio-{n}", body="<p>Sí.</p>")
        for n in range(3)
    ]
    make_photo()
    return posts, services


def count_queries(client, url):
    cache.clear()  # a cold cache: the facility and its hours are among the queries
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def urls(language, post, service):
    with translation.override(language):
        return {
            "post": post.get_absolute_url(),
            "blog": reverse("articles:list"),
            "home": reverse("website:home"),
            "service": service.get_absolute_url(),
        }


# (Not "page": pytest-playwright's fixture of that name would make these browser tests,
# and pytest would move every browser test in among them, before tests that need the
# groups the browser tests' flushes remove.)
@pytest.mark.parametrize("kind, expected", [("post", 10), ("blog", 8), ("home", 8), ("service", 7)])
def test_spanish_pages_take_the_queries_of_the_english(client, bilingual, kind, expected):
    posts, services = bilingual
    english = urls("en", posts[2], services[1])[kind]
    spanish = urls("es", posts[2], services[1])[kind]
    assert spanish.startswith("/es/") and not english.startswith("/es/")
    assert count_queries(client, english) == expected
    assert count_queries(client, spanish) == expected


def test_the_spanish_post_page_shows_the_spanish_neighbours_and_picks(client, bilingual):
    posts, _ = bilingual
    with translation.override("es"):
        url = posts[2].get_absolute_url()
    html = client.get(url).content.decode()
    assert "Artículo 2" in html and "Texto 2." in html
    assert "Artículo 0" in html and "Artículo 4" in html  # picks, by their Spanish titles


def search_titles(client, q, language="es"):
    path = "/es/buscar/" if language == "es" else "/search/"
    html = client.get(path, {"q": q}).content.decode()
    return re.findall(r'<h2 class="search-result-title"><a href="[^"]*">([^<]*)</a>', html)


def test_spanish_search_finds_spanish_text_only_in_spanish_versions(client, facility, make_post):
    in_spanish(
        make_post(title="Addiction and family"),
        title="La adicción y la familia",
        slug="adiccion-familia",
        body="<p>Hablar de la recaída sin culpa.</p>",
    )
    make_post(title="Recaída in an English-only post", body="<p>adicción</p>")

    # Accents or none, any case: the visitor's spelling is found.
    assert search_titles(client, "adiccion") == ["La adicción y la familia"]
    assert search_titles(client, "ADICCIÓN") == ["La adicción y la familia"]
    assert search_titles(client, "recaída") == ["La adicción y la familia"]
    assert search_titles(client, "family") == []  # the English text is not searched
    # In English, the English texts.
    assert search_titles(client, "family", "en") == ["Addiction and family"]


def test_spanish_search_finds_services_in_spanish(client, facility, make_service):
    in_spanish(
        make_service(name="Detox"),
        name="Desintoxicación médica",
        slug="desintoxicacion",
        body="<p>Supervisión médica día y noche.</p>",
    )
    make_service(name="Supervised English only", body="<p>supervision</p>")
    assert search_titles(client, "supervision") == ["Desintoxicación médica"]


@pytest.mark.shared_services
def test_postgresql_searches_spanish_with_its_stored_spanish_vector(client, facility, make_post):
    assert connection.vendor == "postgresql"
    post = in_spanish(
        make_post(title="Relapse"),
        title="Las recaídas",
        slug="las-recaidas",
        body="<p>Hablamos de tratamientos.</p>",
    )
    stored = Post.objects.values_list("search_vector_es", flat=True).get(pk=post.pk)
    assert "'tratamient'" in stored  # the Spanish stemmer's word, kept by the trigger
    # Spanish stemming: the singular finds the plural.
    assert search_titles(client, "recaída") == ["Las recaídas"]
    assert search_titles(client, "tratamiento") == ["Las recaídas"]
    assert search_titles(client, "relapse") == []


def test_the_admin_edits_both_languages_on_one_form_with_no_third_party(admin_client, make_post):
    post = make_post()
    html = admin_client.get(reverse("admin:articles_post_change", args=[post.pk])).content.decode()
    for name in ("title", "slug", "excerpt", "body", "featured_image_alt", "seo_title"):
        assert f'name="{name}_en"' in html and f'name="{name}_es"' in html, name
    # Each body has the rich-text editor; short texts sit on one row.
    assert len(re.findall(r'data-type="ckeditortype"', html)) == 2
    assert re.search(r'class="form-row[^"]*field-title_en field-title_es', html)
    sources = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', html)
    assert sources and all(not re.match(r"(https?:)?//", source) for source in sources)


def test_an_editor_writes_the_spanish_version_and_a_script_in_it_is_removed(
    client, editor_client, editor, category
):
    response = editor_client.post(
        reverse("admin:articles_post_add"),
        post_admin_form(
            category,
            editor,
            title_es="Volver a casa",
            slug_es="volver-a-casa",
            body_es="<p>Con calma.</p><script>alert(1)</script>",
        ),
    )
    assert response.status_code == 302
    post = Post.objects.get()
    assert (post.title_en, post.title_es) == ("Coming home after treatment", "Volver a casa")
    assert post.body_es == "<p>Con calma.</p>"
    assert post.body_stamp_es == sanitized_stamp("<p>Con calma.</p>")
    post.status = Post.Status.PUBLISHED
    post.save()
    html = client.get("/es/blog/volver-a-casa/").content.decode()
    assert "Con calma." in html and "alert(1)" not in html
