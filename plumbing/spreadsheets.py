"""Every CSV file the site writes, made safe to open in a spreadsheet.

A spreadsheet runs a cell that starts with one of FORMULA_STARTS as a formula (Excel:
all four; LibreOffice: "="), and text that visitors or staff typed can start so:
"=HYPERLINK(...)" in an inquiry's name, or in a center's street for /locations.csv,
which referrers open. Some spreadsheets read a full-width equals sign (U+FF1D) as "=",
and some skip the spaces, tabs and line breaks before it. Every CSV is written through
csv_text(), which guards every cell the same way.
"""

import csv
import io
import re
import unicodedata

FORMULA_STARTS = ("=", "+", "-", "@")
# Put in front of such a cell, it makes the cell text in Excel and LibreOffice alike:
# WORD JOINER, a character with no width that neither shows nor starts a formula. The
# usual apostrophe is only understood when typed; in a CSV file it is shown ("'+1 419").
TEXT_MARK = "\u2060"
# What spreadsheets read as a number: harmless, yet a phone's "+" or leading zeros go.
NUMBER = re.compile(r"[+-]?[\d.,]+")


def neutralise(value, numbers_as_text=False):
    """`value` as a cell that never runs as a formula: one a spreadsheet would take as a
    formula gets the invisible TEXT_MARK in front, and nothing else changes. A plain
    number (a latitude, -83.61) is left a number, unless `numbers_as_text` (phones that
    must keep their "+" and leading zeros)."""
    value = str(value)
    # Compatibility forms (full-width U+FF1D, small U+FE62) read as what they mimic.
    plain = unicodedata.normalize("NFKC", value)
    if NUMBER.fullmatch(plain):
        return TEXT_MARK + value if numbers_as_text else value
    if plain.lstrip().startswith(FORMULA_STARTS) or value.startswith(("\t", "\r", "\n")):
        return TEXT_MARK + value
    return value


def csv_text(header, rows, numbers_as_text=False, byte_order_mark=False):
    """The CSV text of `rows` under `header`, every cell neutralised. `byte_order_mark`
    tells Excel the file is UTF-8, so names keep their accents."""
    out = io.StringIO()
    if byte_order_mark:
        out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(header)
    for row in rows:
        writer.writerow([neutralise(cell, numbers_as_text) for cell in row])
    return out.getvalue()
