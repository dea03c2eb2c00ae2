"""The pages regulators ask for: an accessibility statement and a nondiscrimination
notice, staff-edited pages linked from every footer."""

import pytest
from django.urls import reverse

from facility.models import Page

pytestmark = pytest.mark.django_db

ACCESSIBILITY = reverse("facility:page", args=["accessibility"])
NONDISCRIMINATION = reverse("facility:page", args=["nondiscrimination-notice"])


def footer(html):
    return html[html.index("<footer") :]


@pytest.mark.parametrize(
    "url", [reverse("website:home"), reverse("facility:services"), reverse("inquiries:contact")]
)
def test_every_footer_links_both_notices(client, facility, url):
    html = footer(client.get(url).content.decode())
    assert f'<a href="{ACCESSIBILITY}">Accessibility</a>' in html
    assert f'<a href="{NONDISCRIMINATION}">Nondiscrimination notice</a>' in html
    assert f'<a href="{reverse("website:site_map")}">Site map</a>' in html


def test_the_demo_writes_both_pages_with_what_they_must_say(client, demo_data):
    statement = client.get(ACCESSIBILITY).content.decode()
    notice = client.get(NONDISCRIMINATION).content.decode()

    assert "<h1>Accessibility Statement</h1>" in statement
    assert "WCAG" in statement and "2.1" in statement and "level AA" in statement
    assert "Tell us about a barrier" in statement
    assert "<h1>Nondiscrimination Notice</h1>" in notice
    assert "do not discriminate" in notice and "interpreters" in notice
    assert '<li lang="es" dir="ltr">' in notice  # the Spanish tagline, marked Spanish
    assert Page.objects.filter(slug__in=["accessibility", "nondiscrimination-notice"]).count() == 2
