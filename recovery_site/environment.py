"""Typed readers of environment variables, for the settings and the server's config.

Every variable is read through one of these, so a wrong value stops the start with a
message naming the variable, what it holds and what was expected, instead of a bare
ValueError, or worse a setting that silently means something else. An unset or empty
variable gives the default.
"""

import base64
import os
from pathlib import Path
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.core.validators import validate_email

TRUE = {"1", "true", "yes", "on"}
FALSE = {"0", "false", "no", "off"}


def bad_value(name, value, expected):
    return ImproperlyConfigured(f"{name} must be {expected}, not {value!r}.")


def _raw(name):
    """The variable's value with surrounding blanks removed, or None when unset or empty."""
    value = os.environ.get(name, "").strip()
    return value or None


def env_str(name, default=""):
    value = _raw(name)
    return default if value is None else value


def env_secret(name, default=""):
    """A secret, taken exactly as given: blanks may be part of it."""
    return os.environ.get(name) or default


def env_bool(name, default):
    value = _raw(name)
    if value is None:
        return default
    if value.lower() in TRUE:
        return True
    if value.lower() in FALSE:
        return False
    raise bad_value(name, value, "true or false")


def env_int(name, default, minimum=None, maximum=None):
    """A whole number between `minimum` and `maximum` (each bound included, if given)."""
    value = _raw(name)
    if value is None:
        return default
    expected = "a whole number"
    if minimum is not None and maximum is not None:
        expected += f" from {minimum} to {maximum}"
    elif minimum is not None:
        expected += f" of {minimum} or more"
    elif maximum is not None:
        expected += f" of {maximum} or less"
    try:
        number = int(value)
    except ValueError:
        raise bad_value(name, value, expected) from None
    if (minimum is not None and number < minimum) or (maximum is not None and number > maximum):
        raise bad_value(name, value, expected)
    return number


def env_list(name, default=()):
    """A comma-separated list; blanks around each item and empty items are dropped."""
    value = _raw(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def env_hosts(name, default=()):
    """Host names as ALLOWED_HOSTS takes them: `example.org`, `.example.org`, `*`."""
    hosts = env_list(name, default)
    for host in hosts:
        if "/" in host or (":" in host and not host.startswith("[")):
            raise bad_value(
                name, host, "host names without scheme, port or path, such as www.example.org"
            )
    return hosts


def env_host(name, default=""):
    """One host name, such as media.example.org: no scheme, port, path or wildcard."""
    value = _raw(name)
    if value is None:
        return default
    if len(env_hosts(name)) != 1 or value.startswith((".", "*")):
        raise bad_value(name, value, "one host name such as media.example.org")
    return value


def env_origins(name):
    """Origins as CSRF_TRUSTED_ORIGINS takes them: `https://www.example.org`."""
    origins = env_list(name)
    for origin in origins:
        parts = urlsplit(origin)
        if parts.scheme not in {"http", "https"} or not parts.netloc or parts.path.strip("/"):
            raise bad_value(name, origin, "origins such as https://www.example.org")
    return origins


def env_dotted_path(name, default):
    """The import path of a class, such as django.core.mail.backends.smtp.EmailBackend."""
    value = _raw(name)
    if value is None:
        return default
    if not all(part.isidentifier() for part in value.split(".")) or "." not in value:
        raise bad_value(name, value, "a dotted import path such as package.module.ClassName")
    return value


def env_choice(name, default, choices):
    value = _raw(name)
    if value is None:
        return default
    if value not in choices:
        raise bad_value(name, value, "one of " + ", ".join(choices))
    return value


def env_url(name, default="", schemes=("https", "http"), path=True):
    """An absolute URL with one of `schemes`; without `path`, nothing after the host."""
    value = _raw(name)
    if value is None:
        return default
    if value == "sqlite://:memory:" and "sqlite" in schemes:
        return value  # dj-database-url's in-memory database, which is not quite a URL
    expected = "a URL starting with " + " or ".join(f"{scheme}://" for scheme in schemes)
    if not path:
        expected += " and nothing after the host"
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises ValueError on a port that is not a number
    except ValueError:
        raise bad_value(name, value, expected) from None
    if parts.scheme not in schemes or not (parts.netloc or parts.path):
        raise bad_value(name, value, expected)
    if parts.scheme in {"http", "https"} and not parts.hostname:
        raise bad_value(name, value, expected)
    if not path and (parts.path.strip("/") or parts.query or parts.fragment):
        raise bad_value(name, value, expected)
    return value


def env_path(name, default):
    """An absolute path on the server."""
    value = _raw(name)
    if value is None:
        return Path(default)
    if not os.path.isabs(value):
        raise bad_value(name, value, "an absolute path such as /srv/recovery-site/media")
    return Path(value)


def env_rate(name, default):
    """A rate such as `10/3600`: at most 10 in any 3600 seconds."""
    value = _raw(name) or default
    count, _, seconds = value.partition("/")
    if not (count.strip().isdigit() and seconds.strip().isdigit() and int(seconds) > 0):
        raise ImproperlyConfigured(f"{name} must look like 10/3600 (count/seconds), not {value!r}.")
    return int(count), int(seconds)


def env_email(name, default):
    """One e-mail address, or `Name <address>`."""
    value = _raw(name)
    if value is None:
        return default
    address = value.rpartition("<")[2].rstrip(">") if value.endswith(">") else value
    try:
        validate_email(address)
    except ValidationError:
        raise bad_value(name, value, "an e-mail address such as website@example.org") from None
    return value


def env_emails(name):
    """A comma-separated list of e-mail addresses."""
    addresses = env_list(name)
    for address in addresses:
        try:
            validate_email(address)
        except ValidationError:
            raise bad_value(name, address, "a comma-separated list of e-mail addresses") from None
    return addresses


MAKE_FERNET_KEY = (
    'python -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())"'
)


def env_fernet_keys(name, required):
    """Comma-separated Fernet keys (32 bytes in URL-safe base64), newest first."""
    keys = env_list(name)
    if required and not keys:
        raise ImproperlyConfigured(
            f"{name} must hold at least one encryption key when DJANGO_DEBUG is false. "
            f"Make one with: {MAKE_FERNET_KEY}"
        )
    for key in keys:
        try:
            valid = len(base64.urlsafe_b64decode(key.encode("ascii"))) == 32
        except (ValueError, UnicodeEncodeError):
            valid = False
        if not valid:
            raise ImproperlyConfigured(
                f"{name} must be comma-separated Fernet keys, and one of them is not "
                f"(the key itself is not shown). Make one with: {MAKE_FERNET_KEY}"
            )
    return keys
