"""One list of payment types and levels of care: the facility's. The inquiry form offers
what the chosen center takes and gives, works without JavaScript, keeps what was typed
when a choice does not fit the center, and old inquiries keep what they said."""

import re

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from facility.models import Center, Payment
from inquiries.models import Inquiry

from .factories import INQUIRY_POST, logged_in, make_inquiry, make_staff

pytestmark = pytest.mark.django_db

ADMISSIONS = "/admissions/"


def test_inquiries_name_payment_types_as_the_facility_does():
    choices = dict(Inquiry._meta.get_field("payment").choices)

    for value, label in Payment.choices:
        assert choices[value] == label
    assert choices["private-insurance"] == "Private health insurance"
    assert set(choices) == {*Payment.values, "not-sure"}


@pytest.fixture
def two_centers(facility):
    findlay = Center.objects.get(slug="findlay")
    findlay.care_levels = ["detox-residential", "residential-short"]
    findlay.payments = ["private-insurance", "medicaid"]
    findlay.save()
    toledo = Center.objects.create(
        name="Toledo Outpatient",
        slug="toledo",
        street="1 Main Street",
        city="Toledo",
        state="OH",
        postal_code="43604",
        phone="1-419-555-0100",
        care_levels=["outpatient", "residential-short"],
        payments=["medicare", "medicaid"],
    )
    return findlay, toledo


def options(html, name):
    """The (value, text) of the options of the select `name`, as the page has them."""
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', html, re.S).group(1)
    return re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', select)


def test_with_one_center_the_form_offers_what_it_gives_and_takes(client, facility):
    Center.objects.update(care_levels=["outpatient", "moud"], payments=["medicaid", "self-pay"])

    html = client.get(ADMISSIONS).content.decode()

    assert options(html, "level_of_care") == [
        ("Outpatient", "Outpatient"),
        ("Medication for opioid use disorder", "Medication for opioid use disorder"),
        ("Not sure", "Not sure"),
    ]
    assert options(html, "payment") == [
        ("medicaid", "Medicaid"),
        ("self-pay", "Self-pay (cash)"),
        ("not-sure", "Not sure"),
    ]
    assert '<select name="center"' not in html  # nothing to choose


def test_with_several_centers_each_choice_names_who_offers_it(client, two_centers):
    html = client.get(ADMISSIONS + "?center=toledo").content.decode()

    assert options(html, "center") == [
        ("", "Any of them"),
        ("findlay", "Manor Hill Recovery Center"),
        ("toledo", "Toledo Outpatient"),
    ]
    assert '<option value="toledo" selected>' in html
    assert options(html, "level_of_care") == [
        ("Residential detox", "Residential detox – Manor Hill Recovery Center"),
        (
            "Residential treatment, short term",
            "Residential treatment, short term – Manor Hill Recovery Center and Toledo Outpatient",
        ),
        ("Outpatient", "Outpatient – Toledo Outpatient"),
        ("Not sure", "Not sure"),
    ]
    assert [value for value, _ in options(html, "payment")] == [
        "private-insurance",
        "medicaid",
        "medicare",
        "not-sure",
    ]


def test_a_choice_the_center_does_not_offer_is_refused_keeping_what_was_typed(client, two_centers):
    findlay, _toledo = two_centers
    typed = {
        **INQUIRY_POST,
        "first_name": "Quillfeather",
        "message": "My sister needs detox this week.",
        "center": "toledo",
        "level_of_care": "Residential detox",
        "payment": "private-insurance",
    }

    response = client.post(ADMISSIONS, typed)

    assert response.status_code == 200 and not Inquiry.objects.exists()
    html = response.content.decode()
    assert "Toledo Outpatient does not offer this." in html
    assert 'value="Quillfeather"' in html and "My sister needs detox this week." in html
    assert '<option value="toledo" selected>' in html
    assert '<option value="Residential detox" selected>' in html
    assert '<option value="private-insurance" selected>' in html

    response = client.post(ADMISSIONS, {**typed, "center": "findlay"})

    assert response.status_code == 302
    saved = Inquiry.objects.get()
    assert (saved.center, saved.level_of_care, saved.payment) == (
        findlay,
        "Residential detox",
        "private-insurance",
    )


