"""Facts for referrers and locators: /locations.json and /locations.csv in the codes of
SAMHSA's treatment locator, cached like pages, and the admin report comparing them with
a listing pasted from the locator."""

import csv
import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from facility import locator
from facility.models import Center

from .factories import make_staff

pytestmark = pytest.mark.django_db

DOCS = Path(__file__).resolve().parent.parent / "docs" / "locator-codes.md"


@pytest.fixture
def demo(db):
    call_command("load_demo", verbosity=0)


def codes(record, category):
    return [c["code"] for c in record["services"].get(category, [])]


def test_locations_json_holds_the_demos_two_centers_with_their_codes(client, demo):
    response = client.get("/locations.json")
    assert response["Content-Type"] == "application/json; charset=utf-8"
    data = json.loads(response.content)
    findlay, tiffin = data["centers"]

    assert findlay["name"] == "Manor Hill Recovery Center"
    assert (findlay["street"], findlay["city"], findlay["state"], findlay["zip"]) == (
        "1800 Manor Hill Road", "Findlay", "OH", "45840",
    )  # fmt: skip
    assert findlay["phone"] == findlay["intake_phone"] == "1-855-605-2135"
    assert findlay["website"] == "http://testserver/locations/findlay/"
    assert (findlay["latitude"], findlay["longitude"]) == (41.06804, -83.61096)
    assert codes(findlay, "TC") == ["DT", "SA"]
    assert codes(findlay, "SET") == ["RES", "RD", "RS", "RL", "OP", "OMB"]
    assert codes(findlay, "PAY") == ["PI", "MD", "MI", "SF"]
    assert codes(findlay, "LCA") == ["JC"]
    assert codes(findlay, "SG") == ["VET", "CO"]
    assert codes(findlay, "AGE") == ["ADLT"]
    assert codes(findlay, "OL") == ["SP"]
    assert {"code": "MD", "name": "Medicaid"} in findlay["services"]["PAY"]
    assert {"code": "RD", "name": "Residential detoxification", "unsure": True} in findlay[
        "services"
    ]["SET"]

    assert tiffin["name"] == "Manor Hill Outpatient Office, Tiffin"
    assert codes(tiffin, "TC") == ["SA"]
    assert codes(tiffin, "SET") == ["OP", "OIT", "ORT", "OMB"]
    assert codes(tiffin, "PAY") == ["PI", "MD", "MC", "SF"]
    assert codes(tiffin, "PYAS") == ["SS"]
    assert codes(tiffin, "SG") == ["CJ", "CO"]
    assert codes(tiffin, "LCA") == ["CARF"]  # "CARF International"; its state license: none
    assert "OL" not in tiffin["services"]  # English only


def test_locations_csv_has_a_row_per_center_with_codes_and_unsure_ones_marked(client, demo):
    response = client.get("/locations.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [row["name"] for row in rows] == [
        "Manor Hill Recovery Center", "Manor Hill Outpatient Office, Tiffin",
    ]  # fmt: skip
    assert rows[0]["PAY"] == "PI;MD;MI;SF"
    assert rows[0]["SET"] == "RES;RD?;RS?;RL?;OP;OMB?"
    assert rows[1]["PYAS"] == "SS" and rows[1]["intake_phone"] == "419-555-0142"


def test_the_export_is_cached_and_a_save_makes_it_fresh(client, demo, settings):
    settings.PAGE_CACHE_SECONDS = 600
    assert client.get("/locations.json")["X-Cache"] == "miss"
    assert client.get("/locations.json")["X-Cache"] == "hit"
    assert client.get("/locations.csv")["X-Cache"] == "miss"
    center = Center.objects.get(slug="tiffin")
    center.payments = [*center.payments, "military"]
    center.save()
    response = client.get("/locations.json")
    assert response["X-Cache"] == "miss"
    assert "MI" in codes(json.loads(response.content)["centers"][1], "PAY")
    assert client.get("/locations.csv")["X-Cache"] == "miss"


def test_the_locations_page_links_to_the_export(client, demo):
    html = client.get(reverse("facility:centers")).content.decode()
    assert '<a href="/locations.json">JSON</a>' in html
    assert '<a href="/locations.csv">CSV</a>' in html
    spanish = client.get("/es" + reverse("facility:centers"), follow=True).content.decode()
    assert "Para quienes derivan pacientes" in spanish and 'href="/locations.json"' in spanish


def test_every_code_the_export_uses_is_in_the_docs_table():
    table = DOCS.read_text()
    used = [
        *[c for codes in locator.LEVELS.values() for c in codes],
        *[c for codes in locator.PAYMENTS.values() for c in codes],
        *[c for codes in locator.POPULATIONS.values() for c in codes],
        *[c for codes in locator.LANGUAGES.values() for c in codes],
        *[c for _, c in locator.CREDENTIALS],
    ]
    for code in used:
        assert f"`{code.code}`" in table, code
        assert code.name in table, code
        if not code.sure:
            row = next(line for line in table.splitlines() if f"`{code.code}`" in line)
            assert "unsure" in row, code


LISTING = {
    "name1": "Manor Hill Recovery Center",
    "street1": "1800 Manor Hill Rd.",
    "city": "Findlay",
    "state": "OH",
    "zip": "45840",
    "phone": "855-605-2135",
    "intake1": "419-555-0000",
    "website": "https://example.org",
    "services": [
        {"f1": "Type of Care", "f2": "TC", "f3": "Substance use treatment; Detoxification"},
        {
            "f1": "Payment/Insurance/Funding Accepted",
            "f2": "PAY",
            "f3": "Medicaid; Medicare; Private health insurance; Cash or self-payment",
        },
    ],
}


@pytest.fixture
def editor_client_demo(demo, editor_client):
    return editor_client


def test_the_admin_report_lists_where_a_pasted_listing_differs(editor_client_demo):
    findlay = Center.objects.get(slug="findlay")
    url = reverse("admin:facility_center_locator_check")
    page = editor_client_demo.get(url, {"center": findlay.pk}).content.decode()
    assert "Nothing is fetched" in page

    response = editor_client_demo.post(url, {"center": findlay.pk, "listing": json.dumps(LISTING)})
    html = response.content.decode()
    rows = html[html.index('id="differences"') :]
    assert "Street</th><td>1800 Manor Hill Road</td><td>1800 Manor Hill Rd.</td>" in rows
    assert "Intake phone</th><td>1-855-605-2135</td><td>419-555-0000</td>" in rows
    assert "Main phone" not in rows  # the same number, written otherwise
    # Military insurance is said here but not there; Medicare there but not here.
    assert (
        "PAY (Payment/Insurance/Funding Accepted)</th>"
        "<td>Military insurance (e.g., TRICARE)</td><td>Medicare</td>"
    ) in rows
    assert "TC (Type of Care)" not in rows


def test_a_listing_that_is_not_a_record_is_refused_and_kept(editor_client_demo):
    findlay = Center.objects.get(slug="findlay")
    response = editor_client_demo.post(
        reverse("admin:facility_center_locator_check"),
        {"center": findlay.pk, "listing": "Manor Hill, Findlay OH"},
    )
    html = response.content.decode()
    assert "This is not the locator&#x27;s record" in html
    assert "Manor Hill, Findlay OH</textarea>" in html
    assert 'id="differences"' not in html


def test_staff_without_the_center_permission_cannot_use_the_report(client, demo, staff_groups):
    client.force_login(make_staff("nobody"))
    response = client.get(reverse("admin:facility_center_locator_check"))
    assert response.status_code == 403
