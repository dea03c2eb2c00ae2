"""Settings come from the environment; production refuses unsafe ones, loudly."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOOD_KEY = "k" * 50


def load_settings(**env):
    """Import the real settings module in a fresh interpreter with only `env` set."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE"))}
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
    assert "django.db.backends.postgresql" in result.stdout
    assert str(tmp_path) in result.stdout


def test_a_mistyped_boolean_is_an_error():
    result = load_settings(DJANGO_DEBUG="maybe")
    assert result.returncode != 0
    assert "DJANGO_DEBUG must be true or false" in result.stderr
