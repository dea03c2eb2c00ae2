"""The Spanish catalogue: every message visitors can see is translated, none is marked
fuzzy (gettext would skip it), and msgfmt accepts the file as `make messages` runs it."""

import re
import subprocess
from pathlib import Path

from inquiries.models import Inquiry, InquiryAccess

CATALOGUE = Path(__file__).resolve().parent.parent / "locale" / "es" / "LC_MESSAGES" / "django.po"

# Labels only staff read, in the admin, which stays in English.
STAFF_ONLY = {
    str(label) for choices in (Inquiry.Status, InquiryAccess.Action) for label in choices.labels
} | {str(Inquiry.ForWhom.UNKNOWN.label)}


def entries():
    """(msgid, [msgstr, ...], flags) of each message in the catalogue."""
    found = []
    for block in CATALOGUE.read_text().split("\n\n")[1:]:
        msgid = re.search(r'^msgid "(.*)"$', block, re.M)
        if msgid:
            strings = re.findall(r'^msgstr(?:\[\d\])? "(.*)"$', block, re.M)
            flags = re.findall(r"^#, (.*)$", block, re.M)
            found.append((msgid.group(1).replace('\\"', '"'), strings, flags))
    return found


def test_every_message_visitors_see_is_translated():
    untranslated = [msgid for msgid, strings, _ in entries() if not all(strings)]
    assert untranslated  # the staff's labels are in the catalogue too, untranslated
    assert set(untranslated) - STAFF_ONLY == set()


def test_no_message_is_fuzzy():
    assert [msgid for msgid, _, flags in entries() if any("fuzzy" in f for f in flags)] == []


def test_msgfmt_accepts_the_catalogue(tmp_path):
    subprocess.run(
        ["msgfmt", "--check-format", "-o", str(tmp_path / "django.mo"), str(CATALOGUE)],
        check=True,
    )
