"""Inquiries as a CSV file for the staff allowed to take them out of the admin."""

from django.utils import timezone

from plumbing import spreadsheets
from plumbing.spreadsheets import TEXT_MARK, csv_text  # noqa: F401  (TEXT_MARK: as before)


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


def neutralise(value):
    """A cell of the export: never a formula, and phones kept as typed (text)."""
    return spreadsheets.neutralise(value, numbers_as_text=True)


def inquiries_csv(inquiries):
    """The CSV text of `inquiries`, with a header row, as Excel and LibreOffice read it:
    phones stay text, with their "+" and leading zeros."""
    rows = ([value(inquiry) for _, value in COLUMNS] for inquiry in inquiries)
    return csv_text(
        [title for title, _ in COLUMNS], rows, numbers_as_text=True, byte_order_mark=True
    )
