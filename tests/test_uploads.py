"""Uploaded pictures: only real images of sane size, cleaned of metadata, renamed, resized."""

import io
import struct
import zlib
from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image

from articles.models import Post
from facility.models import GalleryPhoto
from plumbing.images import widths_for
from tests.factories import post_admin_form

pytestmark = pytest.mark.django_db

ORIGIN = {"HTTP_ORIGIN": "http://testserver"}
GPS_IFD, ORIENTATION = 0x8825, 0x0112


def image_bytes(fmt="JPEG", size=(60, 30), exif=None, color=(30, 120, 110)):
    buffer = io.BytesIO()
    options = {"exif": exif} if exif is not None else {}
    Image.new("RGB", size, color).save(buffer, fmt, **options)
    return buffer.getvalue()


def phone_photo():
    """A JPEG as a phone takes it: GPS coordinates inside, stored sideways (orientation 6)."""
    exif = Image.Exif()
    exif[ORIENTATION] = 6
    exif[0x010F] = "PhoneMaker"
    gps = exif.get_ifd(GPS_IFD)
    gps[1], gps[2] = "N", (41.0, 4.0, 5.0)
    gps[3], gps[4] = "W", (83.0, 36.0, 40.0)
    return image_bytes(size=(60, 30), exif=exif)


