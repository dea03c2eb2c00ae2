"""`/healthz` for load balancers: 200 when the database and the cache answer, else 503."""

import logging
import os
import secrets
import socket

from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)


@never_cache
def healthz(request):
    # The body says nothing an outsider could use; the log says what failed.
    failed = [name for name, check in CHECKS.items() if not check()]
    if failed:
        logger.error("Health check failed: %s", ", ".join(failed))
        return HttpResponse("unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


def database_answers():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        logger.exception("The database did not answer the health check.")
        return False


def cache_answers():
    # Our caches hide outages (and a lost table) as misses: a value read back proves it
    # answered. The key is this process's own, as others check the same cache at once.
    key = f"healthz:{socket.gethostname()}:{os.getpid()}"
    token = secrets.token_hex(8)
    try:
        cache.set(key, token, timeout=30)
        return cache.get(key) == token
    except Exception:
        logger.exception("The cache did not answer the health check.")
        return False


CHECKS = {"database": database_answers, "cache": cache_answers}
