"""Inquiries as a CSV file for the staff allowed to take them out of the admin."""

import csv
import io
import re
import unicodedata

from django.utils import timezone


def _when(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else ""


COLUMNS = [
    ("Reference", lambda i: i.reference),
    ("Received", lambda i: _when(i.created)),
    ("For", lambda i: i.get_for_whom_display()),
    ("First name", lambda i: i.first_name),
    ("Phone", lambda i: i.phone),
    ("Voicemail OK", lambda i: "yes" if i.voicemail_ok else "no"),
    ("Text OK", lambda i: "yes" if i.text_ok else "no"),
    ("E-mail", lambda i: i.email),
    ("Best time", lambda i: i.get_best_time_display()),
    ("Help wanted", lambda i: i.level_of_care),
    ("Payment", lambda i: i.get_payment_display()),
    ("Insurance plan", lambda i: i.plan_name),
    ("Message", lambda i: i.message),
    ("Status", lambda i: i.get_status_display()),
    ("Assignee", lambda i: i.assignee.get_username() if i.assignee else ""),
    ("First contacted", lambda i: _when(i.first_contact)),
    ("Staff notified", lambda i: _when(i.notified)),
    # Last, so the columns spreadsheets already read stay where they were.
    ("Language", lambda i: i.get_language_display()),
    ("Center", lambda i: i.center.name if i.center else ""),
]

# A spreadsheet runs a cell that starts with one of these as a formula (Excel: all four;
# LibreOffice: "="), and a visitor could type "=HYPERLINK(...)" in the form; some read
# a full-width equals sign (U+FF1D) as "=" too, and some skip the spaces, tabs and line
# breaks before it.
FORMULA_STARTS = ("=", "+", "-", "@")
# Put in front of such a cell, it makes the cell text in Excel and LibreOffice alike:
# WORD JOINER, a character with no width that neither shows nor starts a formula. The
# usual apostrophe is only understood when typed; in a CSV file it is shown ("'+1 419").
TEXT_MARK = "\u2060"
# What spreadsheets would read as a number, dropping a phone's "+" or leading zeros.
NUMBER = re.compile(r"[+-]?[\d.,]+")


def neutralise(value):
    """`value` as a cell that shows exactly what was typed and never runs as a formula:
    a value a spreadsheet would take as a formula (or a phone as a number) gets the
    invisible TEXT_MARK in front, and nothing else changes."""
    value = str(value)
    # Compatibility forms (full-width U+FF1D, small U+FE62) read as what they mimic.
    plain = unicodedata.normalize("NFKC", value)
    if plain.lstrip().startswith(FORMULA_STARTS) or value.startswith(("\t", "\r", "\n")):
        return TEXT_MARK + value
    if NUMBER.fullmatch(plain):
        return TEXT_MARK + value
    return value


def inquiries_csv(inquiries):
    """The CSV text of `inquiries`, with a header row, as Excel and LibreOffice read it."""
    out = io.StringIO()
    # A byte-order mark tells Excel the file is UTF-8, so names keep their accents.
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow([title for title, _ in COLUMNS])
    for inquiry in inquiries:
        writer.writerow([neutralise(value(inquiry)) for _, value in COLUMNS])
    return out.getvalue()
