"""Animations are bounded from their headers, before Pillow decodes any frame."""

import io
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from articles.models import Post
from facility.models import GalleryPhoto
from plumbing import images

from .test_uploads import files_under, stored, upload

pytestmark = pytest.mark.django_db

ONE_PIXEL_OF_DATA = b"\x02\x02\x44\x01\x00"  # LZW code size 2, one sub-block, its end


def gif(frames, screen=(10, 10), comment=b""):
    """A GIF drawn by hand: `frames` are (left, top, width, height) image descriptors,
    each with one pixel of data, whatever size it claims."""
    data = b"GIF89a" + struct.pack("<HHBBB", *screen, 0x80, 0, 0) + b"\0\0\0\xff\xff\xff"
    if comment:
        data += b"\x21\xfe" + bytes([len(comment)]) + comment + b"\0"
    for left, top, width, height in frames:
        data += b"\x21\xf9\x04\x00\x0a\x00\x00\x00"  # graphic control: 100 ms
        data += b"\x2c" + struct.pack("<HHHHB", left, top, width, height, 0)
        data += ONE_PIXEL_OF_DATA
    return data + b"\x3b"


def pillow_animation(fmt, frames=3, size=(40, 30), **options):
    pictures = [Image.new("RGB", size, (40 * n, 90, 120)) for n in range(frames)]
    out = io.BytesIO()
    pictures[0].save(
        out, fmt, save_all=True, append_images=pictures[1:], duration=[70, 80, 90][:frames],
        loop=0, **options,
    )  # fmt: skip
    return out.getvalue()


def with_png_chunk_replaced(data, kind, body):
    """`data`, a PNG, with the first chunk of `kind` given a new body (and CRC)."""
    at = data.index(kind) - 4
    length = struct.unpack_from(">I", data, at)[0]
    chunk = struct.pack(">I", len(body)) + kind + body
    chunk += struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
    return data[:at] + chunk + data[at + 12 + length :]


def refusal(client, name, content):
    before = files_under("uploads")
    response = upload(client, name, content)
    assert response.status_code == 400
    assert files_under("uploads") == before
    return response.json()["error"]["message"]


def test_the_246_byte_gif_whose_frames_lie_far_outside_is_refused(editor_client):
    bomb = gif([(0, 0, 10, 10)] + [(60_000, 60_000, 5_000, 5_000)] * 4)
    assert len(bomb) < 246

    message = refusal(editor_client, "cat.gif", bomb)

    assert "This animation's frames span 65000 × 65000 pixels" in message
    assert "too many pixels to process safely" in message


def test_frames_each_within_bounds_but_too_many_pixels_in_all_are_refused(editor_client, settings):
    settings.IMAGE_MAX_PIXELS = 1_000_000
    # Each frame is drawn on a 601 x 601 canvas: 3 x 361,201 pixels decoded.
    message = refusal(editor_client, "a.gif", gif([(0, 0, 1, 1), (600, 600, 1, 1), (0, 0, 1, 1)]))

    assert "This animation has 3 frames of 601 × 601 pixels" in message
    assert "at most 1 megapixels over all frames" in message


def test_too_many_frames_are_refused(editor_client, settings):
    settings.IMAGE_MAX_FRAMES = 5

    message = refusal(editor_client, "long.gif", gif([(0, 0, 1, 1)] * 6))

    assert "This animation has 6 frames; we accept at most 5" in message


def test_the_check_reads_headers_only_and_never_asks_pillow(editor_client, monkeypatch, settings):
    settings.IMAGE_MAX_PIXELS = 1_000_000

    def never(*args, **kwargs):
        raise AssertionError("Pillow opened the picture")

    monkeypatch.setattr(images.PillowImage, "open", never)

    message = refusal(editor_client, "cat.gif", gif([(0, 0, 10, 10), (60_000, 9, 5_000, 1)]))

    assert "65000 × 10 pixels" in message


