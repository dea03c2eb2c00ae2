"""Delete contact messages older than the retention period. Run it daily."""

from django.conf import settings
from django.core.management.base import BaseCommand

from inquiries.models import ContactMessage


class Command(BaseCommand):
    help = (
        "Delete contact messages older than CONTACT_MESSAGE_RETENTION_DAYS "
        "(the privacy policy promises it). Run it once a day."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would be deleted; delete nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        expired = ContactMessage.objects.expired()
        days = settings.CONTACT_MESSAGE_RETENTION_DAYS
        if dry_run:
            count = expired.count()
            self.stdout.write(
                f"{count} contact message(s) older than {days} days would be deleted."
            )
            return
        count, _ = expired.delete()
        # A count only: what the messages said must never reach a log.
        self.stdout.write(f"Deleted {count} contact message(s) older than {days} days.")
