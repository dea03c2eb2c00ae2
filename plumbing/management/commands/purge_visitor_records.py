"""`manage.py purge_visitor_records`: delete what is kept about visitors' addresses once
it is no longer needed (run hourly, docs/deploy.md "Scheduled tasks")."""

from datetime import timedelta

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from plumbing.ratelimit import delete_expired


class Command(BaseCommand):
    help = (
        "Delete rate-limit counters whose window is over, failed admin logins older than "
        "the lockout's cool-off and staff login records older than LOGIN_LOG_RETENTION_DAYS. "
        "Run it hourly."
    )

    def handle(self, *args, **options):
        now = timezone.now()
        login_cutoff = now - timedelta(days=settings.LOGIN_LOG_RETENTION_DAYS)
        counters = delete_expired()
        attempts = AccessAttempt.objects.filter(
            attempt_time__lt=now - settings.AXES_COOLOFF_TIME
        ).delete()[0]
        failures = AccessFailureLog.objects.filter(attempt_time__lt=login_cutoff).delete()[0]
        logins = AccessLog.objects.filter(attempt_time__lt=login_cutoff).delete()[0]
        self.stdout.write(
            f"Deleted {counters} rate-limit counters, {attempts + failures} failed admin "
            f"logins and {logins} staff login records."
        )
