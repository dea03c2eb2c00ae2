"""The headers that tell browsers what this site allows: strict for the public, looser
only on the staff tools that need it."""

import pytest
from django.urls import reverse

from .conftest import jpeg_file

pytestmark = pytest.mark.django_db


def policy(response):
    """The Content-Security-Policy header as {directive: sources}."""
    directives = [d.strip() for d in response["Content-Security-Policy"].split(";") if d.strip()]
    return {name: sources for name, _, sources in (d.partition(" ") for d in directives)}


def test_public_pages_carry_the_strict_policy_and_security_headers(client, facility):
    response = client.get(reverse("facility:home"))

    csp = policy(response)
    assert csp["default-src"] == "'self'"
    assert csp["script-src"] == "'self'" and csp["style-src"] == "'self'"
    assert csp["frame-src"] == "https://www.openstreetmap.org"
    assert csp["object-src"] == "'none'" and csp["frame-ancestors"] == "'none'"
    assert "unsafe" not in response["Content-Security-Policy"]
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


def test_the_admin_alone_allows_the_editors_inline_code(client, editor_client, facility):
    admin = policy(editor_client.get(reverse("admin:articles_post_add")))

    assert admin["script-src"] == "'self' 'unsafe-inline'"
    assert admin["style-src"] == "'self' 'unsafe-inline'"
    assert admin["frame-ancestors"] == "'none'"
    assert "unsafe-eval" not in str(admin)


def test_editor_uploads_may_answer_into_the_admins_frame(editor_client, facility):
    response = editor_client.post(
        reverse("ckeditor_upload") + "?CKEditorFuncNum=1",
        {"upload": jpeg_file()},
        HTTP_ORIGIN="http://testserver",
    )

    assert 'window.parent.CKEDITOR.tools.callFunction(1, "/media/' in response.content.decode()

    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert policy(response)["frame-ancestors"] == "'self'"


def test_pages_from_the_cache_get_the_headers_too(client, facility, settings):
    settings.PAGE_CACHE_SECONDS = 600
    client.get(reverse("facility:home"))

    response = client.get(reverse("facility:home"))

    assert response["X-Cache"] == "hit"
    assert policy(response)["script-src"] == "'self'"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]
