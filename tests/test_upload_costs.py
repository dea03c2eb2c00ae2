"""What the worst picture anyone can make costs the worker that checks it.

Each picture is made here, then checked and re-encoded by plumbing/images.py's cleaned()
in a process of its own, so that its peak memory (VmHWM, which counts what Pillow
allocates outside Python too) and its processor time are its own. Processor time, not
wall time: other work on a loaded machine slows the clock, not the work. The bounds leave
room: the measured costs are printed (pytest -s) and reported in the closing note.

Over the pixel budget (IMAGE_MAX_PIXELS, 13 MP), a picture is refused from its headers
before anything is decoded, whatever its format: on main a 60-megapixel JPEG of 0.9 MB
was decoded whole (8-17 s and 550-690 MB a worker).
"""

import io
import json
import os
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image, ImageCms

from .test_animated_images import gif

ROOT = Path(__file__).resolve().parent.parent
# The most pixels within the budget at a phone's 4:3: 12.98 megapixels.
AT_BUDGET = (4160, 3120)
MEASURE = """
import json, resource, sys, time
import django
django.setup()
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from plumbing import images

def peak_kb():  # this process's own high-water mark (ru_maxrss outlives exec)
    status = open("/proc/self/status").read()
    return int(status.split("VmHWM:")[1].split()[0])

data = open(sys.argv[1], "rb").read()
peak_before = peak_kb()
before = resource.getrusage(resource.RUSAGE_SELF)
try:
    content, extension = images.cleaned(SimpleUploadedFile("upload", data))
    outcome = {"stored": extension, "size": len(content.read())}
except ValidationError as error:
    outcome = {"refused": error.code, "message": error.messages[0]}
after = resource.getrusage(resource.RUSAGE_SELF)
cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
outcome.update(cpu=round(cpu, 2), megabytes=round((peak_kb() - peak_before) / 1024))
print(json.dumps(outcome))
"""


def cost(path):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings", "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", MEASURE, str(path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    print(f"{path.name}: {path.stat().st_size:,} bytes -> {outcome}")
    return outcome


def noise(mode, size):
    return Image.frombytes(mode, size, os.urandom(size[0] * size[1] * len(mode)))


def four_grays(size):
    """Noise of four grays: every pixel differs from its neighbours, yet a GIF of it
    stays within the upload's bytes."""
    return noise("L", size).point(lambda value: value & 0xC0)


def encoded(picture, fmt, **options):
    out = io.BytesIO()
    picture.save(out, fmt, **options)
    return out.getvalue()


def phone_exif():
    exif = Image.Exif()
    exif[0x0112] = 6  # stored sideways
    return exif


SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def within_budget():
    """The costliest pictures we could make that the budget lets through."""
    # An animation counts its frames and three canvases more (image_frames.py).
    frames = [four_grays((206, 206)) for _ in range(300)]  # (300 + 3) x 42,436 px
    large = [four_grays((1612, 1612)) for _ in range(2)]  # (2 + 3) x 2.6 MP
    return {
        # Progressive JPEGs keep every coefficient of the picture while they decode;
        # CMYK has four channels of them, and noise compresses least.
        "cmyk-progressive.jpg": encoded(
            noise("CMYK", AT_BUDGET), "JPEG", quality=30, progressive=True
        ),
        "rgb-444-progressive-sideways-icc.jpg": encoded(
            noise("RGB", AT_BUDGET),
            "JPEG",
            quality=50,
            subsampling=0,
            progressive=True,
            exif=phone_exif(),
            icc_profile=SRGB,
        ),
        "rgba-noise-band.png": encoded(_band_of_noise("RGBA"), "PNG", icc_profile=SRGB),
        "rgba-flat.png": encoded(Image.new("RGBA", AT_BUDGET, (9, 9, 9, 9)), "PNG"),
        # A WebP counts eight canvases more (image_frames.py): 9 x 1.44 MP.
        "webp-noise.webp": encoded(noise("RGB", (1388, 1040)), "WEBP", quality=20),
        "webp-lossless-noise.webp": encoded(noise("RGBA", (1388, 1040)), "WEBP", lossless=True),
        "gif-300-frames.gif": encoded(
            frames[0], "GIF", save_all=True, append_images=frames[1:], duration=20
        ),
        "gif-2-large-frames.gif": encoded(
            large[0], "GIF", save_all=True, append_images=large[1:], duration=20
        ),
    }


