"""Static files: only what the site uses is shipped, and none can be sniffed or framed."""

import pytest
from django.test import Client

VENDOR_PAGE = "ckeditor/ckeditor/plugins/exportpdf/tests/manual/integration.html"
EDITOR_FILES = [
    "ckeditor/ckeditor/ckeditor.js",
    "ckeditor/ckeditor/plugins/image/dialogs/image.js",
    "ckeditor/ckeditor-init.js",
    "ckeditor/galleriffic/js/jquery.galleriffic.js",  # the image browser's
]
LEFT_OUT = [
    VENDOR_PAGE,
    "ckeditor/ckeditor/plugins/preview/preview.html",
    "ckeditor/ckeditor/plugins/wsc/dialogs/ciframe.html",
    "ckeditor/ckeditor/README.md",
    "ckeditor/ckeditor/bender-runner.config.json",
    "ckeditor/ckeditor/plugins/exportpdf/plugin.js",
]


def test_collected_files_hold_no_vendor_tests_samples_pages_or_notes(collected_static):
    collected = [p.relative_to(collected_static).as_posix() for p in collected_static.rglob("*")]
    vendor = [path for path in collected if path.startswith("ckeditor/") and "." in path]

    assert vendor, "the editor's files are collected"
    assert [p for p in vendor if "/tests/" in p or "/samples/" in p] == []
    assert [p for p in vendor if p.endswith((".html", ".html.gz", ".md", ".txt"))] == []
    assert [p for p in vendor if "exportpdf" in p] == []
    for path in EDITOR_FILES:
        assert (collected_static / path).exists()


@pytest.fixture
def production_static(settings, collected_static):
    """The site serving its static files as production does: WhiteNoise, from the
    collected files, with debug off."""
    settings.DEBUG = False
    settings.WHITENOISE_USE_FINDERS = False
    settings.WHITENOISE_AUTOREFRESH = False
    settings.STATIC_ROOT = collected_static
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    return Client()


@pytest.fixture
def static_from_finders(settings):
    """As in development: WhiteNoise finds files in the apps as they are asked for."""
    settings.WHITENOISE_USE_FINDERS = True
    settings.WHITENOISE_AUTOREFRESH = True
    return Client()


@pytest.mark.parametrize("serving", ["production_static", "static_from_finders"])
def test_vendor_test_pages_are_404_and_editor_files_are_served_with_safe_headers(
    request, serving, db
):
    client = request.getfixturevalue(serving)

    for path in LEFT_OUT:
        assert client.get(f"/static/{path}").status_code == 404, path
    for path in EDITOR_FILES:
        response = client.get(f"/static/{path}")
        assert response.status_code == 200, path
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["X-Frame-Options"] == "DENY"
        assert response["Content-Security-Policy"] == "frame-ancestors 'none'"
