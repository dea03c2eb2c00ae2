"""Every log line written while a request is handled names that request's method and path."""

import logging
from contextvars import ContextVar

_current = ContextVar("request_path", default="-")


class RequestPathMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # The path only: a query string may hold what someone searched for.
        token = _current.set(f"{request.method} {request.path}")
        try:
            return self.get_response(request)
        finally:
            _current.reset(token)


class RequestPathFilter(logging.Filter):
    """Adds `request_path` to each record, for the log format to show."""

    def filter(self, record):
        request = getattr(record, "request", None)
        path = getattr(request, "path", None)
        record.request_path = f"{request.method} {path}" if path else _current.get()
        return True
