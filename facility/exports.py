"""Facts for referrers and locators: every center with its address, phones, website,
coordinates and facts in the codes of SAMHSA's treatment locator (facility/locator.py), as
/locations.json and /locations.csv. Kept in the page cache and made stale like the pages."""

import json

from django.conf import settings
from django.http import HttpResponse

from plumbing.spreadsheets import csv_text

from .locator import CATEGORIES, CSV_COLUMNS, center_record, csv_row
from .models import Facility

SOURCE = (
    "Codes of SAMHSA's treatment locator (FindTreatment.gov, N-SUMHSS facility service "
    'codes); those marked unsure ("unsure": true, or ? in the CSV) were not confirmed '
    "against SAMHSA's own list. See docs/locator-codes.md."
)


def site_address(request):
    return settings.SITE_URL or f"{request.scheme}://{request.get_host()}"


def records(request):
    facility = Facility.for_request(request)
    centers = facility.centers if facility else []
    return [center_record(center, site_address(request)) for center in centers]


def locations_json(request):
    data = {"source": SOURCE, "categories": CATEGORIES, "centers": records(request)}
    return HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )


def locations_csv(request):
    # Text staff typed (a street, a city) guarded like every CSV's cells.
    rows = (csv_row(record) for record in records(request))
    return HttpResponse(
        csv_text(CSV_COLUMNS, rows),
        content_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'inline; filename="locations.csv"'},
    )
