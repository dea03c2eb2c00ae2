"""Is there room? Each center's answer per level of care, shown "as of" its time while it
is recent, then "call to ask"; JSON-LD and cached pages follow. Every clock is pinned,
in the site's zone (America/New_York)."""

from datetime import datetime, timedelta
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.db import IntegrityError
from django.urls import reverse

from facility.models import Availability, Center
from plumbing import invalidation as site_cache

from .factories import make_staff
from .test_structured_data import json_ld, of_type

pytestmark = pytest.mark.django_db

NEW_YORK = ZoneInfo("America/New_York")
# Given at 23:30 on New Year's Eve, as the suite must pass then too.
GIVEN = datetime(2026, 12, 31, 23, 30, tzinfo=NEW_YORK)


def pinned(moment):
    return mock.patch("django.utils.timezone.now", return_value=moment)


@pytest.fixture
def center(facility):
    center = Center.objects.get(slug="findlay")
    center.care_levels = ["detox-residential", "residential-short", "outpatient"]
    center.save()
    return center


def answer(center, level, status, wait_days=None, at=GIVEN):
    with pinned(at):
        return Availability.objects.create(
            center=center, level_of_care=level, status=status, wait_days=wait_days
        )


def room_section(html):
    start = html.index('aria-labelledby="center-room-title"')
    return html[start : html.index("</section>", start)]


def page_at(client, center, moment, prefix=""):
    with pinned(moment):
        response = client.get(prefix + center.get_absolute_url(), follow=prefix != "")
    assert response.status_code == 200
    return response


def test_a_recent_answer_is_shown_with_its_time_until_it_is_too_old(client, center):
    answer(center, "detox-residential", "accepting")
    answer(center, "residential-short", "short-wait", wait_days=3)

    fresh = room_section(
        page_at(client, center, GIVEN + timedelta(hours=71, minutes=59)).content.decode()
    )
    detox = "<dt>Residential detox</dt><dd><strong>Accepting new patients</strong>"
    assert f"{detox}, as of December 31 at 11:30 p.m.</dd>" in fresh
    assert "<strong>A short wait: about 3 days</strong>, as of December 31 at 11:30 p.m." in fresh
    # A level staff gave no answer for reads "call to ask", with the phone.
    assert (
        '<dt>Outpatient</dt><dd>Call to ask: <a href="tel:+18556052135">1-855-605-2135</a></dd>'
        in fresh
    )

    stale = room_section(page_at(client, center, GIVEN + timedelta(hours=72)).content.decode())
    assert "Accepting new patients" not in stale
    assert "short wait" not in stale
    assert stale.count("Call to ask:") == 3


def test_the_age_is_a_setting(client, center, settings):
    settings.AVAILABILITY_MAX_AGE_HOURS = 24
    answer(center, "detox-residential", "waiting-list")

    assert "Waiting list" in room_section(
        page_at(client, center, GIVEN + timedelta(hours=23)).content.decode()
    )
    assert "Waiting list" not in room_section(
        page_at(client, center, GIVEN + timedelta(hours=24)).content.decode()
    )


def test_a_center_never_answered_shows_no_room_section(client, center):
    html = page_at(client, center, GIVEN).content.decode()
    assert "center-room-title" not in html


def test_json_ld_accepting_new_patients_follows_the_fresh_answers(client, center):
    def accepting(moment):
        clinic = of_type(json_ld(page_at(client, center, moment).content.decode()), "MedicalClinic")
        return clinic.get("isAcceptingNewPatients", "left out")

    # Never answered: the center's own box (ticked by default).
    assert accepting(GIVEN) is True
    answer(center, "detox-residential", "waiting-list")
    answer(center, "residential-short", "not-accepting")
    assert accepting(GIVEN + timedelta(hours=1)) is False
    answer(center, "outpatient", "short-wait", wait_days=2, at=GIVEN + timedelta(hours=10))
    assert accepting(GIVEN + timedelta(hours=11)) is True
    # The first two go stale at 72 h, the short wait ten hours later.
    assert accepting(GIVEN + timedelta(hours=75)) is True
    assert accepting(GIVEN + timedelta(hours=82)) == "left out"


def test_a_cached_center_page_expires_when_its_answer_goes_stale(client, center, settings):
    settings.PAGE_CACHE_SECONDS = 7 * 24 * 3600  # a week: the stale answer must cut it short
    answer(center, "detox-residential", "accepting")
    url = center.get_absolute_url()

    with pinned(GIVEN + timedelta(hours=71, minutes=58)):
        assert site_cache.lifetime({"availability"}, settings.PAGE_CACHE_SECONDS) == 121
        assert client.get(url)["X-Cache"] == "miss"
    hit = page_at(client, center, GIVEN + timedelta(hours=71, minutes=59, seconds=59))
    assert hit["X-Cache"] == "hit"
    assert "Accepting new patients" in room_section(hit.content.decode())

    stale = page_at(client, center, GIVEN + timedelta(hours=72, seconds=1))
    assert stale["X-Cache"] == "miss"
    assert "Accepting new patients" not in room_section(stale.content.decode())


