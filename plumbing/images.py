"""Pictures: uploads checked and cleaned, and renditions resized for each purpose.

Every uploaded picture (editor images, featured images, gallery photos, staff photos,
insurance card photos) must be a JPEG, PNG, WebP or GIF within the one pixel budget,
read from its headers before anything is decoded (image_checks.py, image_frames.py).
What is stored is re-encoded from the pixels alone: turned upright, colours moved into
sRGB, every kind of metadata dropped (EXIF with GPS, XMP, IPTC, comments, text chunks,
colour profiles), under a random name. Renditions are made once, when the picture is
saved, with Pillow directly: we need Pillow for the checks anyway, the widths are few and
fixed, and their names follow from the original's, so pages need no lookup to list them.
"""

import io
import uuid
from dataclasses import dataclass
from pathlib import PurePosixPath

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import models
from django.db.models.fields.files import ImageFieldFile
from PIL import Image as PillowImage
from PIL import ImageCms, ImageOps, ImageSequence

from .image_checks import FORMATS, check_upload, damaged
from .seo import Image

RENDITIONS = "renditions"
WIDTHS = (480, 960, 1600)
SHARE_SIZE = (1200, 630)  # what Facebook, LinkedIn and X show best
MAX_STORED_SIDE = 2400
BAND_ROWS = 200  # resized at a time (_within_stored_side)
LANCZOS = PillowImage.Resampling.LANCZOS
SRGB = ImageCms.createProfile("sRGB")
# What of a picture's `info` a saved copy needs; Pillow writes the rest (comments, XMP,
# colour profiles...) into every file it saves from it.
KEPT_INFO = ("transparency",)


def cleaned(file):
    """`file` checked, then re-encoded from its pixels alone: upright, in sRGB, no
    metadata, at most 2400 px. Returns (content, extension); raises ValidationError,
    for a picture that proves damaged while it is decoded too (a JPEG cut short passes
    the checks: they read its headers only)."""
    check_upload(file)
    file.seek(0)
    try:
        with PillowImage.open(file) as picture:
            return _reencoded(picture)
    except ValidationError:
        raise
    except MemoryError:
        raise
    except Exception:
        raise damaged() from None
    finally:
        file.seek(0)