def png_bomb():
    """A tiny PNG whose header claims 50,000 x 50,000 pixels."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", 50_000, 50_000, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 100)) + chunk(b"IEND", b"")
    )  # fmt: skip


BAD_FILES = [
    ("drawing.svg", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "SVG"),
    ("sneaky.jpg", b'<?xml version="1.0"?><svg onload="alert(1)"></svg>', "SVG"),
    ("page.png", b"<html><script>alert(1)</script></html>", "not a picture we can open"),
    ("notes.jpg", b"just some text, not a picture", "not a picture we can open"),
    ("broken.jpg", image_bytes()[:200], "damaged"),
    ("bitmap.jpg", image_bytes("BMP"), "This is a BMP file"),
    ("scan.tiff", image_bytes("TIFF"), "This is a TIFF file"),
    ("bomb.png", png_bomb(), "too many pixels to process safely"),
]


def upload(client, name, content, **extra):
    return client.post(
        reverse("ckeditor_upload"), {"upload": SimpleUploadedFile(name, content)}, **ORIGIN,
        **extra,
    )  # fmt: skip


def stored(url):
    return Path(default_storage.path(url.removeprefix("/media/")))


def test_editor_upload_is_cleaned_renamed_and_turned_upright(editor_client):
    response = upload(editor_client, "IMG_0042 family.jpg", phone_photo())

    assert response.status_code == 200
    data = response.json()
    assert data["uploaded"] == 1 and data["url"].startswith("/media/uploads/")
    assert "IMG_0042" not in data["url"] and "family" not in data["url"]
    with Image.open(stored(data["url"])) as picture:
        assert picture.size == (30, 60)  # orientation applied
        assert dict(picture.getexif()) == {}  # GPS, maker and orientation gone
        assert "exif" not in picture.info


def files_under(folder):
    root = Path(default_storage.path(folder))
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


@pytest.mark.parametrize("name, content, reason", BAD_FILES)
def test_editor_refuses_bad_files_with_a_reason(editor_client, name, content, reason):
    before = files_under("uploads")

    response = upload(editor_client, name, content)

    assert response.status_code == 400
    assert reason in response.json()["error"]["message"]
    assert files_under("uploads") == before


def test_pixel_limit_names_the_size(editor_client, settings):
    settings.IMAGE_MAX_PIXELS = 5_000
    response = upload(editor_client, "wide.png", image_bytes("PNG", size=(100, 100)))
    assert "This picture is 100 × 100 pixels" in response.json()["error"]["message"]


def test_image_dialog_gets_its_callback(editor_client):
    ok = upload(editor_client, "a.png", image_bytes("PNG"), QUERY_STRING="CKEditorFuncNum=3")
    refused = upload(editor_client, "a.svg", b"<svg/>", QUERY_STRING="CKEditorFuncNum=3")

    assert ok.content.startswith(b'<script>window.parent.CKEDITOR.tools.callFunction(3, "/media/')
    assert b'"SVG drawings are not accepted' in refused.content
    assert b"</svg" not in refused.content


def test_too_large_files_are_refused(editor_client, settings):
    settings.IMAGE_MAX_UPLOAD_BYTES = 1000
    response = upload(editor_client, "big.png", image_bytes("PNG", size=(400, 400)) + b"\0" * 2000)
    assert "pictures can be at most 1000" in response.json()["error"]["message"]


def test_uploads_are_for_staff_from_our_own_pages(editor_client, django_user_model):
    anonymous = Client().post(reverse("ckeditor_upload"), {"upload": image_bytes()}, **ORIGIN)
    assert anonymous.status_code == 302 and "/admin/login/" in anonymous.url

    visitor = Client()
    visitor.force_login(django_user_model.objects.create_user("visitor"))
    assert upload(visitor, "a.jpg", image_bytes()).status_code == 302

    cross_site = editor_client.post(
        reverse("ckeditor_upload"),
        {"upload": SimpleUploadedFile("a.jpg", image_bytes())},
        HTTP_ORIGIN="https://evil.example",
    )
    assert cross_site.status_code == 403
    assert upload(editor_client, "a.jpg", image_bytes()).status_code == 200


def test_featured_image_from_the_admin_is_cleaned_and_gets_renditions(
    editor_client, editor, facility, category
):
    response = editor_client.post(
        reverse("admin:articles_post_add"),
        post_admin_form(
            category,
            title="With a photo",
            slug="with-a-photo",
            featured_image=SimpleUploadedFile("IMG_1.jpg", phone_photo()),
            featured_image_alt="A sunrise",
            status="draft",
        ),
    )

    assert response.status_code == 302
    post = Post.objects.get(slug="with-a-photo")
    assert "IMG_1" not in post.featured_image.name
    assert (post.featured_image_width, post.featured_image_height) == (30, 60)
    with Image.open(post.featured_image.path) as picture:
        assert dict(picture.getexif()) == {}
    stem = Path(post.featured_image.name).stem
    made = {p.name for p in Path(default_storage.path("renditions")).rglob(f"{stem}-*")}
    assert made == {f"{stem}-w30.webp", f"{stem}-w30.jpg", f"{stem}-1200x630.jpg"}


@pytest.mark.parametrize("name, content, reason", BAD_FILES)
def test_gallery_admin_refuses_bad_files_with_a_reason(admin_client, name, content, reason):
    response = admin_client.post(
        reverse("admin:facility_galleryphoto_add"),
        {"image": SimpleUploadedFile(name, content), "alt_text_en": "x", "sort_order": 0},
    )

    assert response.status_code == 200
    assert reason in response.content.decode()
    assert GalleryPhoto.objects.count() == 0


@pytest.mark.parametrize(
    "width, expected",
    [(0, []), (300, [300]), (480, [480]), (800, [480, 800]), (1600, [480, 960, 1600]),
     (4000, [480, 960, 1600])],
)  # fmt: skip
def test_rendition_widths_never_upscale(width, expected):
    assert widths_for(width) == expected


def test_pages_serve_webp_with_a_jpeg_fallback_in_several_widths(client, facility, make_post):
    post = make_post(
        featured_image=SimpleUploadedFile("x.jpg", image_bytes(size=(2000, 1125))),
        featured_image_alt="Hills",
    )
    post_html = client.get(post.get_absolute_url()).content.decode()
    list_html = client.get(reverse("articles:list")).content.decode()
    stem = Path(post.featured_image.name).stem

    assert '<source type="image/webp" srcset="' in post_html
    for width in (480, 960, 1600):
        assert f"{stem}-w{width}.webp {width}w" in post_html
        assert f"{stem}-w{width}.jpg {width}w" in post_html
    assert 'width="2000" height="1125"' in post_html and 'alt="Hills"' in post_html
    assert 'fetchpriority="high"' in post_html  # the post's own picture is above the fold
    card = list_html[list_html.index('<article class="card post-card">') :]
    assert 'loading="lazy"' in card.split("</article>")[0]


@pytest.mark.parametrize("fmt", ["PNG", "WEBP"])
def test_metadata_is_stripped_from_png_and_webp_too(editor_client, fmt):
    exif = Image.Exif()
    gps = exif.get_ifd(GPS_IFD)
    gps[1], gps[2] = "N", (41.0, 4.0, 5.0)
    response = upload(editor_client, f"a.{fmt.lower()}", image_bytes(fmt, exif=exif))

    with Image.open(stored(response.json()["url"])) as picture:
        assert picture.format == fmt
        assert dict(picture.getexif()) == {}


def test_transparent_pictures_get_a_white_not_black_background(make_photo):
    buffer = io.BytesIO()
    Image.new("RGBA", (40, 20), (0, 0, 0, 0)).save(buffer, "PNG")
    photo = GalleryPhoto.objects.create(
        image=SimpleUploadedFile("clear.png", buffer.getvalue()), alt_text="Clear"
    )
    stem = Path(photo.image.name).stem
    rendition = Path(default_storage.path(f"renditions/gallery/{stem}-w40.jpg"))
    with Image.open(rendition) as picture:
        assert picture.getpixel((5, 5)) == (255, 255, 255)
