"""The Spanish catalogue: every message is translated (the staff's labels too, so an
empty entry is always a slip), none is marked fuzzy (gettext would skip it), and msgfmt
accepts the file as `make messages` runs it. tests/test_spanish_trust.py checks that
makemessages would add nothing."""

import re
import subprocess
from pathlib import Path

CATALOGUE = Path(__file__).resolve().parent.parent / "locale" / "es" / "LC_MESSAGES" / "django.po"


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


def test_every_message_is_translated():
    assert [msgid for msgid, strings, _ in entries() if not all(strings)] == []


def test_no_message_is_fuzzy():
    assert [msgid for msgid, _, flags in entries() if any("fuzzy" in f for f in flags)] == []


def test_msgfmt_accepts_the_catalogue(tmp_path):
    subprocess.run(
        ["msgfmt", "--check-format", "-o", str(tmp_path / "django.mo"), str(CATALOGUE)],
        check=True,
    )
