"""Pictures on S3-compatible object storage (MEDIA_S3_BUCKET), against a real S3 HTTP
server: moto's server mode, started by the tests (tests/object_storage.py)."""

import io
import os
import re
import urllib.request
from pathlib import Path

import pytest
from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import models
from django.test import Client
from django.urls import reverse
from PIL import Image

from articles.models import Post
from facility.models import GalleryPhoto
from plumbing.richtext import is_our_media
from tests.factories import post_admin_form
from tests.http_session import Session
from tests.live_gunicorn import Gunicorn, LiveSite, manage
from tests.object_storage import CREDENTIALS, REGION, new_bucket, use_bucket

ORIGIN = {"HTTP_ORIGIN": "http://testserver"}
CACHE_FOR_A_YEAR = "public, max-age=31536000, immutable"


def jpeg(size=(600, 300)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (30, 120, 110)).save(buffer, "JPEG")
    return buffer.getvalue()


def files_under(folder):
    return [path for path in Path(folder).rglob("*") if path.is_file()]


def picture_urls(html):
    """Every address a page's <img src>, srcset and <meta content> give a picture."""
    urls = re.findall(r'<img [^>]*?\bsrc="([^"]+)"', html)
    for srcset in re.findall(r'srcset="([^"]+)"', html):
        urls += [part.split()[0] for part in srcset.split(",")]
    urls += re.findall(r'<meta property="og:image" content="([^"]+)"', html)
    return [url for url in urls if "/static/" not in url]


# Settings ---------------------------------------------------------------------------------


