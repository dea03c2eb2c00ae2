"""The locations list and each center's page; the header's phone follows the center."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from facility.models import Center, InsurancePlan, OpeningHours
from plumbing import invalidation

from . import clock

pytestmark = pytest.mark.django_db

NEW_YORK = ZoneInfo("America/New_York")


@pytest.fixture
def make_office(facility):
    def make(n=1, **fields):
        fields.setdefault("name", f"Outpatient office {n}")
        office = Center.objects.create(
            slug=f"office-{n}", street=f"{n} Main Street", city="Tiffin", state="OH",
            postal_code="44883", phone=f"419-555-01{n:02d}", sort_order=n, **fields,
        )  # fmt: skip
        for days, hours in [("weekdays", (9, 17)), ("saturdays", None), ("sundays", None)]:
            OpeningHours.objects.create(
                center=office,
                days=days,
                is_closed=hours is None,
                opens=time(hours[0]) if hours else None,
                closes=time(hours[1]) if hours else None,
            )
        return office

    return make


def pinned(*parts):
    return clock.pinned(datetime(*parts, tzinfo=NEW_YORK))


def header(html):
    return html[html.index("<header") : html.index("</header>")]


def crisis_line(html):
    return html[html.index('class="crisis-help"') : html.index("</aside>")]


def test_one_center_shows_no_locations_in_the_menus(client, facility):
    html = client.get(reverse("website:home")).content.decode()

    assert reverse("facility:centers") not in html
    assert 'href="tel:+18556052135"' in header(html)


def test_several_centers_are_listed_with_town_phone_and_whether_open(client, make_office):
    office = make_office()
    with pinned(2026, 11, 23, 10):  # a Monday morning
        html = client.get(reverse("facility:centers")).content.decode()

    assert html.count("<h1>") == 1
    assert f'href="{reverse("facility:centers")}"' in header(html)  # the menu links to it
    findlay = html[html.index("Manor Hill Recovery Center</a></h2>") :]
    assert "Findlay, OH" in findlay and 'href="tel:+18556052135"' in findlay
    assert "<strong>Open now</strong>" in findlay.split("</li>")[0]
    listed = html[html.index(f'href="{office.get_absolute_url()}"') :].split("</li>")[0]
    assert "Tiffin, OH" in listed and "Call 419-555-0101" in listed
    assert "<strong>Open now</strong>, until 5:00 p.m." in listed


def test_a_closed_center_says_when_it_opens(client, make_office):
    office = make_office()
    with pinned(2026, 11, 27, 18):  # a Friday evening
        html = client.get(office.get_absolute_url()).content.decode()

    assert "<strong>Closed now</strong>, opens Monday at 9:00 a.m." in html


def test_a_center_page_puts_its_own_phone_in_the_header_and_crisis_line(client, make_office):
    office = make_office(who_answers="Our own admissions staff answer, never a call center.")

    html = client.get(office.get_absolute_url()).content.decode()

    assert html.count("<h1>") == 1 and "<h1>Outpatient office 1</h1>" in html
    assert 'href="tel:+14195550101"' in header(html)
    assert 'href="tel:+14195550101"' in crisis_line(html)
    assert "+18556052135" not in header(html) + crisis_line(html)
    assert "1 Main Street" in html and "Tiffin, OH 44883" in html
    assert "Our own admissions staff answer, never a call center." in html
    assert "<dt>Weekdays</dt><dd>9:00 a.m. – 5:00 p.m.</dd>" in html

    elsewhere = client.get(reverse("facility:services")).content.decode()
    assert 'href="tel:+18556052135"' in header(elsewhere)
    assert 'href="tel:+18556052135"' in crisis_line(elsewhere)


def test_an_unknown_center_is_404(client, facility):
    assert client.get(reverse("facility:center", args=["nowhere"])).status_code == 404


def test_a_cached_locations_page_lives_no_longer_than_the_next_opening_or_closing(
    client, make_office, settings
):
    settings.PAGE_CACHE_SECONDS = 600
    make_office()
    url = reverse("facility:centers")
    with pinned(2026, 11, 23, 16, 58):
        assert invalidation.lifetime({"open_now"}, 600) == 121
        assert client.get(url)["X-Cache"] == "miss"
        assert client.get(url)["X-Cache"] == "hit"
    with pinned(2026, 11, 23, 17, 0, 30):
        response = client.get(url)
    assert response["X-Cache"] == "miss"
    listed = response.content.decode().split("Outpatient office 1</a>")[1].split("</li>")[0]
    assert "<strong>Closed now</strong>, opens tomorrow at 9:00 a.m." in listed


def test_a_cached_page_lives_until_the_earliest_change_among_the_centers(
    client, make_office, settings
):
    settings.PAGE_CACHE_SECONDS = 600
    make_office(1)  # closes at 5:00 p.m.
    late = make_office(2)
    late.hours.filter(days="weekdays").update(closes=time(18))  # closes at 6:00 p.m.
    url = reverse("facility:centers")
    with pinned(2026, 11, 23, 16, 58):
        assert invalidation.lifetime({"open_now"}, 600) == 121
        assert client.get(url)["X-Cache"] == "miss"
        assert client.get(url)["X-Cache"] == "hit"
    with pinned(2026, 11, 23, 17, 0, 30):
        response = client.get(url)
    assert response["X-Cache"] == "miss"
    html = response.content.decode()
    first = html.split("Outpatient office 1</a>")[1].split("</li>")[0]
    second = html.split("Outpatient office 2</a>")[1].split("</li>")[0]
    assert "<strong>Closed now</strong>, opens tomorrow at 9:00 a.m." in first
    assert "<strong>Open now</strong>, until 6:00 p.m." in second


@pytest.mark.parametrize("joins", [False, True])
def test_a_cached_center_page_lives_no_longer_than_its_plans_in_network(
    client, make_office, settings, joins
):
    """A plan leaves the page the day after its last one, and one that joins appears on
    its first, at midnight in the site's zone (05:00 UTC), with the cache on."""
    settings.PAGE_CACHE_SECONDS = 600
    office = make_office()
    new_year = {"in_network_from": date(2027, 1, 1)} if joins else {}
    last_day = {} if joins else {"in_network_until": date(2026, 12, 31)}
    InsurancePlan.objects.create(center=office, name="Example Mutual PPO", **new_year, **last_day)
    url = office.get_absolute_url()
    with pinned(2026, 12, 31, 23, 55):
        assert client.get(url)["X-Cache"] == "miss"
        response = client.get(url)
    assert response["X-Cache"] == "hit"
    assert ("Example Mutual PPO" in response.content.decode()) is (not joins)

    with pinned(2027, 1, 1, 0, 0, 30):
        response = client.get(url)

    assert response["X-Cache"] == "miss"
    assert ("Example Mutual PPO" in response.content.decode()) is joins


