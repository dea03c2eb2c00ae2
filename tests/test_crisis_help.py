"""Help for someone in crisis: on every page, editable by staff, and more on Contact."""

import re

import pytest
from django.urls import reverse

from facility.models import DEFAULT_CRISIS_LINE

pytestmark = pytest.mark.django_db


def crisis_help(html):
    """The crisis help strip of a page, which comes before the site's header."""
    match = re.search(r'<aside class="crisis-help".*?</aside>', html, re.DOTALL)
    assert match, "no crisis help on the page"
    assert match.start() < html.index('<header class="site-header">')
    return match.group(0)


def test_every_page_offers_988_and_our_own_phone(client, facility, pages, make_post):
    post = make_post()
    for url in [
        reverse("website:home"),
        post.get_absolute_url(),
        reverse("inquiries:contact"),
        reverse("facility:page", args=["privacy-policy"]),
        "/no-such-page/",
    ]:
        strip = crisis_help(client.get(url).content.decode())
        assert DEFAULT_CRISIS_LINE in strip, url
        assert 'Call <a href="tel:988">988</a> or <a href="sms:988">text 988</a>' in strip, url
        assert "Suicide &amp; Crisis Lifeline" in strip, url
        assert '<a href="tel:+18556052135">1-855-605-2135</a>' in strip, url


def test_staff_edit_the_crisis_line_in_the_facility_admin(editor_client, client, facility):
    change = reverse("admin:facility_facility_change", args=[facility.pk])
    form = editor_client.get(change).content.decode()
    assert 'name="crisis_line_en"' in form and 'name="crisis_line_es"' in form

    facility.crisis_line = "Having a hard night? Someone is awake and ready to listen."
    facility.save()

    strip = crisis_help(client.get(reverse("website:home")).content.decode())
    assert "Having a hard night? Someone is awake and ready to listen." in strip
    assert 'href="tel:988"' in strip  # the Lifeline stays, whatever staff write


def test_contact_page_also_gives_the_samhsa_helpline(client, facility):
    html = client.get(reverse("inquiries:contact")).content.decode()
    main = html[html.index("<main") : html.index("</main>")]

    assert "SAMHSA National Helpline" in main
    assert '<a href="tel:+18006624357">1-800-662-4357</a>' in main
    assert 'href="tel:988"' in main and 'href="tel:911"' in main
