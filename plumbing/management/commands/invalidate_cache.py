"""`manage.py invalidate_cache`: rebuild every cached page and the facility data."""

from django.core.management.base import BaseCommand

from plumbing.invalidation import bump_all


class Command(BaseCommand):
    help = (
        "Make every cached page and the cached facility stale, on all servers: run it after "
        "restoring a backup or upgrading the code, which saves in the admin know nothing of."
    )

    def handle(self, *args, **options):
        bump_all()
        self.stdout.write("Every cached page will be built afresh.")