def count_queries(client, url):
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "url_name", ["facility:centers", "facility:center", "website:home", "facility:team"]
)
def test_query_counts_are_the_same_with_1_and_10_centers(client, make_office, url_name):
    url = reverse(url_name, args=["findlay"] if url_name == "facility:center" else [])
    one = count_queries(client, url)
    for n in range(1, 10):
        make_office(n)
    assert Center.objects.count() == 10
    assert count_queries(client, url) == one


def test_centers_are_in_the_site_maps_only_when_there_are_several(client, make_office):
    findlay = Center.objects.get(slug="findlay")
    site_map = reverse("website:site_map")
    assert findlay.get_absolute_url() not in client.get(reverse("sitemap")).content.decode()
    assert findlay.get_absolute_url() not in client.get(site_map).content.decode()

    office = make_office()

    xml = client.get(reverse("sitemap")).content.decode()
    html = client.get(site_map).content.decode()
    for center in (findlay, office):
        assert center.get_absolute_url() in xml and center.get_absolute_url() in html


def test_a_cached_center_page_shows_a_renamed_service_at_once(
    client, make_office, make_service, settings
):
    settings.PAGE_CACHE_SECONDS = 600
    office = make_office()
    service = make_service(name="Evening Groups")
    service.centers.add(office)
    assert "Evening Groups" in client.get(office.get_absolute_url()).content.decode()
    assert client.get(office.get_absolute_url())["X-Cache"] == "hit"

    service.name = "Evening Recovery Groups"
    service.save()

    response = client.get(office.get_absolute_url())
    assert response["X-Cache"] == "miss"
    assert "Evening Recovery Groups" in response.content.decode()
