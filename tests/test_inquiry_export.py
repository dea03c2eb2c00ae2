"""The CSV export opened by a real spreadsheet: LibreOffice Calc (headless, from Debian)
reads the file with formulas evaluated, as Excel does, and saves it as .xlsx; openpyxl
reads the cells back. No cell may be a formula, and every cell must show what the
visitor typed, phones included, with no stray character."""

import csv
import io
import shutil
import subprocess
import unicodedata

import openpyxl
import pytest
from django.urls import reverse

from inquiries.exports import TEXT_MARK

from .factories import logged_in, make_inquiry, make_staff

pytestmark = [pytest.mark.django_db, pytest.mark.spreadsheet]

SOFFICE = shutil.which("soffice") or "/usr/bin/soffice"
# LibreOffice's CSV import options: comma, double quote, UTF-8, from line 1, standard
# cells, no special numbers detected, ..., and (the 13th) evaluate formulas.
CSV_IMPORT = "CSV Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1,true"

# What visitors typed: (field, value). Each is one inquiry's field.
TYPED = [
    ("phone", "+1 419 555 0100"),
    ("phone", "4195550100"),
    ("phone", "-2+3"),
    ("phone", "(419) 555-0123"),
    ("first_name", '＝HYPERLINK("http://evil.example","Open")'),
    ("first_name", '=HYPERLINK("http://evil.example","Open")'),
    ("first_name", " =1+1"),
    ("first_name", "+SUM(1+1)"),
    ("plan_name", "@SUM(1+1)"),
    ("plan_name", "﹦1+1"),
    ("plan_name", "＋1+1"),
    ("message", "=1+1"),
    ("message", "\t=1+1"),
    ("message", "-1+1 and more"),
]


def as_spreadsheet(csv_bytes, tmp_path):
    """The cells of `csv_bytes` as LibreOffice Calc reads them: {(row, column): cell}."""
    source = tmp_path / "inquiries.csv"
    source.write_bytes(csv_bytes)
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation=file://{tmp_path / 'profile'}",
            "--headless",
            f"--infilter={CSV_IMPORT}",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    sheet = openpyxl.load_workbook(tmp_path / "inquiries.xlsx").active
    return list(sheet.iter_rows())


def shown(text):
    """What a cell shows: its text without the characters that have no width (Unicode's
    format characters, such as the export's TEXT_MARK)."""
    return "".join(c for c in str(text) if unicodedata.category(c) != "Cf")


def test_the_reader_sees_formulas_in_an_unguarded_file(tmp_path):
    # The check below can fail: an unguarded cell is a formula to LibreOffice.
    rows = as_spreadsheet(b'"Phone","Note"\r\n"+1 419","=1+1"\r\n', tmp_path)

    assert rows[1][1].data_type == "f"


def test_the_export_opens_in_a_spreadsheet_as_typed_with_no_formula(facility, tmp_path):
    # Oldest first in the export, in the order of TYPED.
    inquiries = [
        make_inquiry(days_old=len(TYPED) - number, **{field: value})
        for number, (field, value) in enumerate(TYPED)
    ]
    response = logged_in(make_staff("a", "Admissions")).post(
        reverse("admin:inquiries_inquiry_changelist"),
        {"action": "export_csv", "_selected_action": [i.pk for i in inquiries]},
    )
    header = next(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))

    rows = as_spreadsheet(response.content, tmp_path)

    assert [cell.value for cell in rows[0]] == header
    cells = [cell for row in rows for cell in row if cell.value is not None]
    assert [cell.coordinate for cell in cells if cell.data_type == "f"] == []
    columns = {
        "phone": header.index("Phone"),
        "first_name": header.index("First name"),
        "plan_name": header.index("Insurance plan"),
        "message": header.index("Message"),
    }
    for row, (field, value) in zip(rows[1:], TYPED, strict=True):
        cell = row[columns[field]]
        assert cell.data_type == "s", (field, value, cell.value)
        assert shown(cell.value) == value, (field, value, cell.value)
        # Nothing but the invisible mark was added, and only in front.
        assert cell.value in (value, TEXT_MARK + value)