def _band_of_noise(mode):
    picture = Image.new(mode, AT_BUDGET, (9, 9, 9, 9))
    picture.paste(noise(mode, (AT_BUDGET[0], 800)), (0, 0))
    return picture


def lossless_webp_header(width, height):
    """A still lossless WebP's headers claiming `width` x `height`, and little else."""
    bits = (width - 1) | ((height - 1) << 14)
    body = b"\x2f" + bits.to_bytes(4, "little") + b"\0" * 16
    chunk = b"VP8L" + struct.pack("<I", len(body)) + body
    return b"RIFF" + struct.pack("<I", 4 + len(chunk)) + b"WEBP" + chunk


def over_budget():
    """Small files asking for far more pixels than the budget."""
    return {
        # The review's: 60 megapixels in 0.9 MB, decoded whole on main. Gray, so that
        # making it here costs 60 MB, not 180.
        "jpeg-7745-square.jpg": encoded(
            Image.new("L", (7745, 7745), 9), "JPEG", exif=phone_exif(), icc_profile=SRGB
        ),
        "png-7000-square.png": encoded(Image.new("L", (7000, 7000)), "PNG"),
        "webp-16383-square.webp": lossless_webp_header(16383, 16383),
        "webp-just-over.webp": encoded(Image.new("RGB", (1388, 1041)), "WEBP"),
        "gif-canvas-bomb.gif": gif([(0, 0, 10, 10)] + [(60_000, 60_000, 5_000, 5_000)] * 4),
        "gif-1000-frames.gif": gif([(0, 0, 10, 10)] * 1000, screen=(10, 10)),
        "gif-frames-over-budget.gif": gif([(0, 0, 1, 1)] * 2, screen=(1613, 1613)),
        "just-over.png": encoded(Image.new("L", (4161, 3125)), "PNG"),
    }


@pytest.fixture(scope="module")
def pictures(tmp_path_factory):
    folder = tmp_path_factory.mktemp("worst")
    made = {}
    for name, data in {**within_budget(), **over_budget()}.items():
        (folder / name).write_bytes(data)
        made[name] = folder / name
    return made


WITHIN_BUDGET = [
    "cmyk-progressive.jpg",
    "rgb-444-progressive-sideways-icc.jpg",
    "rgba-noise-band.png",
    "rgba-flat.png",
    "gif-300-frames.gif",
    "gif-2-large-frames.gif",
    "webp-noise.webp",
    "webp-lossless-noise.webp",
]


@pytest.mark.parametrize("name", WITHIN_BUDGET)
def test_the_worst_picture_within_the_budget_costs_about_a_second_and_100_mb(pictures, name):
    outcome = cost(pictures[name])

    assert "stored" in outcome, outcome
    # The bound, "about a second and 100 MB", with room for a loaded machine.
    assert outcome["cpu"] < 2.0
    assert outcome["megabytes"] < 120


@pytest.mark.parametrize("name", sorted(over_budget()))
def test_pictures_over_the_budget_are_refused_before_anything_is_decoded(pictures, name):
    outcome = cost(pictures[name])

    assert outcome.get("refused") in ("too_many_pixels", "too_many_frames"), outcome
    assert outcome["cpu"] < 0.3
    assert outcome["megabytes"] < 25  # the file read once more, no pixels
    if name.endswith(".webp"):
        assert "WebP pictures can be at most 1.4 megapixels" in outcome["message"]
    elif outcome["refused"] == "too_many_pixels":
        assert "13 megapixels" in outcome["message"]
