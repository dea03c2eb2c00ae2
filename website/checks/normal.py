"""Text as a reader sees it, so that the rules match what is read, not how it is typed.

A soft hyphen or a zero-width space inside "cure" is invisible on the page, a Cyrillic
es looks like a Latin "c", and full-width letters read as the plain ones: each of these
would slip a word past a pattern. `visible()` folds them all to plain Latin text; the
checks quote findings in that form, which is how the words read on the page.
"""

import hashlib
import re
import unicodedata
from functools import cache

# Invisible characters that Unicode does not class as format characters (Cf) but that
# show nothing: a combining grapheme joiner, the Hangul and Khmer fillers, Mongolian
# variation selectors, and the variation selectors.
_INVISIBLE = "\u034f\u115f\u1160\u17b4\u17b5\u180b\u180c\u180d\u180e\u180f\u3164\uffa0" + "".join(
    chr(code) for code in range(0xFE00, 0xFE10)
)
_INVISIBLE_RANGE = range(0xE0100, 0xE01F0)  # the supplementary variation selectors

# Letters of other scripts that read as Latin ones in the fonts a phone uses, and the
# dashes that read as a hyphen. Cyrillic and Greek are where look-alikes come from; the
# site's texts are in English and Spanish, so a Latin reading loses nothing they mean.
LOOK_ALIKES = {
    # Cyrillic
    "а": "a", "в": "b", "с": "c", "ԁ": "d", "е": "e", "ё": "e", "һ": "h", "і": "i",
    "ї": "i", "ј": "j", "к": "k", "ӏ": "l", "м": "m", "н": "h", "о": "o", "р": "p",
    "ԛ": "q", "г": "r", "ѕ": "s", "т": "t", "у": "y", "ԝ": "w", "х": "x", "ү": "y",
    "ь": "b", "п": "n", "и": "u",
    "А": "A", "В": "B", "С": "C", "Е": "E", "Ё": "E", "Н": "H", "І": "I", "Ї": "I",
    "Ј": "J", "К": "K", "М": "M", "О": "O", "Р": "P", "Ѕ": "S", "Т": "T", "У": "Y",
    "Х": "X", "Ү": "Y", "Ԁ": "D", "Ԛ": "Q", "Ԝ": "W", "Ӏ": "I",
    # Greek
    "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o",
    "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "γ": "y", "ω": "w",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M",
    "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
    # Dashes and minus signs (NFKC makes a non-breaking hyphen U+2010, not "-")
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2212": "-",
    "\ufe63": "-", "\uff0d": "-",
}  # fmt: skip
_FOLD = str.maketrans(LOOK_ALIKES)


@cache
def _invisible():
    """A pattern of every invisible character: the format characters (Cf) of the planes
    that have any, and those above. Worked out once, on first use."""
    planes = [range(0x10000), range(0x10000, 0x20000), range(0xE0000, 0xE1000)]
    codes = {code for plane in planes for code in plane if unicodedata.category(chr(code)) == "Cf"}
    codes |= {ord(char) for char in _INVISIBLE} | set(_INVISIBLE_RANGE)
    # As ranges of neighbours ("\u2060-\u2064"): a short class is a quick one.
    ranges, run = [], None
    for code in sorted(codes):
        if run and code == run[1] + 1:
            run[1] = code
        else:
            run = [code, code]
            ranges.append(run)
    parts = (re.escape(chr(a)) + (f"-{re.escape(chr(b))}" if b > a else "") for a, b in ranges)
    return re.compile(f"[{''.join(parts)}]+")


def visible(text):
    """`text` as it reads: compatibility forms folded (NFKC: full-width letters and
    digits, ligatures, non-breaking spaces), invisible characters dropped, look-alike
    letters read as Latin. Safe to run twice."""
    text = unicodedata.normalize("NFKC", text)
    if not text.isascii():
        text = _invisible().sub("", text).translate(_FOLD)
    return text


# Letters typed for digits inside a phone number: "1-888-555-O199".
_PHONE_LIKE = re.compile(r"[0-9OoIl|][0-9OoIl|().\s-]{8,}[0-9OoIl|]")
_AS_DIGITS = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1", "|": "1"})


def phone_digits(text):
    """`text` with letters read as digits wherever they stand among a number's digits;
    the same length, so that what the phone rule finds can be quoted from `text`."""

    def fold(match):
        run = match.group()
        if sum(char.isdigit() for char in run) < 7:
            return run
        return run.translate(_AS_DIGITS)

    return _PHONE_LIKE.sub(fold, text)


def sentence_digest(sentence):
    """What names a sentence in an acknowledgement: its words, lower case, as read."""
    words = " ".join(visible(sentence).lower().split())
    return hashlib.sha256(words.encode()).hexdigest()[:16]
