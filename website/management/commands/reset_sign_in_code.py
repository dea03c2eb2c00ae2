"""`manage.py reset_sign_in_code NAME`: forget a staff member's authenticator app (a lost
or replaced phone) and end their sessions; at their next login they set up a new one."""

from django.contrib.auth import SESSION_KEY, get_user_model
from django.contrib.sessions.models import Session
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django_otp import devices_for_user


class Command(BaseCommand):
    help = (
        "Forget the sign-in code app of the staff member with this user name and log them "
        "out everywhere; at their next login they set up a new one."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        User = get_user_model()
        try:
            user = User.objects.get_by_natural_key(username)
        except User.DoesNotExist:
            raise CommandError(f"No user is named {username!r}.") from None
        devices = list(devices_for_user(user, confirmed=None))
        for device in devices:
            device.delete()
        ended = 0
        for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
            if session.get_decoded().get(SESSION_KEY) == str(user.pk):
                session.delete()
                ended += 1
        self.stdout.write(
            f"Reset the sign-in code of {username}: {len(devices)} app(s) forgotten, "
            f"{ended} session(s) ended. At the next login they set up a new one."
        )