def test_an_update_makes_the_cached_page_fresh_at_once(client, center, settings):
    settings.PAGE_CACHE_SECONDS = 600
    row = answer(center, "detox-residential", "accepting")
    page_at(client, center, GIVEN)
    row.status = "waiting-list"
    with pinned(GIVEN + timedelta(minutes=1)):
        row.save()
    response = page_at(client, center, GIVEN + timedelta(minutes=2))
    assert response["X-Cache"] == "miss"
    assert "<strong>Waiting list</strong>, as of December 31 at 11:31 p.m." in room_section(
        response.content.decode()
    )


def test_the_answer_is_shown_in_spanish(client, center):
    answer(center, "residential-short", "short-wait", wait_days=1)
    html = room_section(
        page_at(client, center, GIVEN + timedelta(hours=1), prefix="/es").content.decode()
    )
    # The review's words (issue 33): "cupo", not the calque "lugar"; "información del",
    # which agrees with any answer (not "Lista de espera, actualizado").
    assert "¿Hay cupo?" in html and "lugar" not in html
    assert "La disponibilidad cambia de un día para otro" in html
    assert "<strong>Espera breve: alrededor de 1 día</strong>, información del" in html
    assert "Llame para preguntar:" in html


def test_a_short_wait_needs_its_days_and_only_it_has_them(center):
    with pytest.raises(IntegrityError):
        answer(center, "outpatient", "short-wait")


LATER = GIVEN + timedelta(days=5)


@pytest.fixture
def editor_home(client, staff_groups):
    # Logged in on the pinned clock, so that the session has not expired by it.
    with pinned(LATER):
        client.force_login(make_staff("eddie", "Editors"))
    return client


def test_staff_confirm_or_change_an_answer_from_the_admin_home_in_one_click(editor_home, center):
    old = answer(center, "detox-residential", "accepting")
    with pinned(LATER):
        home = editor_home.get(reverse("admin:index")).content.decode()
    assert 'id="availability"' in home
    detox = home.split("Manor Hill Recovery Center</strong>: Residential detox")[1].split(
        "</form>"
    )[0]
    assert "Accepting new patients, as of Dec 31, 11:30 PM (too old: not shown)" in detox
    update = reverse("admin:facility_availability_update")

    later = LATER
    with pinned(later):
        response = editor_home.post(
            update,
            {"center": center.pk, "level_of_care": "detox-residential", "status": "accepting"},
        )
    assert response.status_code == 302
    old.refresh_from_db()
    assert (old.status, old.as_of) == ("accepting", later)

    with pinned(later):
        editor_home.post(
            update,
            {
                "center": center.pk,
                "level_of_care": "outpatient",
                "status": "short-wait",
                "wait_days": "4",
            },
        )
    created = Availability.objects.get(center=center, level_of_care="outpatient")
    assert (created.status, created.wait_days, created.as_of) == ("short-wait", 4, later)


def test_a_bad_update_is_refused_with_a_reason_and_changes_nothing(editor_home, center):
    old = answer(center, "detox-residential", "accepting")
    update = reverse("admin:facility_availability_update")
    response = editor_home.post(
        update,
        {"center": center.pk, "level_of_care": "detox-residential", "status": "short-wait"},
        follow=True,
    )
    assert "A short wait needs its number of days." in response.content.decode()
    response = editor_home.post(
        update, {"center": center.pk, "level_of_care": "moud", "status": "accepting"}, follow=True
    )
    assert "does not give that level of care" in response.content.decode()
    assert list(Availability.objects.values_list("status", "as_of")) == [("accepting", old.as_of)]


def test_only_staff_with_the_permission_update_it(client, center, staff_groups):
    client.force_login(make_staff("compliance", "Compliance"))
    assert 'id="availability"' not in client.get(reverse("admin:index")).content.decode()
    response = client.post(
        reverse("admin:facility_availability_update"),
        {"center": center.pk, "level_of_care": "outpatient", "status": "accepting"},
    )
    assert response.status_code == 403
    assert not Availability.objects.exists()
    client.force_login(make_staff("avery", "Admissions"))
    client.post(
        reverse("admin:facility_availability_update"),
        {"center": center.pk, "level_of_care": "outpatient", "status": "accepting"},
    )
    assert Availability.objects.get().status == "accepting"
