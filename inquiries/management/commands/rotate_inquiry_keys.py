"""Re-encrypt every inquiry and note with the newest INQUIRY_ENCRYPTION_KEYS key."""

from django.core.management.base import BaseCommand
from django.db import transaction

from inquiries.fields import EncryptedBinaryField, EncryptedTextField
from inquiries.models import Inquiry, InquiryNote, InsuranceCheck


class Command(BaseCommand):
    help = (
        "Re-encrypt every inquiry and note with the first (newest) key of "
        "INQUIRY_ENCRYPTION_KEYS. Put the new key first, keep the old ones after it, run "
        "this, then drop the old keys."
    )

    def handle(self, *args, **options):
        encrypted = (EncryptedTextField, EncryptedBinaryField)
        for model in (Inquiry, InquiryNote, InsuranceCheck):
            fields = [f.name for f in model._meta.fields if isinstance(f, encrypted)]
            count = unreadable = 0
            with transaction.atomic():
                # Reading decrypts with whichever key fits; saving encrypts with the newest.
                # A value no key reads is saved back as the token it was. defer(None):
                # every encrypted field, card photos included, read in the one query.
                rows = model.objects.select_for_update().defer(None).only("pk", *fields)
                for row in rows.iterator():
                    row.save(update_fields=fields)
                    count += 1
                    unreadable += bool(row.unreadable_fields())
            self.stdout.write(
                f"Re-encrypted {count} {model._meta.verbose_name_plural} with the newest key."
            )
            if unreadable:
                self.stderr.write(
                    f"{unreadable} of them hold values no key reads, left as they were: "
                    "see manage.py unreadable_inquiries."
                )
