"""Every absolute address the site writes is on SITE_URL: a request naming another Host
(any host ALLOWED_HOSTS lets through, on any port) or another scheme (X-Forwarded-Proto,
trusted behind a proxy) changes none of them, in pages the edge keeps for everyone nor
in the e-mail that tells staff of an inquiry. Production requires SITE_URL."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.urls import reverse
from django.utils import translation

from facility.models import Center

from .factories import INQUIRY_POST

pytestmark = pytest.mark.django_db

SITE = "https://www.recovery.example"
FORGED = {"HTTP_HOST": "mirror.recovery.example:8443", "HTTP_X_FORWARDED_PROTO": "http"}


@pytest.fixture
def site_url(settings):
    settings.SITE_URL = SITE
    # The forged host is one ALLOWED_HOSTS lets through (a pattern such as
    # `.recovery.example` would), and the proxy in front is trusted for the scheme.
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, ".recovery.example"]
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_SSL_REDIRECT = False


def addresses(text):
    """Every absolute http(s) address in `text` (attributes, JSON, XML, plain text)."""
    return set(re.findall(r"https?://[^\s\"'<>\\]+", text))


def ours(found):
    """The addresses that point at this site (not 988's, OpenStreetMap's, a network's)."""
    return {
        url
        for url in found
        if (urlsplit(url).hostname or "").endswith(("recovery.example", "testserver"))
    }


def test_pages_feeds_and_files_name_only_site_url_whatever_the_request_says(
    client, site_url, facility, make_post
):
    post = make_post()
    with translation.override("es"):
        spanish_home = reverse("website:home")
    urls = [
        reverse("website:home"),
        spanish_home,
        post.get_absolute_url(),
        reverse("articles:list"),
        reverse("articles:feed"),
        reverse("articles:atom"),
        post.category.get_absolute_url() + "feed/",
        "/sitemap.xml",
        "/locations.json",
        "/robots.txt",
    ]
    for url in urls:
        response = client.get(url, **FORGED)
        assert response.status_code == 200, url
        text = response.content.decode()
        found = ours(addresses(text))

        assert found, url  # each names the site somewhere
        assert {address for address in found if not address.startswith(SITE + "/")} == set(), url
        assert "mirror.recovery.example" not in text and "8443" not in text, url

    home = client.get(reverse("website:home"), **FORGED).content.decode()
    assert f'<link rel="canonical" href="{SITE}/">' in home
    assert re.search(rf'<link rel="alternate" hreflang="es" href="{SITE}/es/">', home)
    assert f'"url": "{SITE}/"' in home or f'"url":"{SITE}/"' in home  # JSON-LD


def test_the_staff_notification_links_to_site_url(client, site_url, facility):
    Center.objects.update(payments=["self-pay"])

    response = client.post(reverse("inquiries:contact"), INQUIRY_POST, **FORGED)

    assert response.status_code == 302
    (message,) = mail.outbox
    assert ours(addresses(message.body)) and all(
        address.startswith(SITE + "/admin/") for address in ours(addresses(message.body))
    )
    assert "mirror" not in message.body


def test_the_deployment_checks_warn_when_debug_is_off_without_site_url(settings):
    settings.DEBUG = False
    settings.SITE_URL = ""

    with pytest.raises(SystemCheckError, match=r"plumbing\.W001"):
        call_command("check", "--deploy", "--tag", "security", "--fail-level", "WARNING")

    settings.SITE_URL = SITE
    call_command("check", "--tag", "security")  # nothing to say about it


def test_a_script_name_from_the_server_moves_no_link(client, facility):
    """Whatever WSGI server runs the site, a SCRIPT_NAME it passes on (from a header, as
    gunicorn would from a trusted proxy by default) puts no prefix on the links."""
    html = client.get(reverse("website:home"), SCRIPT_NAME="/evil").content.decode()

    assert "/evil" not in html
    assert f'href="{reverse("inquiries:contact")}"' in html
