"""No kind of metadata survives in a stored picture or in any of its renditions."""

import io
import struct
from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageCms, PngImagePlugin

from facility.models import GalleryPhoto

from .test_animated_images import pillow_animation

pytestmark = pytest.mark.django_db

XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/'
    b'22-rdf-syntax-ns#"><rdf:Description>SECRET-XMP</rdf:Description></rdf:RDF></x:xmpmeta>'
)
ICC = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
# What must appear in no stored file: our markers, and each kind's own signature.
MARKERS = [b"SECRET", b"Exif", b"xmpmeta", b"8BIM", b"Photoshop", b"acsp", b"tEXt", b"iTXt"]


def exif_with_gps():
    exif = Image.Exif()
    exif[0x010E] = "SECRET-EXIF description"
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (41.0, 4.0, 5.0)
    return exif


def iptc_segment():
    """A Photoshop APP13 segment holding an IPTC caption, as photo agencies send."""
    caption = b"SECRET-IPTC caption"
    iptc = b"\x1c\x02\x78" + struct.pack(">H", len(caption)) + caption
    resource = b"8BIM\x04\x04\x00\x00" + struct.pack(">I", len(iptc)) + iptc
    body = b"Photoshop 3.0\x00" + resource
    return b"\xff\xed" + struct.pack(">H", len(body) + 2) + body


def jpeg():
    out = io.BytesIO()
    Image.new("RGB", (640, 360), (30, 120, 110)).save(
        out, "JPEG", exif=exif_with_gps(), comment=b"SECRET-COMMENT", xmp=XMP, icc_profile=ICC
    )
    data = out.getvalue()
    return data[:2] + iptc_segment() + data[2:]  # right after the start marker


def png():
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "SECRET-PNG-TEXT")
    info.add_itxt("XML:com.adobe.xmp", XMP.decode())
    info.add_text("Author", "SECRET-ZTXT", zip=True)
    out = io.BytesIO()
    Image.new("RGBA", (640, 360), (30, 120, 110, 255)).save(
        out, "PNG", pnginfo=info, exif=exif_with_gps(), icc_profile=ICC
    )
    return out.getvalue()


def webp():
    out = io.BytesIO()
    Image.new("RGB", (640, 360), (30, 120, 110)).save(
        out, "WEBP", exif=exif_with_gps(), xmp=XMP, icc_profile=ICC
    )
    return out.getvalue()


def gif(animated=False):
    if animated:
        data = pillow_animation("GIF", size=(640, 360), comment=b"SECRET-GIF-COMMENT")
        assert b"SECRET-GIF-COMMENT" in data
        return data
    out = io.BytesIO()
    Image.new("P", (640, 360), 3).save(out, "GIF", comment=b"SECRET-GIF-COMMENT")
    return out.getvalue()


PICTURES = {
    "phone.jpg": jpeg,
    "screen.png": png,
    "web.webp": webp,
    "still.gif": gif,
    "moving.gif": lambda: gif(animated=True),
}


@pytest.mark.parametrize("name", PICTURES)
def test_no_metadata_survives_in_the_original_or_any_rendition(name):
    content = PICTURES[name]()
    assert b"SECRET" in content  # the test picture does carry it

    photo = GalleryPhoto.objects.create(image=SimpleUploadedFile(name, content), alt_text="x")

    stem = Path(photo.image.name).stem
    renditions = sorted(Path(default_storage.path("renditions")).rglob(f"{stem}-*"))
    assert {p.suffix for p in renditions} == {".webp", ".jpg"}
    assert len(renditions) == 5  # WebP and JPEG 480 and 640 px wide, and the share crop
    for path in [Path(photo.image.path), *renditions]:
        data = path.read_bytes()
        found = [marker for marker in MARKERS if marker in data]
        assert found == [], f"{path.name} still holds {found}"
        assert b"\xff\xfe" not in data[: data.find(b"\xff\xda")]  # no JPEG comment segment
        with Image.open(path) as picture:
            assert "comment" not in picture.info and "icc_profile" not in picture.info


def test_colours_stay_when_the_profile_is_dropped():
    out = io.BytesIO()
    Image.new("RGB", (40, 20), (200, 30, 30)).save(out, "JPEG", icc_profile=ICC, quality=100)

    photo = GalleryPhoto.objects.create(
        image=SimpleUploadedFile("red.jpg", out.getvalue()), alt_text="Red"
    )

    with Image.open(photo.image.path) as picture:
        assert "icc_profile" not in picture.info
        red, green, blue = picture.convert("RGB").getpixel((20, 10))
    assert red > 180 and green < 60 and blue < 60


def test_a_phone_photo_holding_several_pictures_is_stored_as_its_first_alone():
    out = io.BytesIO()
    first, depth_map = Image.new("RGB", (64, 48), (200, 30, 30)), Image.new("RGB", (32, 24))
    first.save(out, "MPO", save_all=True, append_images=[depth_map], exif=exif_with_gps())
    with Image.open(io.BytesIO(out.getvalue())) as picture:
        assert picture.format == "MPO" and picture.n_frames == 2

    photo = GalleryPhoto.objects.create(
        image=SimpleUploadedFile("portrait.jpg", out.getvalue()), alt_text="Portrait"
    )

    with Image.open(photo.image.path) as picture:
        assert picture.format == "JPEG" and picture.size == (64, 48)
        assert getattr(picture, "n_frames", 1) == 1
    assert b"Exif" not in Path(photo.image.path).read_bytes()
