"""Every public page answers, has one h1, and carries the header and footer from the data."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(facility, pages, make_post, make_service, make_photo):
    post = make_post(title="A first post")
    service = make_service(name="Medical Detox")
    make_photo(caption="The garden")
    return {"post": post, "service": service, "category": post.category, "page": pages[0]}


def public_urls(site):
    return [
        reverse("website:home"),
        reverse("articles:list"),
        site["category"].get_absolute_url(),
        site["post"].get_absolute_url(),
        reverse("facility:services"),
        site["service"].get_absolute_url(),
        reverse("facility:tour"),
        reverse("facility:page", args=["who-we-are"]),
        reverse("facility:page", args=["admissions"]),
        reverse("facility:page", args=["privacy-policy"]),
        reverse("inquiries:contact"),
        reverse("inquiries:admissions"),
        reverse("inquiries:thanks"),
        reverse("website:site_map"),
        reverse("website:search") + "?q=detox",
    ]


def test_every_public_page_answers_with_one_h1_header_and_footer(client, site):
    for url in public_urls(site):
        response = client.get(url)
        html = response.content.decode()
        assert response.status_code == 200, url
        assert len(re.findall(r"<h1[\s>]", html)) == 1, url
        assert html.count('<header class="site-header">') == 1, url
        assert 'href="tel:+18556052135"' in html, url
        assert "About our company" in html, url
        assert "1800 Manor Hill Road" in html and "Findlay, OH 45840" in html, url
        assert "Hours of operation" in html and "24 Hours" in html, url


def test_header_menu_and_footer_site_map_link_every_section(client, site):
    html = client.get(reverse("website:home")).content.decode()
    header = html[html.index("<header") : html.index("</header>")]
    footer = html[html.index("<footer") : html.index("</footer>")]

    for label in ["Who We Are", "Treatment Services", "Tour Facility", "Admissions", "Blog"]:
        assert f">{label}</a>" in header
    assert ">Contact</a>" in header
    for label, url in [
        ("Who We Are", "/who-we-are/"),
        ("Treatment Services", "/services/"),
        ("Tour Facility", "/tour/"),
        ("Admissions", "/admissions/"),
        ("Contact", "/contact/"),
        ("Privacy Policy", "/privacy-policy/"),
        ("Blog", "/blog/"),
    ]:
        assert f'<a href="{url}">{label}</a>' in footer
    assert "View larger map" in footer
    assert "https://www.openstreetmap.org/?mlat=41.068000&amp;mlon=-83.611000" in footer


def test_footer_follows_the_facility_data(client, site, facility):
    center = facility.main_center
    center.phone = "419-555-0199"
    center.save()
    facility.about = "A new blurb about the center."
    facility.save()
    row = facility.hours.get(days="saturdays")
    row.is_24_hours = False
    row.opens, row.closes = "08:00", "20:30"
    row.save()

    html = client.get(site["post"].get_absolute_url()).content.decode()
    footer = html[html.index("<footer") :]

    assert 'href="tel:+14195550199"' in footer and "419-555-0199" in footer
    assert "A new blurb about the center." in footer
    assert "<dt>Saturdays</dt><dd>8:00 a.m. – 8:30 p.m.</dd>" in footer


def test_current_section_is_marked_in_the_menu(client, site):
    html = client.get(site["post"].get_absolute_url()).content.decode()
    header = html[html.index("<header") : html.index("</header>")]

    assert '<a href="/blog/" aria-current="page">Blog</a>' in header
    assert header.count('aria-current="page"') == 1


def test_no_third_party_request_on_page_load(client, site):
    """Only links may point elsewhere: no src, stylesheet or iframe from another host."""
    for url in public_urls(site):
        html = client.get(url).content.decode()
        loaded = re.findall(
            r'<(?:script|img|iframe|link)[^>]+(?:src|href)="((?:https?:)?//[^/"]+)', html
        )
        assert set(loaded) <= {"http://testserver"}, url


def test_pages_show_staff_text(client, site):
    html = client.get(reverse("facility:page", args=["admissions"])).content.decode()
    assert "<h1>Admissions</h1>" in html and "<p>Admissions text.</p>" in html


def test_unknown_page_is_a_friendly_404_in_the_layout(client, site):
    response = client.get("/no-such-page/")
    html = response.content.decode()

    assert response.status_code == 404
    assert "We could not find that page" in html
    assert '<header class="site-header">' in html and "About our company" in html


def test_server_error_page_is_in_the_layout(site):
    client = Client(raise_request_exception=False)
    from unittest import mock

    with mock.patch("website.views.HomeView.get_context_data", side_effect=RuntimeError("boom")):
        response = client.get(reverse("website:home"))

    html = response.content.decode()
    assert response.status_code == 500
    assert "Something went wrong on our side" in html
    assert 'href="tel:+18556052135"' in html
    assert "boom" not in html and "Traceback" not in html


def test_server_error_page_renders_even_when_the_database_fails(site):
    client = Client(raise_request_exception=False)
    from unittest import mock

    with (
        mock.patch("website.views.HomeView.get_context_data", side_effect=RuntimeError),
        mock.patch(
            "facility.models.Facility.for_request", side_effect=RuntimeError("database down")
        ),
    ):
        response = client.get(reverse("website:home"))

    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()


def test_site_map_lists_pages_services_categories_and_posts(client, site):
    html = client.get(reverse("website:site_map")).content.decode()

    for obj in [site["page"], site["service"], site["category"], site["post"]]:
        assert f'href="{obj.get_absolute_url()}"' in html


def test_services_tour_and_home(client, site):
    services = client.get(reverse("facility:services")).content.decode()
    assert f'href="{site["service"].get_absolute_url()}">Medical Detox</a>' in services

    tour = client.get(reverse("facility:tour")).content.decode()
    assert 'alt="Photo of the garden"' in tour and "<figcaption>The garden</figcaption>" in tour

    home = client.get(reverse("website:home")).content.decode()
    assert "Medical Detox" in home and "A first post" in home
    assert "Manor Hill Recovery Center" in home


def test_no_migration_is_missing():
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


def test_favicon_is_served(client, site):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert b"".join(response.streaming_content)[:4] == b"\x00\x00\x01\x00"  # an ICO file


def test_pages_still_work_before_the_facility_is_entered(client, make_post, pages):
    """A brand-new site has no facility yet: nothing may crash while staff set it up."""
    post = make_post()
    for url in [reverse("website:home"), reverse("articles:list"), post.get_absolute_url(),
                pages[0].get_absolute_url(), reverse("inquiries:contact")]:  # fmt: skip
        assert client.get(url).status_code == 200, url
