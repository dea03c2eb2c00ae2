"""Two checks, for two uses.

- `/livez`, for whatever routes visitors (Varnish's probe, a load balancer): 200 when this
  process answers at all. It touches neither the database nor the cache: a fault they
  share is the same on every server, and taking every server out for it would turn a
  slower site, or one that gives the phone number and the form back, into no site.
- `/healthz`, for alerting: 200 when the database and the cache answer, else 503.
"""

import logging
import os
import secrets
import socket

from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)


LIVENESS_PATH = "/livez"


class LivenessMiddleware:
    """Answers `/livez` before any other middleware: no database, cache, session, host or
    HTTPS check (a probe comes over plain HTTP, with whatever Host its tool sends)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == LIVENESS_PATH and request.method in ("GET", "HEAD"):
            response = HttpResponse("ok\n", content_type="text/plain")
            response["Cache-Control"] = "no-store"
            return response
        return self.get_response(request)


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
