"""Counting what one client does in a window of time, in the database.

Not in the cache: pages fill the cache, and a full cache evicts entries, counters
included (hundreds of made-up addresses were enough to reset a client's count). Rows in
the database stay until their window is over, and every process and server sees them.
"""

import hashlib
import time
from datetime import UTC, datetime

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
    # Addresses are personal data: the database holds only a digest of them.
    client = hashlib.sha256(client_ip(request).encode()).hexdigest()[:32]
    key = f"{scope}:{client}:{window}"
    ends = datetime.fromtimestamp((window + 1) * seconds, tz=UTC)
    RateCounter.objects.filter(expires__lte=timezone.now()).delete()
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
