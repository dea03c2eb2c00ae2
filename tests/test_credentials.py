"""Licenses and accreditations: shown while in force, hidden the day after they end,
flagged on the admin's home a month ahead, and changed only by Compliance."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from facility.models import Credential
from plumbing import invalidation

from . import clock
from .factories import ensure_staff_roles, logged_in, make_staff, make_superuser

pytestmark = pytest.mark.django_db

NEW_YORK = ZoneInfo("America/New_York")


@pytest.fixture
def credentials(facility):
    center = facility.main_center
    today = timezone.localdate()

    def make(valid_until, **fields):
        fields.setdefault("issuer", "Ohio Department of Mental Health and Addiction Services")
        return Credential.objects.create(center=center, valid_until=valid_until, **fields)

    return {
        "license": make(today + timedelta(days=200), number="OH-0001-DEMO",
                        scope="residential detox and treatment",
                        verify_url="https://mha.ohio.gov/lookup"),
        "ends_today": make(today, kind="accreditation", issuer="The Joint Commission",
                           verify_url="https://www.qualitycheck.org/"),
        "ended": make(today - timedelta(days=1), kind="accreditation", issuer="CARF"),
        "soon": make(today + timedelta(days=20), kind="certification", issuer="LegitScript"),
    }  # fmt: skip


def footer(html):
    return html[html.index("<footer") :]


def test_credentials_in_force_are_in_every_footer_and_on_the_center_page(client, credentials):
    html = client.get(reverse("facility:services")).content.decode()
    center_page = client.get(credentials["license"].center.get_absolute_url()).content.decode()

    for page in (footer(html), center_page):
        assert "Licensed by Ohio Department of Mental Health and Addiction Services" in page
        assert "license OH-0001-DEMO, for residential detox and treatment" in page
        assert 'href="https://mha.ohio.gov/lookup"' in page
        assert "Accredited by The Joint Commission" in page
        assert "Certified by LegitScript" in page
        assert "CARF" not in page
    assert "<script" not in footer(html)


def test_the_current_queryset_is_the_one_rule(credentials):
    today = timezone.localdate()
    shown = set(Credential.objects.current(today).values_list("issuer", flat=True))
    assert "CARF" not in shown and "The Joint Commission" in shown
    tomorrow = set(
        Credential.objects.current(today + timedelta(days=1)).values_list("issuer", flat=True)
    )
    assert "The Joint Commission" not in tomorrow


def test_cached_pages_end_when_a_credential_does(client, facility, settings):
    Credential.objects.create(
        center=facility.main_center, issuer="CARF", kind="accreditation",
        valid_until=date(2026, 11, 23),
    )  # fmt: skip
    settings.PAGE_CACHE_SECONDS = 600
    url = reverse("facility:services")
    evening = datetime(2026, 11, 23, 23, 58, tzinfo=NEW_YORK)
    with clock.pinned(evening):
        assert invalidation.lifetime({"facility"}, 600) == 121
        assert "Accredited by CARF" in client.get(url).content.decode()
        assert client.get(url)["X-Cache"] == "hit"
    with clock.pinned(evening + timedelta(minutes=3)):
        response = client.get(url)
    assert response["X-Cache"] == "miss"
    assert "CARF" not in response.content.decode()


def test_the_admin_home_lists_what_ends_within_a_month(credentials):
    ensure_staff_roles()
    compliance = logged_in(make_staff("keeper", "Compliance"))

    html = compliance.get(reverse("admin:index")).content.decode()
    box = html[html.index('id="expiring-credentials"') :].split("</div>")[0]

    assert "Certification: LegitScript" in box  # in 20 days
    assert "The Joint Commission" in box  # today
    assert "CARF" in box and "ended" in box  # yesterday
    assert "OH-0001-DEMO" not in box  # in 200 days


def test_only_compliance_and_superusers_change_credentials(client, credentials):
    ensure_staff_roles()
    license = credentials["license"]
    change = reverse("admin:facility_credential_change", args=[license.pk])
    add = reverse("admin:facility_credential_add")
    center_url = reverse("admin:facility_center_change", args=[license.center.pk])
    editor = logged_in(make_staff("editor", "Editors"))
    publisher = logged_in(make_staff("publisher", "Publishers"))

    for staff in (editor, publisher):
        assert staff.get(add).status_code == 403
        assert staff.post(change, {"number": "FAKE-1"}).status_code == 403
        html = staff.get(center_url).content.decode()
        assert "OH-0001-DEMO" in html  # they see it
        assert 'name="credentials-0-number"' not in html  # but cannot edit it
    license.refresh_from_db()
    assert license.number == "OH-0001-DEMO"

    for staff in (logged_in(make_staff("keeper", "Compliance")), logged_in(make_superuser())):
        html = staff.get(change).content.decode()
        assert 'name="number"' in html
    keeper = logged_in(make_staff("keeper2", "Compliance"))
    response = keeper.post(
        change,
        {
            "center": license.center.pk, "kind": "license", "issuer": license.issuer,
            "number": "OH-0002-DEMO", "scope": "", "valid_until": "2030-01-31",
            "verify_url": "https://mha.ohio.gov/lookup", "sort_order": 0,
        },
    )  # fmt: skip
    assert response.status_code == 302
    license.refresh_from_db()
    assert license.number == "OH-0002-DEMO"
