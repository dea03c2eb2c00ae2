"""The admin login's lockout: per user name and address, and per user name everywhere.

django-axes counts failed logins (wrong passwords, and wrong sign-in codes: the second
factor sends the same signal) in its AccessAttempt table, one row per user name,
address and browser. Its lockout parameters lock a name from one address after
AXES_FAILURE_LIMIT failures: the owner, elsewhere, still logs in. Alone, that lets
someone with many addresses (an IPv6 /64 has billions) guess without end. So a name is
also locked from every address once LOGIN_FAILURE_LIMIT_PER_USERNAME failures were made
on it within the cool-off, from any number of addresses. That limit is higher, because
anyone who knows a name can use it to keep its owner out for the cool-off; it bounds an
attacker to that many guesses per cool-off (20 per 15 minutes by default).

This is axes' documented way to change its policy: a handler of its own (AXES_HANDLER),
the database handler with its count of failures widened.
"""

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum


def failures_everywhere(username, since):
    """Failed logins on `username` since `since`, from every address and browser."""
    total = AccessAttempt.objects.filter(username=username, attempt_time__gte=since).aggregate(
        total=Sum("failures_since_start")
    )["total"]
    return total or 0


class NameAndAddressLockout(AxesDatabaseHandler):
    def get_failures(self, request, credentials=None):
        """Failures from this address, as axes counts them; or, once the name's failures
        from everywhere reach their own limit, enough to lock it here as well."""
        here = super().get_failures(request, credentials)
        username = get_client_username(request, credentials)
        if not username:
            return here
        everywhere = failures_everywhere(username, get_cool_off_threshold(request))
        if everywhere >= settings.LOGIN_FAILURE_LIMIT_PER_USERNAME:
            return max(here, get_failure_limit(request, credentials))
        return here
