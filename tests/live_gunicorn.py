"""Real gunicorn servers on 127.0.0.1, run the way production runs them, for the tests
that need several processes (and for the benchmark).

A `LiveSite` is a database of its own plus collected static files; `Gunicorn` serves it
on a free port until stopped. Every process started here is stopped here.
"""

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from cryptography.fernet import Fernet

ROOT = Path(__file__).resolve().parent.parent


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def production_env(**overrides):
    """Production settings for plain HTTP on 127.0.0.1: debug off, a real secret key,
    no HTTPS redirect or secure-only cookies (there is no TLS on loopback)."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL", "GUNICORN_"))
    }
    env.update(
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        INQUIRY_ENCRYPTION_KEYS=Fernet.generate_key().decode(),
        RATE_LIMIT_KEY=secrets.token_urlsafe(32),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SECURE_SSL_REDIRECT="false",
        DJANGO_SECURE_COOKIES="false",
        DJANGO_EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend",
        CACHE_KEY_PREFIX=f"live-{secrets.token_hex(4)}",
        PYTHONPATH=str(ROOT),
    )
    env.update(overrides)
    return env


def manage(env, *args, check=True):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=check,
        timeout=300,
    )


def per_worker(name):
    """`name`, made this test process's own when pytest-xdist runs several at once
    (`name_gw1`): the databases the tests make beside the test database must not meet."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    return f"{name}_{worker}" if worker else name


def postgres_url_for(database_url, name):
    """`database_url` pointing at database `name` instead."""
    parts = urlsplit(database_url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def _on_postgres_server(database_url, *statements):
    """Run `statements` from the server's own `postgres` database, outside transactions."""
    import psycopg

    admin_url = postgres_url_for(database_url, "postgres")
    with psycopg.connect(admin_url, autocommit=True) as connection:
        for statement in statements:
            connection.execute(statement)


def recreate_postgres_database(database_url):
    """Drop and create the database `database_url` names: a run that died may have left
    it behind."""
    name = urlsplit(database_url).path.lstrip("/")
    _on_postgres_server(
        database_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', f'CREATE DATABASE "{name}"'
    )
    CREATED_DATABASES.add(database_url)


def drop_postgres_database(database_url):
    name = urlsplit(database_url).path.lstrip("/")
    _on_postgres_server(database_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    CREATED_DATABASES.discard(database_url)


# The PostgreSQL databases made here and not dropped yet: the test session drops what is
# left when it ends (tests/conftest.py), so no run leaves one behind.
CREATED_DATABASES = set()


def drop_created_databases():
    for database_url in list(CREATED_DATABASES):
        drop_postgres_database(database_url)


class LiveSite:
    """A migrated database of its own and collected static files, for gunicorn to serve.

    On PostgreSQL (DATABASE_URL is postgres://...) the database is `<name>_live` on the
    same server (`<name>_live_gw0`... under pytest-xdist), dropped by `remove()`; otherwise
    a SQLite file under `folder`.
    """

    def __init__(self, folder, database_url="", redis_url="", static_root=None, **env):
        folder = Path(folder)
        if database_url.startswith("postgres"):
            name = per_worker(urlsplit(database_url).path.lstrip("/") + "_live")
            database_url = postgres_url_for(database_url, name)
            recreate_postgres_database(database_url)
        else:
            database_url = f"sqlite:///{folder / 'site.sqlite3'}"
        self.env = production_env(
            DATABASE_URL=database_url,
            MEDIA_ROOT=str(folder / "media"),
            DJANGO_STATIC_ROOT=str(static_root or folder / "static"),
            **env,
        )
        if redis_url:
            self.env["REDIS_URL"] = redis_url
        manage(self.env, "migrate", "--noinput", "-v0")
        if static_root is None:
            manage(self.env, "collectstatic", "--noinput", "-v0")

    def remove(self):
        """Drop the PostgreSQL database made for this site; a SQLite file goes with its
        folder."""
        if self.env["DATABASE_URL"].startswith("postgres"):
            drop_postgres_database(self.env["DATABASE_URL"])

    def shell(self, code):
        """Run Python `code` with Django set up against this site; the last line it
        printed (log lines go to standard output too)."""
        lines = manage(self.env, "shell", "-c", code).stdout.strip().splitlines()
        return lines[-1] if lines else ""


class Gunicorn:
    """gunicorn with the repository's gunicorn.conf.py, on a free port of 127.0.0.1."""

    def __init__(
        self,
        env,
        workers=2,
        log_path=None,
        app="recovery_site.wsgi",
        port=None,
        ready_path="/robots.txt",
        **extra_env,
    ):
        self.app = app
        self.ready_path = ready_path  # asked until it answers 2xx or 3xx
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {
            **env,
            "GUNICORN_BIND": f"127.0.0.1:{self.port}",
            "GUNICORN_WORKERS": str(workers),
            **extra_env,
        }
        self.log_path = log_path
        self.process = None

    def __enter__(self):
        log = open(self.log_path, "ab") if self.log_path else subprocess.DEVNULL
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "--config",
                "gunicorn.conf.py",
                self.app,
            ],
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        if log is not subprocess.DEVNULL:
            log.close()
        self._wait_until_answering()
        return self

    def worker_pids(self):
        """The worker processes' ids (the master's children)."""
        master = self.process.pid
        with open(f"/proc/{master}/task/{master}/children") as children:
            return [int(pid) for pid in children.read().split()]

    def __exit__(self, *exc_info):
        self.stop()

    def stop(self):
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)

    def _wait_until_answering(self, seconds=60):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {self.process.returncode}")
            try:
                urllib.request.urlopen(self.url + self.ready_path, timeout=2).close()
                return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"gunicorn did not answer on {self.url} within {seconds} s")
