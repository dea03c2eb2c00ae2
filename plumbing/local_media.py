"""Uploaded images served by Django itself, for `make serve` without nginx.

Production serves MEDIA_ROOT from nginx (docs/deploy.md). Tried out locally with debug
off, nothing would, and every picture would be broken: DJANGO_SERVE_MEDIA=true, which
only `make serve`'s local mode sets, routes MEDIA_URL here. Only image files are served,
with the headers nginx adds, so that no browser ever treats a file as a page or a script;
anything else under MEDIA_ROOT, a folder or a path leaving it is a 404. Pictures on disk
only: with MEDIA_S3_BUCKET the bucket serves them and this view is not routed.
"""

from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.http import Http404
from django.views.static import serve

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".gif", ".webp"}
# Stored names are random, and a file is never changed under its name.
MAX_AGE_SECONDS = 30 * 24 * 3600


def serve_image(request, path):
    if PurePosixPath(path).suffix.lower() not in IMAGE_SUFFIXES:
        raise Http404("Not an image.")
    try:
        # Django's own view refuses folders; a path leaving the folder raises.
        response = serve(request, path, document_root=settings.MEDIA_ROOT)
    except SuspiciousFileOperation:
        raise Http404("Not in the media folder.") from None
    if response.status_code == 200 and not response["Content-Type"].startswith("image/"):
        raise Http404("Not an image.")
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = f"public, max-age={MAX_AGE_SECONDS}"
    return response
