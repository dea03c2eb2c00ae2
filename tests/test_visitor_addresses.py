"""What is kept of a visitor's address, how, and for how long (docs/deploy.md, "What is
kept about visitors"): keyed digests only in the rate limit, records deleted on
schedule, and the guide and the privacy policy saying what the settings do."""

import hashlib
import re
from datetime import timedelta

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings as django_settings
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder
from django.urls import reverse
from django.utils import timezone

from facility.models import Page
from plumbing.models import RateCounter

from .factories import make_superuser
from .live_gunicorn import ROOT
from .test_contact import VALID
from .test_deploy_guide import gunicorn_config

pytestmark = pytest.mark.django_db

ADDRESS = "203.0.113.7"
GUIDE = (ROOT / "docs" / "deploy.md").read_text()


@pytest.fixture
def limit(settings):
    settings.CONTACT_RATE_LIMIT = (3, 3600)


def send(client, number, address=ADDRESS):
    data = {**VALID, "message": f"Message number {number}: please call me back."}
    return client.post(reverse("inquiries:contact"), data, REMOTE_ADDR=address)


def unkeyed_digests(address):
    """What an attacker with a dump tries first: plain hashes of the address."""
    for text in (address, f"inquiry:{address}", f"contact:{address}"):
        for algorithm in ("sha256", "sha1", "md5", "sha512"):
            yield hashlib.new(algorithm, text.encode()).hexdigest()


def test_the_rate_limit_keeps_a_keyed_digest_that_changes_with_the_key(
    client, facility, limit, settings
):
    settings.RATE_LIMIT_KEY = "a" * 40
    assert send(client, 1).status_code == 302
    # Two counters: the post's (counted before the form is read) and the inquiry's.
    first = set(RateCounter.objects.values_list("key", flat=True))
    RateCounter.objects.all().delete()

    settings.RATE_LIMIT_KEY = "b" * 40
    assert send(client, 2).status_code == 302
    second = set(RateCounter.objects.values_list("key", flat=True))

    assert len(first) == len(second) == 2
    assert not first & second  # so the rows cannot be matched without the key
    for key in first | second:
        assert ADDRESS not in key
        for digest in unkeyed_digests(ADDRESS):
            assert digest[:16] not in key


def test_the_count_goes_on_across_requests_and_restarts_when_the_key_is_rotated(
    client, facility, limit, settings
):
    for number in range(3):
        assert send(client, number).status_code == 302
    assert send(client, 4).status_code == 429
    assert send(client, 5, address="192.0.2.5").status_code == 302  # another client

    settings.RATE_LIMIT_KEY = "rotated-" + "r" * 40

    assert send(client, 6).status_code == 302  # documented: the window's count restarts


@pytest.mark.django_db(transaction=True)
def test_unkeyed_counters_from_before_are_deleted_by_the_migration():
    """An existing database migrates forward; its counters (unkeyed digests) go."""
    before, after = ("plumbing", "0001_initial"), ("plumbing", "0002_forget_unkeyed_rate_counters")
    executor = MigrationExecutor(connection)
    executor.migrate([before])
    old_apps = executor.loader.project_state([before]).apps
    old_apps.get_model("plumbing", "RateCounter").objects.create(
        key=f"contact:{hashlib.sha256(ADDRESS.encode()).hexdigest()[:32]}:1",
        count=3,
        expires=timezone.now() + timedelta(minutes=30),
    )

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())  # every migration, as `migrate`

    assert after in MigrationRecorder(connection).applied_migrations()
    assert not RateCounter.objects.exists()


def make_record(model, age, **fields):
    record = model.objects.create(ip_address=ADDRESS, user_agent="Firefox", **fields)
    model.objects.filter(pk=record.pk).update(attempt_time=timezone.now() - age)
    return record


def test_the_schedule_deletes_what_is_past_its_time_and_keeps_the_rest(settings):
    now = timezone.now()
    RateCounter.objects.create(key="contact:old", count=1, expires=now - timedelta(seconds=1))
    RateCounter.objects.create(key="contact:now", count=1, expires=now + timedelta(minutes=5))
    cooloff = settings.AXES_COOLOFF_TIME
    days = timedelta(days=settings.LOGIN_LOG_RETENTION_DAYS)
    attempt_old = make_record(
        AccessAttempt, cooloff + timedelta(seconds=5), username="a", failures_since_start=5
    )
    attempt_new = make_record(
        AccessAttempt, cooloff - timedelta(minutes=1), username="b", failures_since_start=1
    )
    log_old = make_record(AccessLog, days + timedelta(minutes=1), username="boss")
    log_new = make_record(AccessLog, days - timedelta(minutes=1), username="boss")
    failure_old = make_record(AccessFailureLog, days + timedelta(minutes=1), username="boss")

    call_command("purge_visitor_records", verbosity=0)

    assert list(RateCounter.objects.values_list("key", flat=True)) == ["contact:now"]
    assert list(AccessAttempt.objects.all()) == [attempt_new]
    assert list(AccessLog.objects.all()) == [log_new]
    assert not AccessFailureLog.objects.filter(pk=failure_old.pk).exists()
    assert not AccessAttempt.objects.filter(pk=attempt_old.pk).exists()
    assert not AccessLog.objects.filter(pk=log_old.pk).exists()


