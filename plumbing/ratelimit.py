"""Counting what one client does in a window of time, in the database.

Not in the cache: pages fill the cache, and a full cache evicts entries, counters
included (hundreds of made-up addresses were enough to reset a client's count). Rows in
the database stay until their window is over, and every process and server sees them.

A row names its client only by an HMAC of the address, the scope and the window under
RATE_LIMIT_KEY: without the key a database dump cannot tell whose it is (a plain hash of
an IPv4 address is reversed by trying all four billion), and two windows' rows of one
client cannot be linked to each other. Expired rows go as the next action is counted and
hourly with `purge_visitor_records`.
"""

import hashlib
import hmac
import time
from datetime import UTC, datetime

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .client_ip import client_ip
from .models import RateCounter


def over_limit(request, scope, limit):
    """Count one more `scope` action by this request's client; True past `limit`.

    `limit` is (count, seconds): fixed windows of `seconds`.
    """
    count, seconds = limit
    window = int(time.time() // seconds)
    key = f"{scope}:{client_digest(client_ip(request), scope, window)}"
    ends = datetime.fromtimestamp((window + 1) * seconds, tz=UTC)
    delete_expired()
    with transaction.atomic():
        # The row is locked from the update to the read (SQLite: the whole database, as
        # every transaction here takes the write lock), so each action reads its own count.
        if not RateCounter.objects.filter(key=key).update(count=F("count") + 1):
            _, created = RateCounter.objects.get_or_create(
                key=key, defaults={"count": 1, "expires": ends}
            )
            if not created:  # another process made it first
                RateCounter.objects.filter(key=key).update(count=F("count") + 1)
        return RateCounter.objects.get(key=key).count > count


def client_digest(address, scope, window):
    """Who the counter is for, keyed: HMAC-SHA256 of the address, the scope and the
    window under RATE_LIMIT_KEY (128 bits of it)."""
    message = f"{scope}\n{window}\n{address}".encode()
    return hmac.new(settings.RATE_LIMIT_KEY.encode(), message, hashlib.sha256).hexdigest()[:32]


def delete_expired():
    """Delete the counters whose window is over; how many went."""
    return RateCounter.objects.filter(expires__lte=timezone.now()).delete()[0]
