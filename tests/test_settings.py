"""Settings come from the environment; production refuses unsafe ones, loudly."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

ROOT = Path(__file__).resolve().parent.parent
GOOD_KEY = "k" * 50
FERNET_KEY = Fernet.generate_key().decode()


def load_settings(**env):
    """Import the real settings module in a fresh interpreter with only `env` set."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE"))}
    clean["INQUIRY_ENCRYPTION_KEYS"] = FERNET_KEY  # a test without one says so
    clean["RATE_LIMIT_KEY"] = GOOD_KEY
    clean["SITE_URL"] = "https://recovery.example.org"  # required in production too
    clean.update(env)
    code = (
        "import recovery_site.settings as s;"
        "print(s.DEBUG, s.ALLOWED_HOSTS, s.DATABASES['default']['ENGINE'], s.MEDIA_ROOT)"
    )
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=clean, capture_output=True, text=True
    )


def test_development_needs_no_variable():
    result = load_settings()
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("True ['localhost', '127.0.0.1', '[::1]']")
    assert "sqlite3" in result.stdout


@pytest.mark.parametrize(
    "key", [None, "short", "django-insecure-development-only-never-use-in-production"]
)
def test_production_refuses_to_start_without_a_real_secret_key(key):
    env = {"DJANGO_DEBUG": "false", "DJANGO_ALLOWED_HOSTS": "example.org"}
    if key:
        env["DJANGO_SECRET_KEY"] = key
    result = load_settings(**env)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set to a random value" in result.stderr


@pytest.mark.parametrize("key", ["", "short", "development-rate-limit-key-never-use-in-production"])
def test_production_refuses_to_start_without_a_rate_limit_key(key):
    result = load_settings(
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY=GOOD_KEY,
        DJANGO_ALLOWED_HOSTS="example.org",
        RATE_LIMIT_KEY=key,
    )
    assert result.returncode != 0
    assert "RATE_LIMIT_KEY must be set to a random value of at least 32" in result.stderr
    assert key not in result.stderr or not key


def test_production_refuses_to_start_without_its_public_address():
    production = {
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": GOOD_KEY,
        "DJANGO_ALLOWED_HOSTS": "example.org",
    }
    result = load_settings(**production, SITE_URL="")
    assert result.returncode != 0
    assert "SITE_URL must be set to the site's public address" in result.stderr
    # A plain-HTTP test host (no HTTPS to redirect to) may go without; the deployment
    # checks then warn (tests/test_site_url.py).
    plain_http = load_settings(**production, SITE_URL="", DJANGO_SECURE_SSL_REDIRECT="false")
    assert plain_http.returncode == 0, plain_http.stderr


def test_debug_with_public_hosts_is_refused():
    result = load_settings(DJANGO_DEBUG="true", DJANGO_ALLOWED_HOSTS="recovery.example.org")
    assert result.returncode != 0
    assert "Set DJANGO_DEBUG=false for production" in result.stderr