def test_without_a_bucket_pictures_stay_on_disk(s3_settings):
    read = s3_settings()

    assert read["STORAGES"]["default"] == {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    assert read["MEDIA_URL"] == "/media/"
    assert read["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]["img-src"] == ["'self'"]


def test_the_bucket_settings_come_from_the_environment(s3_settings):
    read = s3_settings(
        MEDIA_S3_BUCKET="center-pictures",
        MEDIA_S3_ENDPOINT_URL="https://minio.example.org:9000/",
        MEDIA_S3_REGION="auto",
        DJANGO_SERVE_MEDIA="true",
    )

    storage = read["STORAGES"]["default"]
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    assert storage["OPTIONS"] == {
        "bucket_name": "center-pictures",
        "endpoint_url": "https://minio.example.org:9000",
        "region_name": "auto",
        "custom_domain": "minio.example.org:9000/center-pictures",
        "url_protocol": "https:",
        "addressing_style": "path",
        "querystring_auth": False,
        "default_acl": None,
        "file_overwrite": False,
        "object_parameters": {"CacheControl": CACHE_FOR_A_YEAR},
    }
    # No credentials in the settings: boto3 reads AWS_ACCESS_KEY_ID itself.
    assert "test-key-id" not in repr(storage) and "test-secret" not in repr(storage)
    assert read["MEDIA_URL"] == "https://minio.example.org:9000/center-pictures/"
    assert read["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]["img-src"] == [
        "'self'",
        "https://minio.example.org:9000/center-pictures/",
    ]
    # The bucket serves the pictures: Django never does, whatever DJANGO_SERVE_MEDIA says.
    assert read["SERVE_MEDIA"] is False


def test_amazon_s3_and_a_cdn_in_front(s3_settings):
    on_aws = s3_settings(MEDIA_S3_BUCKET="center-pictures", MEDIA_S3_REGION="us-east-2")
    assert on_aws["MEDIA_URL"] == "https://center-pictures.s3.us-east-2.amazonaws.com/"
    assert on_aws["STORAGES"]["default"]["OPTIONS"]["addressing_style"] == "virtual"
    assert on_aws["STORAGES"]["default"]["OPTIONS"]["custom_domain"] == (
        "center-pictures.s3.us-east-2.amazonaws.com"
    )

    with_cdn = s3_settings(
        MEDIA_S3_BUCKET="center-pictures", MEDIA_S3_CUSTOM_DOMAIN="pictures.example.org"
    )
    assert with_cdn["STORAGES"]["default"]["OPTIONS"]["custom_domain"] == "pictures.example.org"
    assert with_cdn["MEDIA_URL"] == "https://pictures.example.org/"


@pytest.mark.parametrize(
    "name, value",
    [
        ("MEDIA_S3_CUSTOM_DOMAIN", "https://pictures.example.org/"),
        ("MEDIA_S3_CUSTOM_DOMAIN", "a.example.org,b.example.org"),
        ("MEDIA_S3_CUSTOM_DOMAIN", ".example.org"),
        ("MEDIA_S3_ENDPOINT_URL", "minio.example.org"),
        ("MEDIA_S3_ENDPOINT_URL", "https://minio.example.org/bucket"),
    ],
)
def test_a_wrong_value_stops_the_start_naming_the_variable(s3_settings, name, value):
    with pytest.raises(ImproperlyConfigured, match=name):
        s3_settings(MEDIA_S3_BUCKET="center-pictures", **{name: value})


# Uploads ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_an_admin_upload_lands_in_the_bucket_only_with_its_renditions(
    bucket, settings, editor_client, facility, category
):
    response = editor_client.post(
        reverse("admin:articles_post_add"),
        post_admin_form(
            category,
            title="With a photo",
            slug="with-a-photo",
            featured_image=SimpleUploadedFile("IMG_1.jpg", jpeg()),
            featured_image_alt="A sunrise",
            status="draft",
        ),
    )

    assert response.status_code == 302
    post = Post.objects.get(slug="with-a-photo")
    original = post.featured_image.name
    stem, folder = Path(original).stem, Path(original).parent
    assert "IMG_1" not in original
    assert bucket.keys() == {
        original,
        *(f"renditions/{folder}/{stem}-w{w}.{ext}" for w in (480, 600) for ext in ("webp", "jpg")),
        f"renditions/{folder}/{stem}-1200x630.jpg",
    }
    stored = bucket.get(original)
    assert stored["CacheControl"] == CACHE_FOR_A_YEAR
    with Image.open(io.BytesIO(stored["Body"].read())) as picture:
        assert picture.size == (600, 300)
    assert bucket.get(f"renditions/{folder}/{stem}-w480.webp")["ContentType"] == "image/webp"
    assert files_under(settings.MEDIA_ROOT) == []


@pytest.mark.django_db
def test_the_page_links_stable_unsigned_addresses_that_the_bucket_serves(
    bucket, settings, facility, make_post, s3_server
):
    post = make_post("On the bucket", featured_image_alt="A sunrise")
    post.featured_image.save("photo.jpg", SimpleUploadedFile("photo.jpg", jpeg()))

    html = Client().get(post.get_absolute_url()).content.decode()

    urls = picture_urls(html)
    media = f"{s3_server}/{bucket.name}/"
    assert media == settings.MEDIA_URL
    assert urls
    stem = Path(post.featured_image.name).stem
    assert f"{media}renditions/posts/" in html and f"{stem}-w480.webp 480w" in html
    assert f"{stem}-1200x630.jpg" in html  # the link preview's crop
    for url in urls:
        assert url.startswith(media) and "?" not in url and "Amz" not in url
    # The same address twice: nothing in it changes with time.
    assert picture_urls(Client().get(post.get_absolute_url()).content.decode()) == urls
    # Anyone can fetch them from the server, as a browser does.
    with urllib.request.urlopen(urls[0], timeout=10) as answer:
        assert answer.status == 200
        assert answer.headers["Content-Type"] in {"image/jpeg", "image/webp"}
    assert files_under(settings.MEDIA_ROOT) == []


@pytest.mark.django_db
def test_with_a_cdn_the_page_links_its_domain(
    settings, monkeypatch, s3_settings, s3_server, tmp_path, make_post
):
    bucket = use_bucket(
        settings,
        monkeypatch,
        s3_settings,
        s3_server,
        tmp_path,
        MEDIA_S3_CUSTOM_DOMAIN="pictures.example.org",
    )
    post = make_post("Behind a CDN", featured_image_alt="A sunrise")
    post.featured_image.save("photo.jpg", SimpleUploadedFile("photo.jpg", jpeg()))

    html = Client().get(post.get_absolute_url()).content.decode()

    urls = picture_urls(html)
    stem = Path(post.featured_image.name).stem
    assert "https://pictures.example.org/renditions/posts/" in html
    assert any(url.endswith(f"{stem}-w600.jpg") for url in urls)
    for url in urls:
        assert url.startswith("https://pictures.example.org/") and "?" not in url
    assert f"renditions/{Path(post.featured_image.name).parent}/{stem}-w600.jpg" in bucket.keys()  # noqa: SIM118


@pytest.mark.django_db
def test_an_editor_image_lands_in_the_bucket_and_the_body_keeps_it(bucket, settings, editor_client):
    response = editor_client.post(
        reverse("ckeditor_upload"),
        {"upload": SimpleUploadedFile("scan.jpg", jpeg((40, 20)))},
        **ORIGIN,
    )

    assert response.status_code == 200
    url = re.search(rf'"({re.escape(settings.MEDIA_URL)}[^"]+)"', response.content.decode())[1]
    key = url.removeprefix(settings.MEDIA_URL)
    assert key in bucket.keys()  # noqa: SIM118
    assert files_under(settings.MEDIA_ROOT) == []
    # The editor's picture browser lists it, from the bucket.
    browser = editor_client.get(reverse("ckeditor_browse")).content.decode()
    assert url in browser
    # The rich-text cleaner keeps pictures from the bucket and from nowhere else.
    assert is_our_media(url)
    assert not is_our_media(f"https://elsewhere.example.org/{bucket.name}/{key}")
    assert not is_our_media(f"{settings.MEDIA_URL.replace(bucket.name, 'other')}{key}")
    # What texts written before the move point to is kept, not dropped on their next save.
    assert is_our_media(f"/media/{key}")


@pytest.mark.django_db
def test_load_demo_fills_the_bucket(bucket, settings):
    call_command("load_demo", verbosity=0)

    keys = bucket.keys()
    photos = list(GalleryPhoto.objects.all())
    posts = list(Post.objects.exclude(featured_image=""))
    assert photos and posts
    for field_file in [photo.image for photo in photos] + [post.featured_image for post in posts]:
        stem, folder = Path(field_file.name).stem, Path(field_file.name).parent
        assert field_file.name in keys
        assert f"renditions/{folder}/{stem}-1200x630.jpg" in keys
        assert default_storage.url(field_file.name).startswith(settings.MEDIA_URL)
    assert files_under(settings.MEDIA_ROOT) == []


def test_a_production_server_serves_pages_whose_pictures_live_in_the_bucket_only(
    s3_server, collected_static, tmp_path
):
    """gunicorn with debug off and the bucket's variables, the demo loaded into it."""
    bucket = new_bucket(s3_server)
    site = LiveSite(
        tmp_path,
        database_url=os.environ.get("DATABASE_URL", ""),
        static_root=collected_static,
        MEDIA_S3_BUCKET=bucket.name,
        MEDIA_S3_ENDPOINT_URL=s3_server,
        MEDIA_S3_REGION=REGION,
        **CREDENTIALS,
    )
    media = f"{s3_server}/{bucket.name}/"
    try:
        manage(site.env, "load_demo", "-v0")
        with Gunicorn(site.env, workers=1) as server:
            status, headers, html = Session(server.url).get("/tour/")
    finally:
        site.remove()

    assert status == 200
    pictures = set(re.findall(rf"{re.escape(media)}[^\s\"',]+", html))
    assert {Path(url).suffix for url in pictures} >= {".jpg", ".webp"}
    assert "/media/" not in html
    assert f"img-src 'self' {media}" in headers["Content-Security-Policy"]
    keys = bucket.keys()
    for url in sorted(pictures)[:6]:
        assert url.removeprefix(media) in keys
        with urllib.request.urlopen(url, timeout=10) as answer:
            assert answer.headers["Content-Type"] in {"image/jpeg", "image/webp"}
            assert answer.headers["Cache-Control"] == CACHE_FOR_A_YEAR
    assert files_under(tmp_path / "media") == []


# Privacy ----------------------------------------------------------------------------------


def test_no_inquiry_data_can_be_stored_as_a_public_file():
    """Inquiries (and what comes with them, such as an insurance card's photo) are kept
    encrypted in the database: no inquiry model has a file field, which would store on the
    default storage, the public bucket."""
    inquiry_models = list(apps.get_app_config("inquiries").get_models())
    assert inquiry_models
    file_fields = [
        f"{model.__name__}.{field.name}"
        for model in inquiry_models
        for field in model._meta.get_fields()
        if isinstance(field, models.FileField)
    ]
    assert file_fields == []
