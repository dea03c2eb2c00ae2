"""Delete inquiries past their retention period and access-log entries past six years.
Run it daily.

Deleting never decrypts: the expired rows are chosen and deleted by their keys alone
(`values_list`, then deletes that load no inquiry), so a value no key reads (a lost key,
a damaged token) cannot stop it. Whatever cannot be deleted is left, named by reference,
and the command then exits with status 1 after the access log was purged all the same.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, transaction

from inquiries.models import Inquiry, InquiryAccess, InquiryNote


def delete_inquiries(pks):
    """Delete the inquiries `pks` and their notes without reading any of their fields
    (neither deletes below loads a model instance: the notes have nothing depending on
    them, and the inquiries' notes are gone by the time they are deleted)."""
    with transaction.atomic():
        InquiryNote.objects.filter(inquiry_id__in=pks).only("pk").delete()
        Inquiry.objects.filter(pk__in=pks).only("pk", "reference").delete()


class Command(BaseCommand):
    help = (
        "Delete inquiries older than CONTACT_MESSAGE_RETENTION_DAYS (the privacy notice "
        "promises it) and access-log entries older than six years. Run it once a day. "
        "Exits with status 1, naming the references, when an expired inquiry could not "
        "be deleted."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would be deleted; delete nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        days = settings.CONTACT_MESSAGE_RETENTION_DAYS
        expired = dict(Inquiry.objects.expired().values_list("pk", "reference"))
        entries = InquiryAccess.objects.expired()
        # Counts and references only: what the inquiries said must never reach a log.
        if dry_run:
            self.stdout.write(
                f"{len(expired)} inquiry(ies) older than {days} days and "
                f"{entries.count()} access-log entry(ies) older than six years would be "
                "deleted."
            )
            return
        kept = self.delete(expired)
        entry_count, _ = entries.delete()
        self.stdout.write(
            f"Deleted {len(expired) - len(kept)} inquiry(ies) older than {days} days and "
            f"{entry_count} access-log entry(ies) older than six years."
        )
        if kept:
            references = ", ".join(f"#{reference}" for reference in sorted(kept))
            raise CommandError(
                f"Could not delete {len(kept)} expired inquiry(ies): {references}. "
                "They are kept until the next run; see the database's log for why."
            )

    def delete(self, expired):
        """Delete the `expired` inquiries ({pk: reference}); the references of those
        that could not be deleted."""
        if not expired:
            return []
        try:
            delete_inquiries(list(expired))
            return []
        except DatabaseError:
            pass
        # Something refused: one at a time, to delete all the others and name the rest.
        kept = []
        for pk, reference in expired.items():
            try:
                delete_inquiries([pk])
            except DatabaseError:
                kept.append(reference)
        return kept
