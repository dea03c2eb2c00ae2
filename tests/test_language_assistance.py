"""Free language assistance, offered in the languages staff choose, each in its own
words, script and direction, with the number to call; linked from every footer."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from facility.language_assistance import TAGLINES, AssistanceLanguage
from facility.models import Facility

pytestmark = pytest.mark.django_db


def taglines(html):
    """(lang, dir) of each tagline on the page."""
    return re.findall(r'<li lang="([^"]+)" dir="(ltr|rtl)">', html)


def test_a_new_site_offers_every_language_with_a_tagline(client, facility):
    html = client.get(reverse("facility:language_assistance")).content.decode()

    assert taglines(html) == [
        (code, "rtl" if code == "ar" else "ltr") for code in AssistanceLanguage.values
    ]
    assert "1-855-605-2135" in html
    assert html.count('href="tel:') >= len(TAGLINES)


def test_staff_choose_the_languages_offered(client, facility):
    facility.language_assistance = ["vi", "ar"]
    facility.save()

    html = client.get(reverse("facility:language_assistance")).content.decode()

    assert taglines(html) == [("vi", "ltr"), ("ar", "rtl")]
    assert "Tiếng Việt" in html and "العربية" in html
    assert "Español</strong>" not in html


def test_the_phone_number_reads_left_to_right_in_the_arabic_tagline(client, facility):
    facility.language_assistance = ["ar"]
    facility.save()

    html = client.get(reverse("facility:language_assistance")).content.decode()
    arabic = re.search(r'<li lang="ar" dir="rtl">(.*?)</li>', html, re.S).group(1)

    assert 'dir="ltr">1-855-605-2135</a>' in arabic


def test_the_page_is_in_spanish_at_its_spanish_address(client, facility):
    with translation.override("es"):
        url = reverse("facility:language_assistance")
    html = client.get(url).content.decode()

    assert url == "/es/asistencia-linguistica/"
    assert "<h1>Asistencia lingüística</h1>" in html
    assert "le ayudamos en su idioma, sin costo" in html
    assert 'href="/language-assistance/" lang="en"' in html  # the switcher


def test_every_page_links_to_it_from_the_footer(client, facility, pages):
    for url in ["/", "/blog/", "/contact/", "/who-we-are/", "/no-such-page/"]:
        html = client.get(url).content.decode()
        footer = html[html.index('<footer class="site-footer">') :]
        assert '<a href="/language-assistance/">Language assistance</a>' in footer, url


def test_staff_set_the_languages_in_the_admin(admin_client, facility):
    url = reverse("admin:facility_facility_change", args=[facility.pk])
    html = admin_client.get(url).content.decode()

    assert 'name="language_assistance" value="ko"' in html


def test_a_facility_offers_every_language_until_staff_choose(facility):
    assert Facility.objects.get().language_assistance == list(AssistanceLanguage.values)
