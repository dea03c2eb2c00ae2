"""Content in English and Spanish: what exists in which language, and nothing half-translated."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation

from articles.models import Post
from facility.models import Page, Service
from plumbing.richtext import sanitized_stamp
from website.models import MovedPage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english_between_requests():
    """A request to /es/ leaves Spanish active in the thread: each test starts in English."""
    translation.activate("en")
    yield
    translation.activate("en")


SPANISH_BODY = "<h2>Semana uno</h2><p>Con calma.</p>"


def spanish(post, n=""):
    """Give `post` its Spanish version."""
    post.title_es = f"Volver a casa {n}".strip()
    post.slug_es = f"volver-a-casa-{n or post.pk}"
    post.body_es = SPANISH_BODY
    post.excerpt_es = "Cómo puede ser la primera semana."
    post.save()
    return post


def es(url):
    """The Spanish address of the same page (the site's own pages have Spanish words)."""
    for english, spanish_word in (("/services/", "/servicios/"), ("/locations/", "/centros/")):
        if url.startswith(english):
            url = spanish_word + url.removeprefix(english)
    return f"/es{url}"


def english_url(instance):
    with translation.override("en"):
        return instance.get_absolute_url()


def test_existing_text_is_the_english_version(make_post):
    post = make_post(title="Coming home")
    stored = Post.objects.values("title_en", "title_es", "slug_es").get(pk=post.pk)
    assert stored == {"title_en": "Coming home", "title_es": None, "slug_es": None}
    assert post.available_in("en") and not post.available_in("es")


def test_a_spanish_version_needs_its_title_slug_and_body(make_post):
    post = make_post()
    post.title_es, post.slug_es = "Título", "titulo"
    post.save()
    assert not Post.objects.in_language("es").filter(pk=post.pk).exists()
    post.body_es = SPANISH_BODY
    post.save()
    assert list(Post.objects.in_language("es")) == [post]
    assert Post.objects.in_language("en").count() == 1


def test_spanish_slugs_are_unique_when_set(make_post):
    first, second, third = make_post(), make_post(), make_post()  # many without: no clash
    first.slug_es = "mismo"
    first.save()
    second.slug_es = "mismo"
    with pytest.raises(IntegrityError), transaction.atomic():
        second.save()
    assert Post.objects.filter(slug_es__isnull=True).count() == 2
    assert third.slug_es is None


def test_the_spanish_post_page_shows_the_spanish_text(client, facility, make_post):
    post = spanish(make_post(title="Coming home"))
    with translation.override("es"):
        url = post.get_absolute_url()
    assert url == f"/es/blog/{post.slug_es}/"
    html = client.get(url).content.decode()
    assert "Volver a casa" in html and "Semana uno" in html
    assert "Coming home" not in html


def test_a_post_without_spanish_sends_its_spanish_address_to_the_english(
    client, facility, make_post
):
    post = make_post(title="Only in English")
    url = post.get_absolute_url()
    response = client.get(es(url))
    assert response.status_code == 302
    assert response["Location"] == url
    # Half-written Spanish (a slug but no body) is no Spanish version either.
    post.title_es, post.slug_es = "Solo el título", "solo-el-titulo"
    post.save()
    response = client.get("/es/blog/solo-el-titulo/")
    assert (response.status_code, response["Location"]) == (302, url)
    assert client.get("/es/blog/no-such-post/").status_code == 404


def test_services_and_pages_without_spanish_go_to_the_english_too(
    client, facility, make_service, pages
):
    service = make_service(name="Detox")
    response = client.get(es(english_url(service)))
    assert (response.status_code, response["Location"]) == (302, english_url(service))
    page = pages[0]
    response = client.get(es(english_url(page)))
    assert (response.status_code, response["Location"]) == (302, english_url(page))
    service.name_es, service.slug_es, service.body_es = "Desintoxicación", "desintox", "<p>Sí.</p>"
    service.save()
    html = client.get("/es/servicios/desintox/").content.decode()
    assert "Desintoxicación" in html


def test_spanish_lists_hold_only_spanish_versions(
    client, facility, make_post, make_service, recommend
):
    english_only = make_post(title="English only post", days_ago=1)
    both = spanish(make_post(title="Post in both", days_ago=2), "ambos")
    older = spanish(make_post(title="Older in both", days_ago=3), "antiguo")
    recommend(both, english_only, older)
    category = both.category
    category.name_es, category.slug_es = "Recuperación", "recuperacion"
    category.save()
    make_service(name="English only service")
    Service.objects.create(
        name="Both service", name_es="Servicio en ambos", slug="both", slug_es="ambos",
        summary="In both.", summary_es="En ambos.", body="<p>x</p>", body_es="<p>y</p>",
    )  # fmt: skip

    pages = {
        "blog": client.get("/es/blog/"),
        "category": client.get("/es/blog/categoria/recuperacion/"),
        "home": client.get("/es/"),
        "feed": client.get("/es/blog/feed/"),
        "services": client.get("/es/servicios/"),
        "site map": client.get("/es/mapa-del-sitio/"),
    }
    for name, response in pages.items():
        html = response.content.decode()
        assert response.status_code == 200, name
        assert "English only" not in html, name
    assert "Volver a casa ambos" in pages["blog"].content.decode()
    assert "Servicio en ambos" in pages["services"].content.decode()

    post_page = client.get(es(f"/blog/{both.slug_es}/"))
    assert [p.pk for p in post_page.context["recommended_posts"]] == [older.pk]
    assert not post_page.context["next_post"]  # the newer post has no Spanish
    assert post_page.context["previous_post"] == older
    # In English, everything is listed.
    assert "English only post" in client.get("/blog/").content.decode()


def test_spanish_body_goes_through_the_sanitizer_and_its_stamp(client, facility, make_post):
    post = make_post()
    post.title_es, post.slug_es = "Con guion", "con-guion"
    post.body_es = '<p>Hola</p><script>alert("es")</script><img src="https://evil.example/x.png">'
    post.save()
    stored = Post.objects.values("body_es", "body_stamp_es", "body_en").get(pk=post.pk)
    assert stored["body_es"] == "<p>Hola</p>"
    assert stored["body_stamp_es"] == sanitized_stamp("<p>Hola</p>")
    assert "<script" not in stored["body_en"]
    # Written around the model, it is still never shown as it is.
    Post.objects.filter(pk=post.pk).update(body_es="<p>Hola</p><script>x()</script>")
    html = client.get("/es/blog/con-guion/").content.decode()
    assert "<p>Hola</p>" in html and "x()" not in html


def test_saving_in_spanish_does_not_copy_english_into_spanish(make_post):
    post = make_post(title="English title", body="<p>English body.</p>")
    with translation.override("es"):
        post.save()
    stored = Post.objects.values("title_es", "body_es", "body_en").get(pk=post.pk)
    assert stored["body_es"] in (None, "") and stored["title_es"] in (None, "")
    assert stored["body_en"] == "<p>English body.</p>"


def test_a_spanish_slug_change_moves_only_the_spanish_address(client, facility, make_post):
    post = spanish(make_post(), "viejo")
    english_url = post.get_absolute_url()
    post.slug_es = "nuevo"
    post.save()
    assert list(MovedPage.objects.values_list("old_path", "new_path")) == [
        ("/es/blog/volver-a-casa-viejo/", "/es/blog/nuevo/")
    ]
    response = client.get("/es/blog/volver-a-casa-viejo/")
    assert (response.status_code, response["Location"]) == (301, "/es/blog/nuevo/")
    assert client.get(english_url).status_code == 200
    post.slug = "renamed"  # an English change moves the English address alone
    post.save()
    assert MovedPage.objects.filter(old_path=english_url, new_path="/blog/renamed/").exists()
    assert MovedPage.objects.count() == 2


def test_short_texts_without_spanish_are_shown_in_english_marked(client, facility):
    html = client.get("/es/").content.decode()
    assert '<p class="lede" lang="en">Detox and residential treatment in Findlay.</p>' in html
    assert '<p lang="en">A drug and alcohol treatment center in Findlay, Ohio.</p>' in html
    facility.tagline_es = "Desintoxicación y tratamiento residencial en Findlay."
    facility.save()
    html = client.get("/es/").content.decode()
    assert '<p class="lede">Desintoxicación y tratamiento residencial en Findlay.</p>' in html
    # In English nothing is marked.
    assert 'lang="en">Detox' not in client.get("/").content.decode()


def test_the_crisis_line_is_marked_english_inside_a_spanish_sentence(client, facility):
    html = client.get("/es/").content.decode()
    assert '<span lang="en">Need to talk to someone right now?</span>' in html


def test_category_without_spanish_sends_to_the_english(client, facility, make_post):
    post = make_post()
    url = english_url(post.category)
    with translation.override("es"):
        spanish_address = reverse("articles:category", args=[post.category.slug])
    assert spanish_address.startswith("/es/blog/categoria/")
    response = client.get(spanish_address)
    assert (response.status_code, response["Location"]) == (302, url)


def test_pages_in_spanish_have_slug_lookups_per_language(facility, pages):
    page = pages[0]
    page.title_es, page.slug_es, page.body_es = "Quiénes somos", "quienes-somos", "<p>Hola.</p>"
    page.save()
    with translation.override("es"):
        assert Page.objects.get(slug="quienes-somos") == page
        assert page.get_absolute_url() == "/es/quienes-somos/"
    assert page.get_absolute_url() == "/who-we-are/"