def test_production_settings_from_the_environment(tmp_path):
    result = load_settings(
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY=GOOD_KEY,
        DJANGO_ALLOWED_HOSTS="recovery.example.org, www.recovery.example.org",
        DATABASE_URL="postgres://site:pw@db.internal:5432/recovery",
        MEDIA_ROOT=str(tmp_path),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split(" ", 1)[0] == "False"
    assert "['recovery.example.org', 'www.recovery.example.org']" in result.stdout
    assert "plumbing.postgresql" in result.stdout  # Django's, with bounded waits
    assert str(tmp_path) in result.stdout


def test_a_mistyped_boolean_is_an_error():
    result = load_settings(DJANGO_DEBUG="maybe")
    assert result.returncode != 0
    assert "DJANGO_DEBUG must be true or false" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = load_settings(DJANGO_DEBUG="false", DJANGO_SECRET_KEY=GOOD_KEY)
    assert result.returncode != 0
    assert "DJANGO_ALLOWED_HOSTS must name the site's host names" in result.stderr


# Each variable with a wrong value, and the words its message must say. Production's
# guards are satisfied so that only the variable under test can fail.
BAD_VALUES = [
    ("DJANGO_DEBUG", "maybe", "DJANGO_DEBUG must be true or false, not 'maybe'"),
    ("DJANGO_ALLOWED_HOSTS", "https://example.org", "DJANGO_ALLOWED_HOSTS must be host names"),
    ("DJANGO_ALLOWED_HOSTS", "example.org:8000", "DJANGO_ALLOWED_HOSTS must be host names"),
    ("DJANGO_CSRF_TRUSTED_ORIGINS", "example.org", "DJANGO_CSRF_TRUSTED_ORIGINS must be origins"),
    ("SITE_URL", "www.example.org", "SITE_URL must be a URL starting with https:// or http://"),
    ("SITE_URL", "https://example.org/blog", "and nothing after the host"),
    ("DATABASE_URL", "mysql://db/site", "DATABASE_URL must be a URL starting with sqlite://"),
    ("DATABASE_URL", "postgres://db:port/site", "DATABASE_URL must be a URL"),
    ("DJANGO_CONN_MAX_AGE", "a minute", "DJANGO_CONN_MAX_AGE must be a whole number of 0 or more"),
    ("DJANGO_CONN_MAX_AGE", "-5", "DJANGO_CONN_MAX_AGE must be a whole number of 0 or more"),
    ("DJANGO_STATIC_ROOT", "static", "DJANGO_STATIC_ROOT must be an absolute path"),
    ("MEDIA_ROOT", "media", "MEDIA_ROOT must be an absolute path"),
    ("DJANGO_EMAIL_BACKEND", "smtp", "DJANGO_EMAIL_BACKEND must be a dotted import path"),
    ("EMAIL_PORT", "587/tls", "EMAIL_PORT must be a whole number from 1 to 65535, not '587/tls'"),
    ("EMAIL_PORT", "70000", "EMAIL_PORT must be a whole number from 1 to 65535"),
    ("EMAIL_USE_TLS", "starttls", "EMAIL_USE_TLS must be true or false"),
    ("DJANGO_DEFAULT_FROM_EMAIL", "website", "DJANGO_DEFAULT_FROM_EMAIL must be an e-mail"),
    ("CONTACT_NOTIFY_EMAILS", "a@example.org, b", "CONTACT_NOTIFY_EMAILS must be a comma-sep"),
    (
        "CONTACT_MESSAGE_RETENTION_DAYS",
        "90 days",
        "CONTACT_MESSAGE_RETENTION_DAYS must be a whole number of 1 or more, not '90 days'",
    ),
    ("CONTACT_MESSAGE_RETENTION_DAYS", "0", "CONTACT_MESSAGE_RETENTION_DAYS must be a whole"),
    ("REDIS_URL", "127.0.0.1:6379", "REDIS_URL must be a URL starting with redis://"),
    ("PAGE_CACHE_SECONDS", "-1", "PAGE_CACHE_SECONDS must be a whole number of 0 or more"),
    ("DJANGO_TRUSTED_PROXY_COUNT", "yes", "DJANGO_TRUSTED_PROXY_COUNT must be a whole number"),
    ("CONTACT_RATE_LIMIT", "10 per hour", "CONTACT_RATE_LIMIT must look like 10/3600"),
    ("DJANGO_SECURE_SSL_REDIRECT", "sure", "DJANGO_SECURE_SSL_REDIRECT must be true or false"),
    ("DJANGO_SECURE_PROXY_SSL_HEADER", "x", "DJANGO_SECURE_PROXY_SSL_HEADER must be true or"),
    ("DJANGO_SECURE_HSTS_SECONDS", "1y", "DJANGO_SECURE_HSTS_SECONDS must be a whole number"),
    ("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", "2", "HSTS_INCLUDE_SUBDOMAINS must be true or"),
    ("DJANGO_SECURE_HSTS_PRELOAD", "2", "DJANGO_SECURE_HSTS_PRELOAD must be true or false"),
    ("DJANGO_SECURE_COOKIES", "2", "DJANGO_SECURE_COOKIES must be true or false"),
]


@pytest.mark.parametrize(("name", "value", "message"), BAD_VALUES)
def test_a_wrong_value_stops_the_start_with_a_message_naming_the_variable(name, value, message):
    env = {
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": GOOD_KEY,
        "DJANGO_ALLOWED_HOSTS": "example.org",
        name: value,
    }
    result = load_settings(**env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert message in result.stderr


def test_every_environment_variable_is_read_through_the_typed_readers():
    """A bare os.environ read skips the checks above; only the readers may make one."""
    sources = [ROOT / "recovery_site" / "settings.py", ROOT / "gunicorn.conf.py"]
    sources += sorted((ROOT / "benchmarks").glob("*settings*.py"))
    for source in sources:
        text = source.read_text()
        assert "os.environ" not in text and "getenv" not in text, source


GUNICORN_CHECK = ["--config", "gunicorn.conf.py", "--check-config", "recovery_site.wsgi"]


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("GUNICORN_WORKERS", "two", "GUNICORN_WORKERS must be a whole number of 1 or more"),
        ("GUNICORN_TIMEOUT", "0", "GUNICORN_TIMEOUT must be a whole number of 1 or more"),
        ("GUNICORN_LOG_LEVEL", "verbose", "GUNICORN_LOG_LEVEL must be one of debug, info"),
    ],
)
def test_gunicorn_settings_are_checked_the_same_way(name, value, message):
    result = subprocess.run(
        [sys.executable, "-m", "gunicorn", *GUNICORN_CHECK],
        cwd=ROOT,
        env={**os.environ, name: value},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert message in result.stdout + result.stderr


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("DATABASE_URL", "sqlite://:memory:"),
        ("DATABASE_URL", "postgresql://site:p%40ss@db.internal:5432/recovery?sslmode=require"),
        ("REDIS_URL", "unix:///run/redis/redis.sock?db=2"),
        ("REDIS_URL", "rediss://:secret@cache.internal:6380/1"),
        ("DJANGO_ALLOWED_HOSTS", "[::1], .example.org,www.example.org"),
        ("SITE_URL", "https://www.example.org/"),
        ("EMAIL_PORT", " 587 "),
        ("CONTACT_NOTIFY_EMAILS", "a@example.org, b@example.org"),
        ("DJANGO_DEFAULT_FROM_EMAIL", "Manor Hill <website@example.org>"),
    ],
)
def test_good_values_of_every_shape_are_accepted(name, value):
    env = {"DJANGO_DEBUG": "false", "DJANGO_SECRET_KEY": GOOD_KEY}
    env["DJANGO_ALLOWED_HOSTS"] = "example.org"
    result = load_settings(**{**env, name: value})
    assert result.returncode == 0, result.stderr
