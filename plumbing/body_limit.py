"""Public forms refuse request bodies far beyond what their fields can hold, unread.

Django reads a form's body whole, up to DATA_UPLOAD_MAX_MEMORY_SIZE, which must be large
for staff uploading camera photos; a public form holding a few thousand characters has no
use for more than a few dozen kilobytes. A view marked with `@limit_body(bytes)` is
answered 413 when the request announces a longer body (Content-Length), before anything
reads it: before the CSRF check, which reads the form for its token, and before the view.
A request without Content-Length has no body for Django (it reads none). A form that
takes files (`files_bytes`: the most its files may weigh together) allows that much more
when it is sent as multipart/form-data, the only way files are sent; its other fields
keep the same allowance.

Such a form's files are a visitor's health information (insurance card photos): they are
kept in memory, never written to a temporary file, whatever the size of the request.
Django's own choice, by the request's length (FILE_UPLOAD_MAX_MEMORY_SIZE), would stream
a larger one to disk in clear, where a worker killed meanwhile leaves it. The limit,
checked first, bounds the memory.
"""

import functools
import logging

from django.core.files.uploadhandler import MemoryFileUploadHandler
from django.http import HttpResponse
from django.template import loader
from django.utils.cache import add_never_cache_headers

from .outage import page_context_when_down

logger = logging.getLogger(__name__)


def limit_body(max_bytes, files_bytes=0):
    """Mark a view: requests announcing a body over `max_bytes` (plus `files_bytes` when
    it is multipart/form-data) get the 413 page."""

    def mark(view):
        @functools.wraps(view)
        def limited(*args, **kwargs):
            return view(*args, **kwargs)

        limited.max_body_bytes = max_bytes
        limited.max_file_bytes = files_bytes
        return limited

    return mark


class InMemoryUploadHandler(MemoryFileUploadHandler):
    """Django's in-memory handler, for a request of any length: BodyLimitMiddleware has
    refused those longer than their view allows before it is used."""

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        self.activated = True


def announced_length(request):
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


class BodyLimitMiddleware:
    """Place it before CsrfViewMiddleware: its check runs first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        limit = getattr(view_func, "max_body_bytes", None)
        if limit is not None and request.content_type == "multipart/form-data":
            limit += getattr(view_func, "max_file_bytes", 0)
        length = announced_length(request)
        if limit is not None and length <= limit and getattr(view_func, "max_file_bytes", 0):
            request.upload_handlers = [InMemoryUploadHandler(request)]
        if limit is None or length <= limit:
            return None
        logger.warning("Body of %d bytes refused: %s %s", length, request.method, request.path)
        response = HttpResponse(
            loader.render_to_string("413.html", page_context_when_down(request)), status=413
        )
        add_never_cache_headers(response)
        return response