def test_a_png_animation_claiming_countless_frames_is_refused(editor_client):
    apng = pillow_animation("PNG")
    lying = with_png_chunk_replaced(apng, b"acTL", struct.pack(">II", 0x7FFFFFFF, 0))

    message = refusal(editor_client, "a.png", lying)

    assert "This animation has 2147483647 frames" in message


@pytest.mark.parametrize("fmt, name", [("PNG", "a.png"), ("WEBP", "a.webp"), ("GIF", "a.gif")])
def test_every_animated_format_is_counted(editor_client, settings, fmt, name):
    settings.IMAGE_MAX_PIXELS = 3_000  # 3 frames of 40 x 30 is 3,600

    message = refusal(editor_client, name, pillow_animation(fmt))

    assert "This animation has 3 frames of 40 × 30 pixels" in message


def test_a_webp_canvas_too_large_is_refused_before_its_decoder_is_made(editor_client, settings):
    settings.IMAGE_MAX_PIXELS = 1_000
    # An animated WebP's decoder allocates its canvas when Pillow opens the file.
    message = refusal(editor_client, "a.webp", pillow_animation("WEBP"))

    assert "40 × 30 pixels" in message


@pytest.mark.parametrize("fmt, name", [("PNG", "a.png"), ("WEBP", "a.webp"), ("GIF", "a.gif")])
def test_animations_within_limits_are_accepted(editor_client, fmt, name):
    response = upload(editor_client, name, pillow_animation(fmt))

    assert response.status_code == 200


def test_an_animated_gif_keeps_its_frames_and_timing(editor_client):
    response = upload(editor_client, "a.gif", pillow_animation("GIF"))

    with Image.open(stored(response.json()["url"])) as picture:
        assert picture.n_frames == 3
        durations = []
        for frame in range(3):
            picture.seek(frame)
            durations.append(picture.info["duration"])
    assert durations == [70, 80, 90]


def test_the_gallery_admin_says_why_and_keeps_what_was_typed(admin_client):
    bomb = gif([(0, 0, 10, 10)] + [(60_000, 60_000, 5_000, 5_000)] * 4)

    response = admin_client.post(
        reverse("admin:facility_galleryphoto_add"),
        {"image": SimpleUploadedFile("cat.gif", bomb), "alt_text_en": "The garden at dawn",
         "caption_en": "Our garden", "sort_order": 3},
    )  # fmt: skip

    assert response.status_code == 200
    html = response.content.decode()
    assert "frames span 65000 × 65000 pixels" in html
    assert 'value="The garden at dawn"' in html and 'value="Our garden"' in html
    assert GalleryPhoto.objects.count() == 0


def test_the_post_admin_says_why_and_keeps_what_was_typed(editor_client, category):
    bomb = gif([(0, 0, 10, 10)] + [(60_000, 60_000, 5_000, 5_000)] * 4)

    response = editor_client.post(
        reverse("admin:articles_post_add"),
        {
            "title_en": "Sleep in early recovery",
            "slug_en": "sleep",
            "body_en": "<p>What I wrote for an hour.</p>",
            "featured_image": SimpleUploadedFile("cat.gif", bomb),
            "featured_image_alt_en": "A cat",
            "status": "draft",
            "pub_date_0": "2026-01-05",
            "pub_date_1": "09:00:00",
            "category": category.pk,
            "recommended_links-TOTAL_FORMS": "0",
            "recommended_links-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "frames span 65000 × 65000 pixels" in html
    assert 'value="Sleep in early recovery"' in html
    assert "What I wrote for an hour." in html
    assert not Post.objects.exists()


def test_pictures_saved_from_code_are_checked_too(db):
    bomb = gif([(0, 0, 10, 10)] + [(60_000, 60_000, 5_000, 5_000)] * 4)

    with pytest.raises(images.ValidationError, match="65000 × 65000"):
        GalleryPhoto.objects.create(image=SimpleUploadedFile("cat.gif", bomb), alt_text="Cat")
