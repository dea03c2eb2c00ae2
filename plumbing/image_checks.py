"""Whether an upload is a picture we take: its format, its size in bytes, and its pixels
against the one pixel budget (IMAGE_MAX_PIXELS), all read from its headers before
anything is decoded (image_frames.py reads them); plumbing/images.py decodes only what
passes. The refusals say what is wrong and what to do, the pixel budget's in English and
Spanish."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image as PillowImage
from PIL import UnidentifiedImageError

from .image_frames import Unreadable, frames_of

# MPO: what Pillow calls a JPEG that carries more pictures after the first (depth maps,
# previews), as many phones take them; only the first is kept.
FORMATS = {"JPEG": "jpg", "MPO": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}
ACCEPTED = "a JPEG, PNG, WebP or GIF picture"


def check_upload(file):
    """Raise ValidationError, in words staff understand, unless `file` is a usable picture.

    Everything here reads headers only: the pixel budget is judged before anything is
    decoded, for every format alike."""
    max_bytes = settings.IMAGE_MAX_UPLOAD_BYTES
    size = getattr(file, "size", None)
    if size is not None and size > max_bytes:
        raise ValidationError(
            f"This file is {filesizeformat(size)}; pictures can be at most "
            f"{filesizeformat(max_bytes)}. Please upload a smaller one.",
            code="too_big",
        )
    file.seek(0)
    head = file.read(512).lstrip()
    if head[:5].lower() in (b"<?xml", b"<svg ") or b"<svg" in head.lower():
        raise ValidationError(
            f"SVG drawings are not accepted: they can carry scripts. Please upload {ACCEPTED}.",
            code="svg",
        )
    file.seek(0)
    try:
        frames = frames_of(file.read())
    except Unreadable:
        raise damaged() from None
    if frames:
        _check_frames(frames)
    file.seek(0)
    try:
        with PillowImage.open(file) as picture:
            kind, (width, height) = picture.format, picture.size
            if kind not in FORMATS:
                raise ValidationError(
                    f"This is a {kind} file. Please upload {ACCEPTED}.", code="format"
                )
            if width * height > max_pixels():
                raise too_many_pixels(width, height)
            picture.verify()
    except ValidationError:
        raise
    except PillowImage.DecompressionBombError:
        raise too_many_pixels(0, 0) from None
    except UnidentifiedImageError:
        raise ValidationError(
            f"This file is not a picture we can open. Please upload {ACCEPTED}.", code="invalid"
        ) from None
    except Exception:
        raise damaged() from None
    finally:
        file.seek(0)
    return kind


def max_pixels():
    """The one pixel budget of every upload, still or animated, whatever its format."""
    return settings.IMAGE_MAX_PIXELS


def megapixels(pixels):
    """`pixels` in megapixels as people write them: 12, 12.5."""
    return f"{pixels / 1_000_000:.1f}".removesuffix(".0")


def too_many_pixels(width, height, frames=1, drawing=0):
    """The refusal of a picture over the pixel budget; `width` and `height` 0 when Pillow
    refused it before we could read them; `drawing`: the canvases more its decoder
    keeps (image_frames.DRAWING_CANVASES)."""
    params = {
        "width": width,
        "height": height,
        "frames": frames,
        "megapixels": megapixels(max_pixels() // (frames + drawing)),
    }
    if not width:
        message = _(
            "This picture has too many pixels to process safely. Please upload one of at "
            "most %(megapixels)s megapixels."
        )
    elif frames > 1 and width * height > max_pixels():
        params["megapixels"] = megapixels(max_pixels())
        message = _(
            "This animation's frames span %(width)s × %(height)s pixels: too many pixels "
            "to process safely. Please upload one of at most %(megapixels)s megapixels."
        )
    elif frames > 1:
        params["megapixels"] = megapixels(max_pixels())
        message = _(
            "This animation has %(frames)s frames of %(width)s × %(height)s pixels: too "
            "many pixels to process safely (at most %(megapixels)s megapixels over all "
            "frames, counting three more for drawing them). Please upload a shorter or "
            "smaller one."
        )
    elif drawing:
        message = _(
            "This WebP picture is %(width)s × %(height)s pixels: too many to process "
            "safely, as reading a WebP takes several times the memory. WebP pictures can be "
            "at most %(megapixels)s megapixels: please upload a smaller one, or this one "
            "as a JPEG or PNG."
        )
    else:
        message = _(
            "This picture is %(width)s × %(height)s pixels: too many pixels to process "
            "safely. Please upload one of at most %(megapixels)s megapixels."
        )
    return ValidationError(message, code="too_many_pixels", params=params)


def damaged():
    return ValidationError(
        f"This picture seems damaged. Please export it again as {ACCEPTED}.", code="damaged"
    )


def _check_frames(frames):
    """Refuse, from the headers alone, what would take too much time or memory to decode."""
    if frames.count > settings.IMAGE_MAX_FRAMES:
        raise ValidationError(
            f"This animation has {frames.count} frames; we accept at most "
            f"{settings.IMAGE_MAX_FRAMES}. Please upload a shorter one.",
            code="too_many_frames",
        )
    if frames.decoded_pixels > max_pixels():
        raise too_many_pixels(frames.width, frames.height, frames.count, frames.drawing)
