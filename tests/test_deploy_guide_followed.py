"""docs/deploy.md followed as written: the site it installs speaks Spanish under /es/.

The guide's own application commands are read from it, not copied here: the lines of the
```sh blocks under "First installation" and "Upgrades" that start with the application's
tools (`git`, `cd`, `python3 -m venv`, `set -a`, `make`, `.venv/bin/`). The other lines
are the system's (apt-get, adduser, install, sudo -u postgres, systemctl) and are left
out: Debian's packages are installed here already, and the site runs as this user.

They run in order, in one shell, on a fresh clone of this repository's HEAD (commit
first: what is not committed is not deployed either), with the production environment
of tests/live_gunicorn.py written to an environment file that the guide's own `set -a &&
. <file>` line reads. What is substituted, and why (each must be found in the guide, or
the test fails rather than run something else):

- the guide's paths (`/srv/recovery-site`, `/etc/recovery-site/env`) and the
  repository's address: folders under tmp_path and a bare clone of HEAD;
- `python3 -m venv .venv`: a link to this checkout's virtual environment, made from the
  same requirements.txt; making a new one takes minutes and the network. The guide's
  `pip install -r requirements.txt` that follows still runs and must find everything;
- `createsuperuser`: `--noinput` with DJANGO_SUPERUSER_* set, as the guide says a
  provisioning tool does (there is no terminal to answer);
- the database and the cache: with a PostgreSQL DATABASE_URL (the second pass of
  .ci/run), the database `<name>_live` on that server, dropped at the end, and REDIS_URL
  when it is set, as the guide sets them up; otherwise SQLite, which the guide allows on
  a single machine, with the cache in the database's table.

gunicorn then starts exactly as the guide's systemd unit says: its ExecStart, in its
WorkingDirectory, with only its EnvironmentFile's variables (and PATH); the commands of
the guide's scheduled tasks (its cron lines, less their times and user) must run too.
"""

import html
import os
import re
import shlex
import subprocess
import time
import urllib.error
import urllib.request
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from .live_gunicorn import (
    ROOT,
    drop_postgres_database,
    free_port,
    per_worker,
    postgres_url_for,
    production_env,
    recreate_postgres_database,
)

GUIDE = (ROOT / "docs" / "deploy.md").read_text()
PO_FILE = ROOT / "locale" / "es" / "LC_MESSAGES" / "django.po"
APPLICATION_TOOLS = ("git ", "cd ", "python3 -m venv ", "set -a ", "make ", ".venv/bin/")
# What a Spanish page must show from the .po: the header, the footer and its link.
CHROME = ["Skip to content", "Menu", "Site map", "Hours of operation", "Language assistance"]

pytestmark = pytest.mark.skipif(
    not (ROOT / ".venv" / "bin" / "gunicorn").exists(), reason="no .venv to link to"
)


def section(title):
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", GUIDE, re.S | re.M)
    assert match, f"docs/deploy.md has no section {title!r}"
    return match.group(1)


def application_commands(title):
    blocks = re.findall(r"```sh\n(.*?)```", section(title), re.S)
    lines = [line.strip() for block in blocks for line in block.splitlines()]
    return [line for line in lines if line.startswith(APPLICATION_TOOLS)]


def scheduled_commands():
    """The commands of the cron lines under "Scheduled tasks" (five time fields and a
    user before each)."""
    blocks = re.findall(r"```sh\n(.*?)```", section("Scheduled tasks"), re.S)
    lines = [line.split(None, 6) for block in blocks for line in block.splitlines() if line]
    assert lines, "docs/deploy.md schedules nothing"
    return [fields[6] for fields in lines]


def systemd_service():
    unit = re.search(r"```ini\n(.*?)```", GUIDE, re.S).group(1)
    service = unit.split("[Service]", 1)[1].split("\n[", 1)[0]
    return dict(re.findall(r"^(\w+)=(.*)$", service, re.M))


def spanish(msgid):
    """The Spanish for `msgid`, from the .po file (written with --no-wrap)."""
    po = PO_FILE.read_text()
    match = re.search(rf'^msgid "{re.escape(msgid)}"\nmsgstr "(.+)"$', po, re.M)
    assert match, f"{msgid!r} has no Spanish in {PO_FILE}"
    return match.group(1)


def substitute(commands, substitutions, required=()):
    """`commands` as one script, with `substitutions` made; those `required` must be
    there to make."""
    script = "\n".join(commands)
    for old in required:
        assert old in script, f"the guide no longer says {old!r}: update this test"
    for old, new in substitutions.items():
        script = script.replace(old, new)
    return script


