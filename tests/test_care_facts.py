"""What care each center gives, to whom, in which languages, and how people can pay."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from facility.models import Center, InsurancePlan, LevelOfCare

from .factories import ensure_staff_roles, logged_in, make_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def findlay(facility):
    center = facility.main_center
    center.care_levels = ["moud", "detox-residential", "residential-short"]
    center.populations = ["veterans", "adults"]
    center.languages = ["es", "en"]
    center.payments = ["self-pay", "medicaid"]
    center.save()
    today = timezone.localdate()
    for name, start, end in [
        ("Current Plan", today - timedelta(days=30), None),
        ("Ends Today Plan", None, today),
        ("Ended Plan", None, today - timedelta(days=1)),
        ("Future Plan", today + timedelta(days=1), None),
    ]:
        InsurancePlan.objects.create(
            center=center, name=name, in_network_from=start, in_network_until=end
        )
    return center


def test_levels_of_care_are_samhsas_and_no_other():
    assert LevelOfCare.labels == [
        "Detox in a hospital",
        "Residential detox",
        "Outpatient detox",
        "Residential treatment, short term",
        "Residential treatment, long term",
        "Partial hospitalization",
        "Intensive outpatient",
        "Outpatient",
        "Medication for opioid use disorder",
    ]


def test_levels_and_payments_come_in_a_fixed_order_with_current_plans_only(findlay):
    center = Center.objects.get(pk=findlay.pk)
    plans = {plan.name: plan.pk for plan in InsurancePlan.objects.all()}

    assert center.levels_of_care() == [
        ("detox-residential", "Residential detox"),
        ("residential-short", "Residential treatment, short term"),
        ("moud", "Medication for opioid use disorder"),
    ]
    assert center.accepted_payments() == [
        ("medicaid", "Medicaid"),
        ("self-pay", "Self-pay (cash)"),
        (f"plan-{plans['Current Plan']}", "Current Plan"),
        (f"plan-{plans['Ends Today Plan']}", "Ends Today Plan"),
    ]
    prefetched = Center.objects.for_page().get(pk=findlay.pk)
    assert prefetched.accepted_payments() == center.accepted_payments()


def test_a_center_page_shows_its_care_people_languages_and_payment(client, findlay):
    html = client.get(findlay.get_absolute_url()).content.decode()

    care = html[html.index("Care we give here") :]
    assert care.index("Residential detox") < care.index("Medication for opioid use disorder")
    assert "<li>Veterans</li>" in html and "<li>Spanish</li>" in html
    assert "<li>Medicaid</li>" in html and "<li>Current Plan</li>" in html
    assert "<li>Ends Today Plan</li>" in html
    assert "Ended Plan" not in html and "Future Plan" not in html


def test_an_unknown_choice_is_refused_with_a_clear_error(findlay):
    findlay.care_levels = ["detox-residential", "spa-retreat"]
    with pytest.raises(ValidationError, match="Unknown choices: spa-retreat"):
        findlay.full_clean()


def test_plan_dates_must_be_in_order(findlay):
    from django.db import IntegrityError

    with pytest.raises(IntegrityError):
        InsurancePlan.objects.create(
            center=findlay,
            name="Backwards",
            in_network_from=date(2026, 5, 1),
            in_network_until=date(2026, 4, 1),
        )


def test_editors_tick_the_care_a_center_gives_in_the_admin(findlay):
    ensure_staff_roles()
    editor = logged_in(make_staff("editor", "Editors"))
    url = reverse("admin:facility_center_change", args=[findlay.pk])
    html = editor.get(url).content.decode()

    assert 'type="checkbox" name="care_levels" value="partial-hospitalization"' in html
    assert 'name="insurance_plans-TOTAL_FORMS"' in html


def test_a_service_names_its_centers_only_when_there_are_several(client, facility, make_service):
    service = make_service(name="Medical Detox")
    service.centers.add(facility.main_center)
    assert "Offered at" not in client.get(service.get_absolute_url()).content.decode()

    Center.objects.create(
        name="Tiffin office", slug="tiffin", street="1 Main Street", city="Tiffin",
        state="OH", postal_code="44883", phone="419-555-0101",
    )  # fmt: skip
    html = client.get(service.get_absolute_url()).content.decode()

    offered = html[html.index("Offered at") :].split("</p>")[0]
    assert facility.main_center.get_absolute_url() in offered and "Tiffin office" not in offered
    office_page = client.get(reverse("facility:center", args=["tiffin"])).content.decode()
    assert "Services here" not in office_page
    findlay_page = client.get(facility.main_center.get_absolute_url()).content.decode()
    assert f'<a href="{service.get_absolute_url()}">Medical Detox</a>' in findlay_page
