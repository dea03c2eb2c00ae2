"""The keys that encrypt inquiries, and the Fernet tokens made with them.

Keys come from INQUIRY_ENCRYPTION_KEYS, newest first: the newest encrypts, any of them
decrypts, so a new key can be put in front and `rotate_inquiry_keys` run before the old
one is dropped. Production refuses to start without one (the settings check it). In
development, without the variable, a key is made once in a git-ignored file at the
project's root: the demo's inquiries stay readable from one run to the next.
"""

import logging
import os
from functools import cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

logger = logging.getLogger(__name__)

DEVELOPMENT_KEY_FILE = ".inquiry-key"


class UnreadableInquiry(Exception):
    """A value that none of the configured keys decrypts: a key was lost or left out."""


class UnreadableValue(str):
    """What an encrypted field holds when no configured key decrypts its token (a key
    lost or dropped too early, a damaged token): shown as "unreadable", never as the
    token, and saved back as the very token it was read from, so nothing is lost if the
    key is found again."""

    TEXT = "[unreadable: encrypted with a key the site no longer has, or damaged]"

    def __new__(cls, token):
        value = super().__new__(cls, cls.TEXT)
        value.token = token
        return value


def development_key_file():
    return settings.BASE_DIR / DEVELOPMENT_KEY_FILE


def development_key():
    """The development key, made on first use (mode 600) and said so in the log."""
    path = development_key_file()
    if path.exists():
        return path.read_text().strip()
    key = Fernet.generate_key().decode()
    # Created readable by its owner alone, before the key is written into it.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as out:
        out.write(key + "\n")
    logger.warning(
        "No INQUIRY_ENCRYPTION_KEYS: made a development key in %s. Inquiries saved with it "
        "cannot be read without it.",
        path,
    )
    return key


def configured_keys():
    keys = settings.INQUIRY_ENCRYPTION_KEYS
    if keys:
        return tuple(keys)
    if not settings.DEBUG:
        raise ImproperlyConfigured(
            "INQUIRY_ENCRYPTION_KEYS must be set when DJANGO_DEBUG is false."
        )
    return (development_key(),)


@cache
def _fernet(keys):
    return MultiFernet([Fernet(key) for key in keys])


def fernet():
    """A MultiFernet over the configured keys (read each time: tests change them)."""
    return _fernet(configured_keys())


def encrypt(text):
    return fernet().encrypt(text.encode("utf-8")).decode("ascii")


def decrypt(token):
    try:
        return fernet().decrypt(token.encode("ascii")).decode("utf-8")
    except (InvalidToken, UnicodeError):
        raise UnreadableInquiry(
            "An encrypted inquiry value cannot be read with INQUIRY_ENCRYPTION_KEYS: "
            "the key it was encrypted with is missing, or the value is damaged."
        ) from None
