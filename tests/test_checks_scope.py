"""Every text staff write that the public sees is checked (F5 of the third adversarial
review): the facility's tagline and crisis line, search titles and descriptions, centers'
texts and the rows edited in a center's form, staff bios, captions and alt texts, with
findings in the change form and on the publishers' report."""

import pytest
from django.urls import reverse
from modeltranslation.translator import translator

from facility.models import Center, Facility, Holiday, StaffProfile
from tests.http_session import form_fields
from website.checks.admin import ACKNOWLEDGE_FIRST, PUBLISHER_MUST_ACKNOWLEDGE
from website.checks.content import check
from website.checks.scope import CHECKED
from website.models import ClaimAcknowledgement

pytestmark = pytest.mark.django_db


def test_every_translated_text_but_addresses_is_checked():
    # A text with a version per language is one staff write for the public; a slug is an
    # address. A new one fails here until the checks read it (website/checks/scope.py).
    for model in translator.get_registered_models():
        spec = CHECKED.get(model._meta.label_lower)
        names = {name for name, _ in spec.fields} if spec else set()
        for name in translator.get_options_for_model(model).fields:
            if name != "slug":
                assert name in names, f"{model._meta.label}.{name} is not checked"


def change_form(client, obj):
    url = reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])
    html = client.get(url).content.decode()
    return url, {
        name: values
        for name, values in form_fields(html, f"{obj._meta.model_name}_form").items()
        if not name.startswith("_")
    }


def test_an_editor_cannot_put_a_claim_in_the_tagline_or_the_crisis_line(editor_client, facility):
    url, data = change_form(editor_client, facility)
    for field in ("tagline_en", "crisis_line_en"):
        refused = editor_client.post(
            url, {**data, field: "The #1 rehab in Ohio: we guarantee a cure."}
        )
        assert refused.status_code == 200, field
        html = refused.content.decode()
        assert PUBLISHER_MUST_ACKNOWLEDGE in html
        assert "The <mark>#1</mark> rehab in Ohio" in html
    facility.refresh_from_db()
    assert "#1" not in facility.tagline + facility.crisis_line


def test_search_descriptions_are_checked(editor_client, make_service):
    service = make_service(name="Detox")
    url, data = change_form(editor_client, service)
    data["search_description_en"] = "Guaranteed cure: a 100% success rate."
    refused = editor_client.post(url, data)
    assert refused.status_code == 200
    assert "Search description [en]" in refused.content.decode()


def test_a_claim_in_a_row_of_a_centers_form_waits_for_a_publisher(
    editor_client, publisher_client, facility
):
    center = facility.main_center
    Holiday.objects.create(center=center, date="2026-12-25", name="Christmas Day", is_closed=True)
    url, data = change_form(editor_client, center)
    data["holidays-0-name_en"] = "Cure day: 100% guaranteed"
    refused = editor_client.post(url, data)
    assert refused.status_code == 200
    assert PUBLISHER_MUST_ACKNOWLEDGE in refused.content.decode()
    assert Holiday.objects.get().name_en == "Christmas Day"

    url, data = change_form(publisher_client, center)
    data["holidays-0-name_en"] = "Cure day: 100% guaranteed"
    asked = publisher_client.post(url, data)
    assert ACKNOWLEDGE_FIRST in asked.content.decode()
    assert 'name="acknowledge_claims"' in asked.content.decode()
    saved = publisher_client.post(url, {**data, "acknowledge_claims": "on"})
    assert saved.status_code == 302
    assert Holiday.objects.get().name_en == "Cure day: 100% guaranteed"
    ack = ClaimAcknowledgement.objects.get()
    assert (ack.object_id, ack.content_type.model) == (center.pk, "center")
    # Now shown on the center's panel as acknowledged.
    html = publisher_client.get(url).content.decode()
    assert "Holiday “" in html and "acknowledged by a publisher" in html


def test_the_report_lists_every_kind_of_text(publisher_client, facility):
    Facility.objects.update(crisis_line_en="Our cure is guaranteed.")
    StaffProfile.objects.create(name="Sam Lee", bio="Sam helps addicts every day.")
    Holiday.objects.create(
        center=facility.main_center, date="2026-12-25", name="Junkies' day off", is_closed=True
    )
    html = publisher_client.get(reverse("admin:index")).content.decode()
    report = html[html.index('id="checks-report"') :]
    report = report[: report.index("</div>")]
    assert "facility: 2 claims" in report
    assert "staff profile: 1 stigma" in report
    assert "center: 1 stigma" in report  # its holiday's name


def test_the_centers_own_texts_and_its_rows_are_read(facility):
    center = facility.main_center
    center.description = "The best rehab in Ohio."
    center.save()
    Holiday.objects.create(
        center=center, date="2026-12-25", name="Junkies' day off", is_closed=True
    )
    fields = {(f.rule.id, f.field) for f in check(Center.objects.get(pk=center.pk))}
    assert ("claim-best", "description") in fields
    assert any(rule == "stigma-slang" and field.startswith("holiday") for rule, field in fields)


def test_names_are_read_in_english(facility):
    Facility.objects.update(name="The #1 Rehab in Ohio")
    profile = StaffProfile.objects.create(name="Dr. Cure", credentials="MD, 100% success")
    assert [(f.rule.id, f.field, f.language) for f in check(Facility.objects.get())] == [
        ("claim-number-one", "name", "en")
    ]
    assert {(f.rule.id, f.field) for f in check(profile)} == {
        ("claim-cure", "name"),
        ("claim-hundred-percent", "credentials"),
    }


def test_every_checked_model_with_an_admin_has_the_checks_panel(publisher_client, facility):
    from django.contrib import admin

    from website.checks.admin import ChecksAdmin

    for spec in CHECKED.values():
        if admin.site.is_registered(spec.model):
            model_admin = admin.site.get_model_admin(spec.model)
            assert isinstance(model_admin, ChecksAdmin), spec.label
        else:  # edited only in its parent's form, where its inline is checked
            assert spec.parent, spec.label
    url, _ = change_form(publisher_client, facility)
    assert 'class="module checks-panel"' in publisher_client.get(url).content.decode()
