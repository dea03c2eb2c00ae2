"""The headers that tell browsers what this site allows: strict for the public, looser
only on the staff tools that need it."""

import re

import pytest
from django.conf import settings
from django.urls import reverse

from .factories import jpeg_file

pytestmark = pytest.mark.django_db


def policy(response):
    """The Content-Security-Policy header as {directive: sources}."""
    directives = [d.strip() for d in response["Content-Security-Policy"].split(";") if d.strip()]
    return {name: sources for name, _, sources in (d.partition(" ") for d in directives)}


def test_public_pages_carry_the_strict_policy_and_security_headers(client, facility):
    response = client.get(reverse("website:home"))

    csp = policy(response)
    assert csp["default-src"] == "'self'"
    assert csp["script-src"] == f"'self' {settings.EARLY_SCRIPT_HASH}"
    assert csp["style-src"] == "'self'"
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
    client.get(reverse("website:home"))

    response = client.get(reverse("website:home"))

    assert response["X-Cache"] == "hit"
    assert policy(response)["script-src"] == f"'self' {settings.EARLY_SCRIPT_HASH}"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]


def test_the_one_inline_script_is_allowed_by_its_hash_and_nothing_else(client, facility):
    html = client.get(reverse("website:home")).content.decode()
    inline = re.findall(r"<script>(.*?)</script>", html)

    assert inline == [settings.EARLY_SCRIPT]  # the hash in the policy is of this text
    assert policy(client.get(reverse("website:home")))["script-src"] == (
        f"'self' {settings.EARLY_SCRIPT_HASH}"
    )


def test_staff_tools_get_unsafe_inline_without_the_hash_that_would_cancel_it(admin_client):
    sources = policy(admin_client.get(reverse("admin:index")))["script-src"].split()
    assert "'unsafe-inline'" in sources
    assert not any(source.startswith("'sha256-") for source in sources)


def test_the_policy_built_once_follows_a_change_of_settings(client, facility, settings):
    assert (
        "https://maps.example.org"
        not in client.get(reverse("website:home"))["Content-Security-Policy"]
    )
    directives = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
    settings.CONTENT_SECURITY_POLICY = {
        **settings.CONTENT_SECURITY_POLICY,
        "DIRECTIVES": {**directives, "frame-src": ["https://maps.example.org"]},
    }

    csp = policy(client.get(reverse("website:home")))

    assert csp["frame-src"] == "https://maps.example.org"
    assert csp["default-src"] == "'self'"


def test_a_view_that_changes_the_policy_still_gets_its_own(rf, settings):
    from csp.decorators import csp_update

    from plumbing.security import ContentSecurityPolicyMiddleware

    @csp_update({"img-src": ["https://images.example.org"]})
    def view(request):
        from django.http import HttpResponse

        return HttpResponse("ok")

    request = rf.get("/somewhere/")
    middleware = ContentSecurityPolicyMiddleware(view)
    response = middleware(request)

    assert "https://images.example.org" in policy(response)["img-src"]


# One of each kind of answer: pages in both languages, a form with its errors, a
# redirect, a 404, feeds and sitemaps, the data exports, the health check, the admin and
# a static file (answered by WhiteNoise before Django's views).
EVERY_KIND = [
    ("get", "/"),
    ("get", "/es/"),
    ("post", "/admissions/"),
    ("get", "/es/contact/"),
    ("get", "/no-such-page/"),
    ("get", "/blog/feed/"),
    ("get", "/sitemap.xml"),
    ("get", "/robots.txt"),
    ("get", "/locations.json"),
    ("get", "/healthz"),
    ("get", "/admin/login/"),
    ("get", "/static/css/admin.css"),
]


@pytest.mark.parametrize(("method", "path"), EVERY_KIND)
def test_every_answer_keeps_its_resources_to_this_site(client, facility, settings, method, path):
    settings.WHITENOISE_USE_FINDERS = True
    settings.WHITENOISE_AUTOREFRESH = True

    response = getattr(client, method)(path)

    assert response.status_code < 500
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"


def test_cached_pages_keep_their_resources_to_this_site_too(client, facility, settings):
    settings.PAGE_CACHE_SECONDS = 600
    client.get("/")

    again = client.get("/")

    assert again["Cross-Origin-Resource-Policy"] == "same-origin"
