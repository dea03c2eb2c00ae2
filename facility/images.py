"""Renditions: copies of an uploaded picture resized for a purpose, made once and kept."""

import io
from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image as PillowImage
from PIL import ImageOps

from .seo import Image

RENDITIONS = "renditions"


def rendition_name(name, width, height, fmt):
    path = PurePosixPath(name)
    return f"{RENDITIONS}/{path.parent}/{path.stem}-{width}x{height}.{fmt.lower()}"


def cropped(field_file, width, height, alt="", fmt="JPEG"):
    """`field_file` cut to exactly width x height around its centre, as an Image.

    The file is written the first time it is asked for; later calls only find it.
    """
    name = rendition_name(field_file.name, width, height, "jpg" if fmt == "JPEG" else fmt)
    if not default_storage.exists(name):
        with field_file.open("rb") as source, PillowImage.open(source) as picture:
            picture = ImageOps.exif_transpose(picture).convert("RGB")
            picture = ImageOps.fit(picture, (width, height), PillowImage.Resampling.LANCZOS)
            out = io.BytesIO()
            picture.save(out, fmt, quality=82, optimize=True, progressive=True)
        name = default_storage.save(name, ContentFile(out.getvalue()))
    return Image(default_storage.url(name), width, height, alt)