def run_shell(script, cwd, env):
    result = subprocess.run(
        ["bash", "-c", "set -eo pipefail\n" + script],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, f"{script}\n---\n{result.stdout[-3000:]}{result.stderr[-3000:]}"
    return result


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


class UnitProcess:
    """gunicorn as the guide's unit starts it, with the paths substituted."""

    def __init__(self, paths, log_path):
        service = systemd_service()
        self.command = shlex.split(substitute([service["ExecStart"]], paths))
        self.cwd = substitute([service["WorkingDirectory"]], paths)
        env_file = substitute([service["EnvironmentFile"]], paths)
        self.env = {"PATH": os.environ["PATH"], "LANG": "C.UTF-8"}
        with open(env_file) as lines:
            self.env.update(line.strip().split("=", 1) for line in lines if "=" in line)
        self.url = f"http://{self.env['GUNICORN_BIND']}"
        self.log_path = log_path

    def __enter__(self):
        log = open(self.log_path, "ab")
        self.process = subprocess.Popen(
            self.command, cwd=self.cwd, env=self.env, stdout=log, stderr=subprocess.STDOUT
        )
        log.close()
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and self.process.poll() is None:
            try:
                urllib.request.urlopen(self.url + "/robots.txt", timeout=2).close()
                return self
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.3)
        self.__exit__()
        raise AssertionError(f"gunicorn did not answer:\n{self.log_path.read_text()[-3000:]}")

    def __exit__(self, *exc_info):
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)


def assert_speaks_spanish(url, log_path, site_map=None):
    status, page = get(url + "/es/")
    assert status == 200, f"/es/ answered {status}:\n{log_path.read_text()[-2000:]}"
    assert '<html lang="es"' in page
    for msgid in CHROME:
        expected = site_map if msgid == "Site map" and site_map else spanish(msgid)
        assert html.escape(expected) in page, f"/es/ does not say {expected!r} ({msgid})"

    status, page = get(url + "/es/asistencia-linguistica/")
    assert status == 200, f"/es/asistencia-linguistica/ answered {status}"
    assert '<html lang="es"' in page
    assert f"<h1>{html.escape(spanish('Language assistance'))}" in page


@pytest.fixture
def services(tmp_path):
    """DATABASE_URL (and REDIS_URL) for the site the guide installs."""
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith("postgres"):
        yield {"DATABASE_URL": f"sqlite:///{tmp_path / 'site.sqlite3'}"}
        return
    name = per_worker(urlsplit(database_url).path.lstrip("/") + "_live")
    database_url = postgres_url_for(database_url, name)
    recreate_postgres_database(database_url)
    redis = {"REDIS_URL": os.environ["REDIS_URL"]} if os.environ.get("REDIS_URL") else {}
    yield {"DATABASE_URL": database_url, **redis}
    drop_postgres_database(database_url)


