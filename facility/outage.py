"""When the database is down: a plain 503 page in the site's layout, never a traceback."""

import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.utils.cache import add_never_cache_headers

from .cache import last_known_facility
from .navigation import footer_menu, main_menu, mark_current

logger = logging.getLogger(__name__)

DATABASE_DOWN = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 60


class DatabaseOutageMiddleware:
    """Answers a view that failed to reach the database with the 503 page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_DOWN):
            return unavailable(request, exception)
        return None


def unavailable(request, exception):
    """The 503 page, built without the database: the phone number comes from the cache
    when it is there, because someone may need to call right now."""
    logger.error("Database unavailable: %s %s", request.method, request.path, exc_info=exception)
    context = {
        "request": request,
        "facility": last_known_facility(),
        "main_menu": mark_current(main_menu(), request.path),
        "footer_menu": footer_menu(),
    }
    response = HttpResponse(loader.render_to_string("503.html", context), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response
