"""When the database is down: a plain 503 page in the site's layout, never a traceback."""

import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.utils.cache import add_never_cache_headers

logger = logging.getLogger(__name__)

DATABASE_DOWN = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 60

# Functions of the request giving what the 503 page shows besides it, without the
# database: the site registers them (`show_when_down()`) in its AppConfig.ready().
PAGE_CONTEXT = []


def show_when_down(context_function):
    PAGE_CONTEXT.append(context_function)


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
    context = {"request": request}
    for context_function in PAGE_CONTEXT:
        context.update(context_function(request))
    response = HttpResponse(loader.render_to_string("503.html", context), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response
