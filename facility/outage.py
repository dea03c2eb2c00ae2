"""When the database is down: a plain 503 page in the site's layout, never a traceback."""

import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.utils.cache import add_never_cache_headers

from .cache import cached_facility, last_known_facility
from .navigation import footer_menu, main_menu, mark_current
from .unsent import contact_form_again, is_contact_post

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


def facility_if_readable():
    """The facility as last cached or, when the cache has none, read if the database
    answers (a database locked for writing still answers reads); else None."""
    facility = last_known_facility()
    if facility is None:
        try:
            facility = cached_facility()
        except DATABASE_DOWN:
            return None
    return facility


def unavailable(request, exception):
    """The 503 page, built without the database: the phone number comes from the cache
    when it is there, because someone may need to call right now. A contact message that
    could not be saved is given back in the form, to send again."""
    logger.error("Database unavailable: %s %s", request.method, request.path, exc_info=exception)
    if is_contact_post(request):
        response = contact_form_again(request, 503, facility_if_readable())
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
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