def test_failed_and_locked_out_logins_write_no_address_to_the_log(client, caplog):
    make_superuser("boss", "the-right-password")
    caplog.set_level("DEBUG")

    for _ in range(6):
        client.post(
            reverse("admin:login"), {"username": "boss", "password": "a-guess"}, REMOTE_ADDR=ADDRESS
        )

    assert "AXES: Locking out" in caplog.text  # axes masks the address (AXES_SENSITIVE_PARAMETERS)
    assert ADDRESS not in caplog.text


def test_a_failed_login_keeps_no_permanent_record(client):
    make_superuser("boss", "the-right-password")

    client.post(reverse("admin:login"), {"username": "boss", "password": "a-guess"})

    assert AccessAttempt.objects.count() == 1  # for the lockout, until its cool-off
    assert not AccessFailureLog.objects.exists()


def test_the_guide_says_what_the_settings_keep():
    section = re.search(r"^## What is kept about visitors\n(.*?)^## ", GUIDE, re.S | re.M)
    text = " ".join(section.group(1).split())
    count, seconds = django_settings.CONTACT_RATE_LIMIT

    assert (
        f"{seconds // 60} minutes with the default `CONTACT_RATE_LIMIT` of `{count}/{seconds}`"
        in text
    )
    assert (
        f"the {int(django_settings.AXES_COOLOFF_TIME.total_seconds() // 60)} minutes of the lockout"
        in text
    )
    assert (
        f"Kept {django_settings.LOGIN_LOG_RETENTION_DAYS} days (`LOGIN_LOG_RETENTION_DAYS`)" in text
    )
    assert "`AXES_ENABLE_ACCESS_FAILURE_LOG`) is off" in text
    assert django_settings.AXES_ENABLE_ACCESS_FAILURE_LOG is False
    assert not django_settings.ADMINS  # "no error report is e-mailed"
    handlers = django_settings.LOGGING["handlers"].values()
    assert all("mail" not in handler["class"].lower() for handler in handlers)
    # The schedule it gives runs the command that deletes them.
    assert "manage.py purge_visitor_records" in GUIDE


def test_gunicorn_logs_no_address():
    log_format = gunicorn_config()["access_log_format"]

    assert "%(h)s" not in log_format and "forwarded" not in log_format.lower()
    assert "%(r)s" not in log_format and "%(q)s" not in log_format  # nor a query string


def test_nginx_logs_no_address():
    nginx = re.search(r"```nginx\n(.*?)```", GUIDE, re.S).group(1)
    [log_format] = re.findall(r"log_format recovery_site '([^']*)';", nginx)
    assert "$remote_addr" not in log_format and "forwarded" not in log_format
    assert "$request_uri" not in log_format and "$args" not in log_format  # searches
    servers = nginx.split("server {")[1:]
    assert all(re.search(r"access_log \S+ recovery_site;|access_log off;", s) for s in servers)


def test_the_privacy_policy_states_the_periods_in_force(settings):
    settings.CONTACT_RATE_LIMIT = (5, 1800)
    settings.LOGIN_LOG_RETENTION_DAYS = 21
    call_command("load_demo", verbosity=0)

    policy = Page.objects.get(slug="privacy-policy")
    english = " ".join(policy.body_en.split())
    spanish = " ".join(policy.body_es.split())
    assert "The count ends after 30 minutes" in english
    assert "the 15-minute lockout ends" in english
    assert "their address and browser for 21 days" in english
    assert "La cuenta termina después de 30 minutos" in spanish
    assert "del bloqueo de 15 minutos" in spanish
    assert "durante 21 días" in spanish
    assert "{" not in policy.body_en + policy.body_es
    notice = Page.objects.get(slug="inquiry-privacy")
    assert "sent from it for 30 minutes" in " ".join(notice.body_en.split())
    assert "cuenta durante 30 minutos" in " ".join(notice.body_es.split())
