"""Delete inquiries past their retention period and access-log entries past six years.
Run it daily."""

from django.conf import settings
from django.core.management.base import BaseCommand

from inquiries.models import Inquiry, InquiryAccess


class Command(BaseCommand):
    help = (
        "Delete inquiries older than CONTACT_MESSAGE_RETENTION_DAYS (the privacy notice "
        "promises it) and access-log entries older than six years. Run it once a day."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would be deleted; delete nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        days = settings.CONTACT_MESSAGE_RETENTION_DAYS
        inquiries = Inquiry.objects.expired()
        entries = InquiryAccess.objects.expired()
        # Counts only: what the inquiries said must never reach a log.
        if dry_run:
            self.stdout.write(
                f"{inquiries.count()} inquiry(ies) older than {days} days and "
                f"{entries.count()} access-log entry(ies) older than six years would be "
                "deleted."
            )
            return
        count = inquiries.count()
        inquiries.delete()  # their notes go with them
        entry_count, _ = entries.delete()
        self.stdout.write(
            f"Deleted {count} inquiry(ies) older than {days} days and {entry_count} "
            "access-log entry(ies) older than six years."
        )