def test_a_site_installed_and_upgraded_by_the_guide_speaks_spanish(tmp_path, services):
    upstream = tmp_path / "recovery_site.git"
    subprocess.run(["git", "clone", "--quiet", "--bare", str(ROOT), str(upstream)], check=True)
    # HEAD on a branch of its own, even where this checkout's HEAD is detached (CI).
    head = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True, text=True, check=True
    ).stdout.strip()
    subprocess.run(
        ["git", "-C", str(upstream), "update-ref", "refs/heads/release", head], check=True
    )
    subprocess.run(
        ["git", "-C", str(upstream), "symbolic-ref", "HEAD", "refs/heads/release"], check=True
    )
    env_file = tmp_path / "env"
    paths = {
        "https://example.org/recovery_site.git": str(upstream),
        "/srv/recovery-site": str(tmp_path / "srv"),
        "/etc/recovery-site/env": str(env_file),
    }
    settings = production_env(
        **services,
        MEDIA_ROOT=str(tmp_path / "srv" / "media"),
        DJANGO_STATIC_ROOT=str(tmp_path / "srv" / "static"),
        GUNICORN_BIND=f"127.0.0.1:{free_port()}",
        GUNICORN_WORKERS="2",
    )
    env_file.write_text(
        "".join(
            f"{key}={value}\n"
            for key, value in settings.items()
            if (os.environ.get(key) != value or key in services) and key != "PYTHONPATH"
        )
    )
    assert all(f"{key}={value}\n" in env_file.read_text() for key, value in services.items())
    # The shell the guide's commands run in: this one's, less the site's own variables,
    # which come from the environment file only.
    shell_env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL", "GUNICORN_", "INQUIRY_"))
        and key not in ("PYTHONPATH", "CACHE_KEY_PREFIX", "RATE_LIMIT_KEY")
    }
    shell_env.update(
        DJANGO_SUPERUSER_USERNAME="operator",
        DJANGO_SUPERUSER_EMAIL="operator@example.org",
        DJANGO_SUPERUSER_PASSWORD="a long passphrase nobody guesses",
    )
    (tmp_path / "srv").mkdir()
    log_path = tmp_path / "gunicorn.log"

    made_here = {
        "python3 -m venv .venv": f"ln -s {(ROOT / '.venv').resolve()} .venv",
        "manage.py createsuperuser": "manage.py createsuperuser --noinput",
    }
    install = substitute(
        application_commands("First installation"),
        {**paths, **made_here},
        required=[*paths, *made_here],
    )
    run_shell(install, tmp_path, shell_env)
    with UnitProcess(paths, log_path) as site:
        assert get(site.url + "/healthz") == (200, "ok\n")
        assert_speaks_spanish(site.url, log_path)

    # The guide's scheduled tasks: each cron line's command, without its time and user.
    for line in scheduled_commands():
        run_shell(
            substitute([line], paths, required=["/etc/recovery-site/env"]), tmp_path, shell_env
        )

    # A release that changes a translation: the upgrade must bring it to the pages.
    work = tmp_path / "work"
    subprocess.run(["git", "clone", "--quiet", str(upstream), str(work)], check=True)
    po = work / PO_FILE.relative_to(ROOT)
    old = f'msgid "Site map"\nmsgstr "{spanish("Site map")}"'
    assert old in po.read_text()
    po.write_text(po.read_text().replace(old, 'msgid "Site map"\nmsgstr "Mapa de este sitio"'))
    git = ["git", "-C", str(work), "-c", "user.name=Release", "-c", "user.email=r@example.org"]
    subprocess.run([*git, "commit", "--quiet", "-am", "A better translation"], check=True)
    subprocess.run([*git, "push", "--quiet", "origin", "HEAD"], check=True)

    upgrade = substitute(
        application_commands("Upgrades"),
        paths,
        required=["/srv/recovery-site", "/etc/recovery-site/env"],
    )
    run_shell(upgrade, tmp_path, shell_env)
    with UnitProcess(paths, log_path) as site:
        assert_speaks_spanish(site.url, log_path, site_map="Mapa de este sitio")


def test_make_serve_compiles_the_translations_before_gunicorn_starts(tmp_path):
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
    assert not list(clone.glob("locale/*/LC_MESSAGES/*.mo"))  # they are not committed

    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env["DJANGO_SECRET_KEY"] = "x" * 50  # the production branch of the Makefile
    plan = subprocess.run(
        ["make", "--dry-run", "--no-print-directory", "serve"],
        cwd=clone,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()

    compile_step = next(i for i, line in enumerate(plan) if line.startswith("msgfmt"))
    assert "locale/es/LC_MESSAGES/django.mo" in plan[compile_step]
    assert compile_step < next(i for i, line in enumerate(plan) if "bin/gunicorn" in line)


def test_check_deploy_fails_while_a_translation_is_not_compiled(settings, tmp_path):
    po = tmp_path / "es" / "LC_MESSAGES" / "django.po"
    po.parent.mkdir(parents=True)
    po.write_text(PO_FILE.read_text())
    settings.LOCALE_PATHS = [tmp_path]

    with pytest.raises(SystemCheckError, match=r"django\.mo is missing"):
        call_command("check", "--deploy", "--tag", "translation")

    mo = po.with_suffix(".mo")
    subprocess.run(["msgfmt", "-o", str(mo), str(po)], check=True)
    call_command("check", "--deploy", "--tag", "translation")  # compiled: no error

    # A .po pulled after the last compilation, the .mo dated later all the same (a clock
    # moved back, a copy, a restore): the check reads what the .mo says, not its date.
    po.write_text(
        PO_FILE.read_text().replace('msgstr "Ir al contenido"', 'msgstr "Saltar al contenido"')
    )
    os.utime(mo, (2**31, 2**31))
    with pytest.raises(SystemCheckError, match=r"out of date: 1 translations .*Skip to content"):
        call_command("check", "--deploy", "--tag", "translation")

    subprocess.run(["msgfmt", "-o", str(mo), str(po)], check=True)
    os.utime(mo, (1, 1))  # compiled again, dated in the past by a moved clock
    call_command("check", "--deploy", "--tag", "translation")
