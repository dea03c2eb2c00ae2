"""Phone numbers as staff type them, in the forms links and search engines need.

The center is in the US, so a number of 10 digits, or of 11 starting with 1, is read as a
North American one. A number written with a leading + carries its own country code. Any
other number cannot be placed in the world and is dialled as written.
"""

import re
from typing import NamedTuple

# "ext. 12", "extension 12", "x12" or "#12" at the end of a number.
_EXTENSION = re.compile(r"\s*(?:ext\.?|extension|x|#)\s*(\d+)\s*$", re.IGNORECASE)
# The letters on a phone's keys, for numbers written as words, such as 1-800-GET-HELP.
_KEYPAD = str.maketrans(
    {
        letter: str(key)
        for key, letters in enumerate(["abc", "def", "ghi", "jkl", "mno", "pqrs", "tuv", "wxyz"], 2)
        for letter in letters + letters.upper()
    }
)


class Phone(NamedTuple):
    digits: str  # starting with the country code when it is known; no extension
    extension: str
    has_country_code: bool


def parse(phone):
    """The digits, extension and whether the country is known, of a number as written."""
    match = _EXTENSION.search(phone)
    number, extension = (phone[: match.start()], match[1]) if match else (phone, "")
    digits = re.sub(r"\D", "", number.translate(_KEYPAD))
    if number.strip().startswith("+"):
        return Phone(digits, extension, has_country_code=bool(digits))
    if len(digits) == 10:
        digits = "1" + digits
    return Phone(digits, extension, has_country_code=is_north_american(digits))


def is_north_american(digits):
    return len(digits) == 11 and digits.startswith("1")


def tel_href(phone):
    """A `tel:` URL (RFC 3966) a phone can dial, or "" when there is nothing to dial."""
    digits, extension, has_country_code = parse(phone)
    if not digits:
        return ""
    number = f"+{digits}" if has_country_code else digits
    return f"tel:{number};ext={extension}" if extension else f"tel:{number}"


def international(phone):
    """+1-855-605-2135, the form schema.org and Google prefer, for a North American number;
    any other number as written."""
    digits, extension, _ = parse(phone)
    if not is_north_american(digits):
        return phone
    number = f"+1-{digits[1:4]}-{digits[4:7]}-{digits[7:]}"
    return f"{number} ext. {extension}" if extension else number