def test_any_center_and_not_sure_are_always_accepted(client, two_centers):
    response = client.post(ADMISSIONS, {**INQUIRY_POST, "center": "", "payment": "medicare"})

    assert response.status_code == 302
    saved = Inquiry.objects.get()
    assert (saved.center, saved.level_of_care, saved.payment) == (None, "Not sure", "medicare")


def test_the_spanish_form_offers_the_same_list_in_spanish_and_stores_english(client, two_centers):
    html = client.get("/es/admisiones/").content.decode()

    assert ("Residential detox", "Desintoxicación residencial – Manor Hill Recovery Center") in (
        options(html, "level_of_care")
    )
    assert ("private-insurance", "Seguro médico privado – Manor Hill Recovery Center") in (
        options(html, "payment")
    )
    assert "¿Qué centro?" in html and ">Cualquiera de ellos</option>" in html
    refused = client.post(
        "/es/admisiones/",
        {**INQUIRY_POST, "center": "toledo", "level_of_care": "Residential detox"},
    )
    assert "Toledo Outpatient no ofrece esta opción." in refused.content.decode()
    response = client.post(
        "/es/admisiones/",
        {**INQUIRY_POST, "level_of_care": "Residential detox", "payment": "medicaid"},
    )
    assert response.status_code == 302
    assert Inquiry.objects.get().level_of_care == "Residential detox"


@pytest.mark.django_db(transaction=True)
def test_stored_inquiries_keep_their_payment_and_help_wanted_across_the_migration(facility):
    executor = MigrationExecutor(connection)
    before = [("inquiries", "0004_access_log_says_what_was_shown")]
    after = executor.loader.graph.leaf_nodes("inquiries")
    executor.migrate(before)
    old = MigrationExecutor(connection).loader.project_state(before).apps
    OldInquiry = old.get_model("inquiries", "Inquiry")
    old_codes = ["private-insurance", "medicaid", "medicare", "self-pay", "not-sure"]
    for number, code in enumerate(old_codes):
        OldInquiry.objects.create(
            reference=f"OLD{number}AB",
            first_name="Jordan",
            payment=code,
            level_of_care="Medical Detox",  # a service's name, as the old form kept it
        )

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(after)

    inquiries = list(Inquiry.objects.order_by("reference"))
    assert [i.payment for i in inquiries] == old_codes
    assert [i.get_payment_display() for i in inquiries] == [
        "Private health insurance",
        "Medicaid",
        "Medicare",
        "Self-pay (cash)",
        "Not sure",
    ]
    assert {i.level_of_care for i in inquiries} == {"Medical Detox"}
    assert {i.first_name for i in inquiries} == {"Jordan"}
    assert all(i.center is None for i in inquiries)


def test_the_admin_and_the_export_show_the_center(client, two_centers):
    findlay, _ = two_centers
    make_inquiry(center=findlay, payment="medicaid", level_of_care="Residential detox")

    staff = logged_in(make_staff("avery", perms=["view_inquiry", "export_inquiry"]))
    inquiry = Inquiry.objects.get()
    page = staff.get(reverse("admin:inquiries_inquiry_change", args=[inquiry.pk]))
    export = staff.post(
        reverse("admin:inquiries_inquiry_changelist"),
        {"action": "export_csv", "_selected_action": [inquiry.pk]},
    )

    assert "Manor Hill Recovery Center" in page.content.decode()
    text = export.content.decode("utf-8-sig")
    assert text.splitlines()[0].endswith(",Language,Center")
    assert text.splitlines()[1].endswith(",English,Manor Hill Recovery Center")


def test_with_one_center_a_stale_center_in_the_post_is_no_error(client, facility):
    # A page opened as /admissions/?center=<old slug> before the center's slug changed.
    response = client.post(ADMISSIONS, {**INQUIRY_POST, "center": "old-slug"})

    assert response.status_code == 302
    assert Inquiry.objects.get().center == Center.objects.get()
