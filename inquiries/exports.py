"""Contact messages as a CSV file for the staff allowed to take them out of the admin."""

import csv
import io

from django.utils import timezone

COLUMNS = [
    ("Received", lambda m: timezone.localtime(m.created).strftime("%Y-%m-%d %H:%M")),
    ("Name", lambda m: m.name),
    ("E-mail", lambda m: m.email),
    ("Phone", lambda m: m.phone),
    ("Message", lambda m: m.message),
    ("Agreed to be contacted", lambda m: "yes" if m.consent else "no"),
    (
        "Staff notified",
        lambda m: timezone.localtime(m.notified).strftime("%Y-%m-%d %H:%M") if m.notified else "",
    ),
]

# A spreadsheet runs a cell that starts with one of these as a formula; a visitor could
# type "=HYPERLINK(...)" in the form. The OWASP remedy: make such a cell plain text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """`value` safe to open in a spreadsheet: a leading formula character is quoted."""
    value = str(value)
    if value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def contact_messages_csv(messages):
    """The CSV text of `messages`, with a header row, as Excel and LibreOffice read it."""
    out = io.StringIO()
    # A byte-order mark tells Excel the file is UTF-8, so names keep their accents.
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow([title for title, _ in COLUMNS])
    for message in messages:
        writer.writerow([neutralise(value(message)) for _, value in COLUMNS])
    return out.getvalue()
