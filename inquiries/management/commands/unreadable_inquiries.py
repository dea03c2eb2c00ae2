"""List the inquiries and notes holding a value no INQUIRY_ENCRYPTION_KEYS key reads."""

from django.core.management.base import BaseCommand, CommandError

from inquiries.models import Inquiry, InquiryNote


class Command(BaseCommand):
    help = (
        "List, by reference, the inquiries and notes holding a value that none of "
        "INQUIRY_ENCRYPTION_KEYS decrypts (a key dropped too early, a restored backup, a "
        "damaged value), and which fields. Exits with status 1 when there is any. Prints "
        "references and field names only, never a value."
    )

    def handle(self, *args, **options):
        rows = []
        for inquiry in Inquiry.objects.order_by("created").iterator():
            if fields := inquiry.unreadable_fields():
                rows.append((inquiry.reference, fields))
        notes = InquiryNote.objects.select_related("inquiry").order_by("created")
        for note in notes.only("pk", "text", "inquiry__reference"):
            if note.unreadable_fields():
                rows.append((note.inquiry.reference, [f"note {note.pk}"]))
        if not rows:
            self.stdout.write("Every inquiry and note can be read.")
            return
        for reference, fields in rows:
            self.stdout.write(f"#{reference}: {', '.join(str(field) for field in fields)}")
        references = {reference for reference, _ in rows}
        raise CommandError(
            f"{len(references)} inquiry(ies) hold values no key in INQUIRY_ENCRYPTION_KEYS "
            "reads: put the missing key back (after the newest) and run "
            "rotate_inquiry_keys, or delete them in the admin."
        )
