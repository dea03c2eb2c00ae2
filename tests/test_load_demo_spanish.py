"""The demo loader's Spanish versions, from a folder shaped like website/demo/es/."""

import tomllib

import pytest
from django.core.management import call_command

from articles.models import Category, Post
from facility.models import Center, Facility, GalleryPhoto, Service, StaffProfile
from website.management.commands import load_demo
from website.management.commands.load_demo import DEMO

from .test_load_demo import snapshot

pytestmark = pytest.mark.django_db

ENGLISH = tomllib.loads((DEMO / "content.toml").read_text(encoding="utf-8"))
SERVICE = ENGLISH["services"][0]["slug"]
POST, UNTRANSLATED_POST = ENGLISH["posts"][0]["slug"], ENGLISH["posts"][1]["slug"]
CATEGORY = ENGLISH["categories"][0]["slug"]
CENTER = ENGLISH["centers"][0]["slug"]
PERSON = ENGLISH["staff"][1]["name"]


@pytest.fixture
def spanish_folder(tmp_path, monkeypatch):
    (tmp_path / "services").mkdir()
    (tmp_path / "posts").mkdir()
    (tmp_path / "content.toml").write_text(
        f"""
[facility]
tagline = "Desintoxicación y tratamiento residencial en Findlay."

[[centers]]
slug = "{CENTER}"
description = "Nuestro campus residencial."

[[categories]]
slug = "{CATEGORY}"
slug_es = "categoria-de-prueba"
name = "Categoría de prueba"

[[services]]
slug = "{SERVICE}"
slug_es = "servicio-de-prueba"
name = "Servicio de prueba"
summary = "Un resumen en español."

[[posts]]
slug = "{POST}"
slug_es = "articulo-de-prueba"
title = "Artículo de prueba"
excerpt = "Un extracto."
image_alt = "Una ilustración."

[[posts]]
slug = "{UNTRANSLATED_POST}"
slug_es = "sin-cuerpo"
title = "Sin cuerpo"

[[staff]]
name = "{PERSON}"
role = "Cargo de prueba"

[[gallery]]
caption = "Pie de foto de prueba"
""",
        encoding="utf-8",
    )
    (tmp_path / "services" / f"{SERVICE}.html").write_text("<p>Cuerpo del servicio.</p>")
    (tmp_path / "posts" / f"{POST}.html").write_text("<p>Cuerpo.</p><script>x()</script>")
    monkeypatch.setattr(load_demo, "SPANISH", tmp_path)
    return tmp_path


def test_the_loader_gives_records_their_spanish_versions(spanish_folder):
    call_command("load_demo", verbosity=0)

    assert Facility.objects.get().tagline_es.startswith("Desintoxicación")
    assert Center.objects.get(slug=CENTER).description_es == "Nuestro campus residencial."
    assert Category.objects.get(slug=CATEGORY).slug_es == "categoria-de-prueba"
    service = Service.objects.get(slug=SERVICE)
    assert (service.slug_es, service.body_es) == (
        "servicio-de-prueba",
        "<p>Cuerpo del servicio.</p>",
    )
    post = Post.objects.get(slug=POST)
    assert post.available_in("es") and post.body_es == "<p>Cuerpo.</p>"  # sanitized
    assert post.featured_image_alt_es == "Una ilustración."
    # Without its body file, a post has no Spanish version; the English is untouched.
    untranslated = Post.objects.get(slug=UNTRANSLATED_POST)
    assert not untranslated.available_in("es") and untranslated.title_es is None
    assert list(Post.objects.in_language("es")) == [post]
    assert StaffProfile.objects.get(name=PERSON).role_es == "Cargo de prueba"
    assert GalleryPhoto.objects.order_by("sort_order")[0].caption_es == "Pie de foto de prueba"
    assert Service.objects.in_language("es").count() == 1


def test_loading_spanish_twice_changes_nothing(spanish_folder):
    call_command("load_demo", verbosity=0)
    before = snapshot()
    call_command("load_demo", verbosity=0)
    assert snapshot() == before


def test_without_the_spanish_folder_nothing_is_spanish(tmp_path, monkeypatch):
    monkeypatch.setattr(load_demo, "SPANISH", tmp_path / "missing")
    call_command("load_demo", verbosity=0)
    assert not Post.objects.in_language("es").exists()
    assert Facility.objects.get().tagline_es is None


def test_every_spanish_demo_file_names_an_english_record():
    """What website/demo/es/ holds (when it is there) matches English records by slug."""
    spanish = load_demo.SPANISH
    entries = {}
    if (spanish / "content.toml").exists():
        entries = tomllib.loads((spanish / "content.toml").read_text(encoding="utf-8"))
    for kind in ("categories", "services", "pages", "posts"):
        english = {record["slug"] for record in ENGLISH[kind]}
        assert {entry["slug"] for entry in entries.get(kind, [])} <= english, kind
        if kind != "categories":
            files = {path.stem for path in (spanish / kind).glob("*.html")}
            assert files <= english, kind


def test_the_demo_s_spanish_pages_speak_spanish_in_the_crisis_bar_and_the_thanks(client):
    """Someone in a hard moment on /es/ is met in Spanish, not by an English fallback."""
    call_command("load_demo", verbosity=0)
    facility = Facility.objects.get()

    html = client.get("/es/").content.decode()
    assert facility.crisis_line_es in html
    assert '<span lang="en">' + facility.crisis_line_en not in html
    assert facility.callback_promise_es.startswith("en ")


def test_every_demo_text_fits_its_field():
    """SQLite stores a text longer than its field allows; PostgreSQL refuses it, and the
    demo would not load there. Every loaded text, in each language, fits."""
    from django.apps import apps

    call_command("load_demo", verbosity=0)
    too_long = [
        (model.__name__, field.attname, row.pk)
        for model in apps.get_models()
        for field in model._meta.concrete_fields
        if field.get_internal_type() in ("CharField", "SlugField") and field.max_length
        for row in model.objects.all()
        if len(getattr(row, field.attname) or "") > field.max_length
    ]
    assert too_long == []