def _reencoded(picture):
    kind = picture.format
    if kind == "GIF" and getattr(picture, "n_frames", 1) > 1:
        return _animated_gif(picture), "gif"
    # Made small first, then turned and moved into sRGB: those copy the picture, and a
    # copy of the small one costs little. A JPEG larger than what is kept is decoded at
    # half its size or less (libjpeg scales while it decodes): a quarter of the memory
    # and the work, and still wider than the largest rendition.
    if kind in ("JPEG", "MPO") and max(picture.size) > MAX_STORED_SIDE:
        scale = 2 if max(picture.size) <= 2 * MAX_STORED_SIDE else 4
        picture.draft(picture.mode, (picture.width // scale, picture.height // scale))
    upright = _pixels_only(_in_srgb(ImageOps.exif_transpose(_within_stored_side(picture))))
    out = io.BytesIO()
    if FORMATS[kind] == "jpg":
        upright.convert("RGB").save(out, "JPEG", quality=88, optimize=True, progressive=True)
    elif kind == "PNG":
        upright.save(out, "PNG", optimize=True)
    elif kind == "WEBP":
        upright.save(out, "WEBP", quality=88)
    else:
        upright.save(out, "GIF")
    return ContentFile(out.getvalue()), FORMATS[kind]


def _within_stored_side(picture):
    """`picture` (loaded) resized to fit MAX_STORED_SIDE, a band of rows at a time.

    Pillow resizes a picture with transparency through a premultiplied copy of the whole
    of it, and keeps a half-resized copy as well: for a 13-megapixel PNG, 80 MB more
    than the decoded pixels. Band by band, each copy is of a band only; each band is
    resized from its own rows and their neighbours (Pillow reads past a box's edges for
    the filter), so the bands meet without a seam."""
    picture.load()
    scale = MAX_STORED_SIDE / max(picture.size)
    if scale >= 1:
        return picture
    width, height = max(1, round(picture.width * scale)), max(1, round(picture.height * scale))
    if picture.mode not in ("RGB", "RGBA", "L", "LA", "CMYK", "I", "I;16", "F"):
        picture = picture.convert("RGBA" if picture.has_transparency_data else "RGB")
    result = PillowImage.new(picture.mode, (width, height))
    result.info = picture.info
    margin = 4 / scale  # Lanczos reads 3 source pixels per destination pixel each side
    for top in range(0, height, BAND_ROWS):
        bottom = min(height, top + BAND_ROWS)
        source_top, source_bottom = top / scale, min(picture.height, bottom / scale)
        first = max(0, int(source_top - margin))
        last = min(picture.height, int(source_bottom + margin) + 1)
        band = picture.crop((0, first, picture.width, last))
        box = (0, source_top - first, picture.width, source_bottom - first)
        result.paste(band.resize((width, bottom - top), LANCZOS, box=box), (0, top))
    return result


def _animated_gif(picture):
    """Every frame re-drawn into a new GIF: the animation and its timing stay, comments
    and extensions go. Frames are drawn one at a time as the encoder asks for them: it
    keeps each at a byte a pixel, never all of them at four."""

    def frames():
        for frame in ImageSequence.Iterator(picture):
            duration = frame.info.get("duration") or 100
            drawn = frame.convert("RGBA")
            drawn.info = {"duration": duration}  # all Pillow may write of it
            yield drawn

    sequence = frames()
    first = next(sequence)
    out = io.BytesIO()
    first.save(out, "GIF", save_all=True, append_images=sequence, loop=picture.info.get("loop", 0))
    return ContentFile(out.getvalue())


def _in_srgb(picture):
    """The pixels moved into sRGB, which browsers assume for a picture without a colour
    profile: the profile can then be dropped (it names the camera or the software)
    without the colours of, say, a phone's Display P3 photo going dull."""
    profile = picture.info.get("icc_profile")
    if not profile or picture.mode not in ("RGB", "RGBA"):
        return picture
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        return ImageCms.profileToProfile(picture, source, SRGB, outputMode=picture.mode)
    except (ImageCms.PyCMSError, OSError, ValueError):
        return picture  # a broken profile: keep the pixels as they are


def _pixels_only(picture):
    """`picture` (changed in place) with nothing in `info` that Pillow would save."""
    picture.info = {key: picture.info[key] for key in KEPT_INFO if key in picture.info}
    return picture


def random_name(extension):
    return f"{uuid.uuid4().hex}.{extension}"


# Renditions ------------------------------------------------------------------------------


def rendition_name(name, label, extension):
    path = PurePosixPath(name)
    return f"{RENDITIONS}/{path.parent}/{path.stem}-{label}.{extension}"


def widths_for(width):
    """The rendition widths of a picture `width` px wide: never wider than the original."""
    if not width:
        return []
    smaller = [w for w in WIDTHS if w < width]
    return smaller if width > WIDTHS[-1] else [*smaller, width]


def make_renditions(field_file):
    """Write a stored picture's renditions: WebP and JPEG at each width, and its share crop."""
    with field_file.open("rb") as source, PillowImage.open(source) as picture:
        # Sizes and crops inherit `info`, so clearing it here keeps it out of every one.
        picture = _pixels_only(_on_white(_in_srgb(ImageOps.exif_transpose(picture))))
        for width in widths_for(picture.width):
            height = round(picture.height * width / picture.width)
            resized = picture.resize((width, height), PillowImage.Resampling.LANCZOS)
            _store(resized, rendition_name(field_file.name, f"w{width}", "webp"), "WEBP")
            _store(resized, rendition_name(field_file.name, f"w{width}", "jpg"), "JPEG")
        share = ImageOps.fit(picture, SHARE_SIZE, PillowImage.Resampling.LANCZOS)
        _store(share, _share_name(field_file), "JPEG")


def _on_white(picture):
    """An RGB copy; transparent parts become white, as on the page, not black."""
    if picture.mode in ("RGBA", "LA", "PA") or "transparency" in picture.info:
        rgba = picture.convert("RGBA")
        white = PillowImage.new("RGBA", rgba.size, (255, 255, 255, 255))
        return PillowImage.alpha_composite(white, rgba).convert("RGB")
    return picture.convert("RGB")


def _store(picture, name, fmt):
    out = io.BytesIO()
    if fmt == "WEBP":
        picture.save(out, fmt, quality=80, method=5)
    else:
        picture.save(out, fmt, quality=82, optimize=True, progressive=True)
    if default_storage.exists(name):
        default_storage.delete(name)
    default_storage.save(name, ContentFile(out.getvalue()))


def _share_name(field_file):
    return rendition_name(field_file.name, "{}x{}".format(*SHARE_SIZE), "jpg")


def share_image(field_file, alt):
    """The 1200x630 crop link previews show, made when the picture was saved."""
    return Image(default_storage.url(_share_name(field_file)), *SHARE_SIZE, alt)


@dataclass
class Source:
    url: str
    width: int


@dataclass
class Picture:
    """What a <picture> element needs, from names alone: no storage lookup per request."""

    webp: list
    jpeg: list
    width: int
    height: int

    @classmethod
    def of(cls, field_file, width, height):
        def sources(extension):
            return [
                Source(default_storage.url(rendition_name(field_file.name, f"w{w}", extension)), w)
                for w in widths_for(width)
            ]

        return cls(sources("webp"), sources("jpg"), width, height)

    @property
    def fallback(self):
        """The JPEG to show where srcset is not understood: the middle width."""
        return self.jpeg[len(self.jpeg) // 2]


class SafeImageFormField(forms.ImageField):
    """Checks uploads with check_upload(), whose messages say what is wrong and what to do."""

    ACCEPT = "image/jpeg,image/png,image/webp,image/gif"

    def to_python(self, data):
        upload = forms.FileField.to_python(self, data)
        if upload is not None:
            # Decoded and re-encoded here, once: a picture damaged past its headers is
            # refused with the form's other errors, not found out while the model is
            # saved (a 500). The model's save stores this result (SafeImageFieldFile).
            upload.reencoded = cleaned(upload)
        return upload

    def widget_attrs(self, widget):
        return {**super().widget_attrs(widget), "accept": self.ACCEPT}


class SafeImageFieldFile(ImageFieldFile):
    """A picture that is checked, cleaned and renamed whenever it is stored: Django's
    FileField stores a new upload through save() (its pre_save does), and so does code
    calling `instance.image.save(name, content)`."""

    def save(self, name, content, save=True):
        # Already cleaned when it came through the form (SafeImageFormField).
        content, extension = getattr(content, "reencoded", None) or cleaned(content)
        super().save(random_name(extension), content, save=save)


class SafeImageField(models.ImageField):
    """An ImageField whose uploads are checked, cleaned, renamed and given renditions."""

    attr_class = SafeImageFieldFile

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": SafeImageFormField, **kwargs})

    def pre_save(self, model_instance, add):
        # ImageField's own pre_save stores a new upload (SafeImageFieldFile.save).
        field_file = super().pre_save(model_instance, add)
        if field_file and not default_storage.exists(_share_name(field_file)):
            make_renditions(field_file)  # new, or stored by other means
        if field_file and self.width_field and not getattr(model_instance, self.width_field):
            # Pages print width and height from these fields; never leave them empty.
            self.update_dimension_fields(model_instance, force=True)
        return field_file
