"""`make admin` from a script: it takes the login from the environment, or fails loudly."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from .live_gunicorn import ROOT, manage

VARIABLES = ["DJANGO_SUPERUSER_USERNAME", "DJANGO_SUPERUSER_EMAIL", "DJANGO_SUPERUSER_PASSWORD"]


def clean_env(database):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL", "MAKE"))
    }
    env["DATABASE_URL"] = f"sqlite:///{database}"
    return env


@pytest.fixture(scope="module")
def migrated_database(tmp_path_factory):
    """A SQLite database migrated once for the module: migrating takes seconds, copying
    its file a moment."""
    database = tmp_path_factory.mktemp("make-admin") / "migrated.sqlite3"
    manage(clean_env(database), "migrate", "--noinput", "-v0")
    return database


@pytest.fixture
def env(tmp_path, migrated_database):
    """A migrated SQLite database of its own, and no superuser variable set."""
    database = tmp_path / "admin.sqlite3"
    for suffix in ("", "-wal", "-shm"):  # SQLite's write-ahead log, if one was left
        if Path(f"{migrated_database}{suffix}").exists():
            shutil.copyfile(f"{migrated_database}{suffix}", f"{database}{suffix}")
    return clean_env(database)


def make_admin(env):
    """`make admin` as a provisioning script runs it: no terminal on standard input."""
    return subprocess.run(
        ["make", "--no-print-directory", "admin"],
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=300,
    )


def superusers(env):
    code = (
        "from django.contrib.auth.models import User;"
        "print(list(User.objects.filter(is_superuser=True).values_list('username', flat=True)))"
    )
    return manage(env, "shell", "-c", code).stdout.strip().splitlines()[-1]


def test_without_a_terminal_or_the_variables_it_fails_and_names_them(env):
    result = make_admin(env)

    assert result.returncode != 0
    for name in VARIABLES:
        assert name in result.stderr
    assert superusers(env) == "[]"


@pytest.mark.parametrize("missing", VARIABLES)
def test_one_variable_missing_is_enough_to_fail(env, missing):
    env.update(dict.fromkeys(VARIABLES, "x-admin@example.org"))
    del env[missing]

    result = make_admin(env)

    assert result.returncode != 0
    assert missing in result.stderr
    assert superusers(env) == "[]"


def test_with_the_variables_it_creates_the_superuser_with_that_password(env):
    env.update(
        DJANGO_SUPERUSER_USERNAME="site-owner",
        DJANGO_SUPERUSER_EMAIL="owner@example.org",
        DJANGO_SUPERUSER_PASSWORD="a-long-owner-password",
    )

    result = make_admin(env)

    assert result.returncode == 0, result.stderr
    assert superusers(env) == "['site-owner']"
    check = manage(
        env,
        "shell",
        "-c",
        "from django.contrib.auth.models import User;"
        "owner = User.objects.get(username='site-owner');"
        "print(owner.is_staff, owner.check_password('a-long-owner-password'))",
    )
    assert check.stdout.strip().splitlines()[-1] == "True True"


def test_a_name_already_taken_fails_rather_than_pretending(env):
    env.update(
        DJANGO_SUPERUSER_USERNAME="site-owner",
        DJANGO_SUPERUSER_EMAIL="owner@example.org",
        DJANGO_SUPERUSER_PASSWORD="a-long-owner-password",
    )
    assert make_admin(env).returncode == 0

    result = make_admin(env)

    assert result.returncode != 0
    assert "already taken" in result.stderr
