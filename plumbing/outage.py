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
# Functions (request, status) that give a visitor back the form they posted, with what
# they typed, when it could not be taken (`give_back_when_failed()`); None if the request
# is not theirs. The apps that own public forms register them.
GIVE_BACK = []


def show_when_down(context_function):
    PAGE_CONTEXT.append(context_function)


def give_back_when_failed(answer):
    GIVE_BACK.append(answer)


def page_context_when_down(request):
    """What every page shows besides its own content, built without the database."""
    context = {"request": request}
    for context_function in PAGE_CONTEXT:
        context.update(context_function(request))
    return context


def given_back(request, status):
    """The answer of the form's owner giving back what was posted, or None."""
    for answer in GIVE_BACK:
        response = answer(request, status)
        if response is not None:
            return response
    return None


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
    when it is there, because someone may need to call right now. A contact message that
    could not be saved is given back in the form, to send again."""
    logger.error("Database unavailable: %s %s", request.method, request.path, exc_info=exception)
    response = given_back(request, 503)
    if response is None:
        response = HttpResponse(
            loader.render_to_string("503.html", page_context_when_down(request)), status=503
        )
        add_never_cache_headers(response)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response
