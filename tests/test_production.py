"""The documented production environment: Django's deployment checks pass, HTTPS and the
database are set up from it, and SQLite is ready for concurrent writers."""

import secrets
import sqlite3
import subprocess
import sys

import pytest
from cryptography.fernet import Fernet

from .live_gunicorn import ROOT, production_env

PRODUCTION_ENV = ROOT / "docs" / "production.env"
PLAIN_HTTP = ["DJANGO_SECURE_SSL_REDIRECT", "DJANGO_SECURE_COOKIES"]


def documented_env(**changes):
    """docs/production.env as systemd reads it, with a real secret key."""
    env = {}
    for line in PRODUCTION_ENV.read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, value = line.partition("=")
            env[name] = value
    env["DJANGO_SECRET_KEY"] = secrets.token_urlsafe(50)
    env["INQUIRY_ENCRYPTION_KEYS"] = Fernet.generate_key().decode()
    env["RATE_LIMIT_KEY"] = secrets.token_urlsafe(32)
    base = production_env()
    for name in PLAIN_HTTP:  # the file's own HTTPS defaults apply, not loopback's
        del base[name]
    return {**base, **env, **changes}


def run(env, *args):
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def settings_of(env, *names):
    code = "from django.conf import settings as s;" + "".join(
        f"print(repr(s.{name}));" for name in names
    )
    result = run({**env, "DJANGO_SETTINGS_MODULE": "recovery_site.settings"}, "-c", code)
    assert result.returncode == 0, result.stderr
    return [eval(line) for line in result.stdout.splitlines()]  # reprs of plain values


def test_deployment_checks_pass_with_the_documented_environment():
    result = run(documented_env(), "manage.py", "check", "--deploy", "--fail-level", "WARNING")

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_https_settings_come_from_the_environment():
    strict = settings_of(
        documented_env(),
        "SECURE_SSL_REDIRECT",
        "SECURE_PROXY_SSL_HEADER",
        "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "SECURE_HSTS_PRELOAD",
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
    )
    assert strict == [True, ("HTTP_X_FORWARDED_PROTO", "https"), 31536000, True, False, True, True]

    preload, hsts, silenced = settings_of(
        documented_env(DJANGO_SECURE_HSTS_PRELOAD="true", DJANGO_SECURE_HSTS_SECONDS="63072000"),
        "SECURE_HSTS_PRELOAD",
        "SECURE_HSTS_SECONDS",
        "SILENCED_SYSTEM_CHECKS",
    )
    assert (preload, hsts) == (True, 63072000)
    assert "security.W021" not in silenced  # preloading on: Django checks it fully


def test_without_a_proxy_header_setting_forwarded_protocols_are_not_trusted():
    env = documented_env()
    del env["DJANGO_SECURE_PROXY_SSL_HEADER"]

    assert settings_of(env, "SECURE_PROXY_SSL_HEADER") == [None]


def test_postgresql_connections_persist_and_are_checked_and_redis_is_the_cache():
    (database, caches) = settings_of(documented_env(), "DATABASES['default']", "CACHES")

    assert database["ENGINE"] == "plumbing.postgresql"  # Django's, with bounded waits
    assert database["CONN_MAX_AGE"] == 60 and database["CONN_HEALTH_CHECKS"] is True
    # The documented limits (docs/deploy.md, "Timeouts and limits").
    assert database["OPTIONS"]["connect_timeout"] == 3
    assert database["OPTIONS"]["options"] == (
        "-c statement_timeout=5000 -c lock_timeout=3000 "
        "-c idle_in_transaction_session_timeout=30000"
    )
    assert settings_of(documented_env(), "DATABASE_ANSWER_TIMEOUT") == [6]
    assert caches["default"]["BACKEND"] == "plumbing.cache_backend.FailSoftRedisCache"
    assert caches["default"]["LOCATION"] == "redis://127.0.0.1:6379/0"


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout_and_immediate_transactions(tmp_path):
    database = tmp_path / "site.sqlite3"
    env = production_env(DATABASE_URL=f"sqlite:///{database}")
    code = (
        "import django; django.setup();"
        "from django.db import connection;"
        "cursor = connection.cursor();"
        "print(cursor.execute('PRAGMA journal_mode').fetchone()[0]);"
        "print(cursor.execute('PRAGMA busy_timeout').fetchone()[0]);"
        "print(connection.transaction_mode)"
    )
    env["DJANGO_SETTINGS_MODULE"] = "recovery_site.settings"

    result = run(env, "-c", code)

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["wal", "20000", "IMMEDIATE"]
    assert sqlite3.connect(database).execute("PRAGMA journal_mode").fetchone() == ("wal",)


@pytest.mark.parametrize(
    "name, value, error",
    [
        ("CONTACT_RATE_LIMIT", "ten an hour", "CONTACT_RATE_LIMIT must look like 10/3600"),
        ("PAGE_CACHE_SECONDS", "soon", "PAGE_CACHE_SECONDS must be a whole number"),
    ],
)
def test_a_mistyped_setting_stops_the_site_with_a_clear_message(name, value, error):
    result = run(production_env(**{name: value}), "-c", "import recovery_site.settings")

    assert result.returncode != 0
    assert error in result.stderr


def test_the_gunicorn_config_logs_to_stdout_without_query_strings():
    path = ROOT / "gunicorn.conf.py"
    config = {"__file__": str(path)}  # as gunicorn loads it: a module with a file
    exec(path.read_text(), config)

    assert config["accesslog"] == config["errorlog"] == "-"
    assert "%(U)s" in config["access_log_format"] and "%(r)s" not in config["access_log_format"]
    assert config["workers"] >= 3


def test_deployment_checks_pass_with_the_pictures_on_object_storage():
    """The production environment with docs/production.env's commented bucket lines on."""
    bucket_lines = [
        line.removeprefix("# ").partition("=")
        for line in PRODUCTION_ENV.read_text().splitlines()
        if line.startswith(("# MEDIA_S3_", "# AWS_"))
    ]
    bucket = {name: value for name, _, value in bucket_lines}
    assert set(bucket) >= {"MEDIA_S3_BUCKET", "MEDIA_S3_ENDPOINT_URL", "AWS_ACCESS_KEY_ID"}
    env = documented_env(**bucket)

    result = run(env, "manage.py", "check", "--deploy", "--fail-level", "WARNING")

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
    storages, media_url = settings_of(env, "STORAGES", "MEDIA_URL")
    assert storages["default"]["BACKEND"] == "storages.backends.s3.S3Storage"
    assert media_url == "https://pictures.example.org/"
    # Pages and the admin (where the editor shows pictures) may load pictures from there.
    code = (
        "import django; django.setup();"
        "from django.conf import settings; from plumbing.security import STAFF_POLICIES;"
        "print(settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src']);"
        "print(STAFF_POLICIES['/admin/']['img-src'])"
    )
    result = run({**env, "DJANGO_SETTINGS_MODULE": "recovery_site.settings"}, "-c", code)
    assert result.stdout.splitlines() == [
        "[\"'self'\", 'https://pictures.example.org/']",
        "[\"'self'\", 'https://pictures.example.org/', 'data:', 'blob:']",
    ], result.stderr
