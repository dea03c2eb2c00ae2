"""Whole pages for anonymous visitors, served from the shared cache.

Only the pages plumbing/invalidation.py lists, only GET and HEAD, only for visitors without a
session: staff always have one, so they always get fresh pages and never leave theirs
behind. A response is kept only if it is the same for everyone: a 200 that sets no
cookie, used no CSRF token and is not marked private. Saves in the admin make pages stale
through their tags (plumbing/invalidation.py), at once, on every server.

A page is keyed only on what changes it, so made-up addresses cannot fill the cache: its
path (which names its language: /es/ for Spanish), the host it is for, and for paged
lists a page number exactly as the site's own links write it. Any other query string
(utm_*, fbclid, ...) gets the same entry; a page number written otherwise (`x`, `0`,
`02`, `last`) is answered by the view as always but not kept, and a number past the last
page is a 404, which is never kept either.

What is kept here may be kept at the edge too (a CDN, Varnish): the headers saying so, and
`private, no-store` on everything else, are plumbing/edge.py's.
"""

import hashlib
import re

from django.conf import settings
from django.http.request import split_domain_port
from django.urls import Resolver404, resolve
from django.utils import timezone, translation

from . import edge, invalidation

PAGE_NUMBER_FORMAT = re.compile(r"[1-9][0-9]{0,5}")
NOT_SHARED = ("private", "no-cache", "no-store")


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.respond(request)
        if request.method == "HEAD":
            headers_only(response)
        return response

    def respond(self, request):
        # Before anything is read for the page: the edge keeps no page whose request
        # started before a purge it was sent (plumbing/edge.py).
        started = edge.now()
        tags, key = cacheable(request)
        if key is None:
            return edge.private(self.get_response(request))

        entry, built_from = invalidation.fetch(key, tags)
        now = timezone.now().timestamp()
        if entry is not invalidation.MISSING and now < entry[0]:
            response = entry[1]
            response["X-Cache"] = "hit"
            return edge.shared(response, tags, entry[0] - now, started)

        response = self.get_response(request)
        if is_shared(request, response):
            seconds = invalidation.lifetime(tags, settings.PAGE_CACHE_SECONDS)
            invalidation.store(key, built_from, (now + seconds, response), seconds)
            response["X-Cache"] = "miss"
            return edge.shared(response, tags, seconds, started)
        return edge.private(response)


def headers_only(response):
    """The answer to a HEAD: the GET's headers, Content-Length included, and no body
    (gunicorn would drop it, with a warning, rather than send it)."""
    if response.streaming:
        return
    response["Content-Length"] = str(len(response.content))
    response.content = b""


def cacheable(request):
    """(tags, key) of the page asked for; key None if this request must not use the cache."""
    if not settings.PAGE_CACHE_SECONDS or request.method not in ("GET", "HEAD"):
        return None, None
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
        return None, None
    try:
        match = resolve(request.path_info, getattr(request, "urlconf", None))
    except Resolver404:
        return None, None
    tags = invalidation.page_tags(match.view_name)
    if tags is None:
        return None, None
    return tags, page_key(request, match.view_name)


def page_key(request, view_name):
    """The cache key of this page, or None when it is not to be kept."""
    number = ""
    parameter = invalidation.PAGE_NUMBER.get(view_name)
    if parameter and parameter in request.GET:
        number = request.GET[parameter]
        if not PAGE_NUMBER_FORMAT.fullmatch(number):
            return None
        number = "" if number == "1" else number  # the first page has no number in links
    site = site_address(request)
    if site is None:
        return None
    # The path names the language (/es/...) and LocaleMiddleware has read it from there;
    # the active language is in the key too, so no page is ever kept for the wrong one.
    address = f"{site}{request.path}?{number}#{translation.get_language()}"
    return "page:" + hashlib.sha256(address.encode()).hexdigest()


def site_address(request):
    """scheme://host[:port] as pages built for this request show it, or None when that
    host is not one of those named in ALLOWED_HOSTS (a pattern such as `.example.org`
    would let anyone make up new ones), or the port is not the one the request came in
    on (the port is not checked against ALLOWED_HOSTS)."""
    host = request.get_host().lower()
    domain, port = split_domain_port(host)
    if domain not in {name.lower() for name in settings.ALLOWED_HOSTS}:
        return None
    if port and port != _local_port(request):
        return None
    return f"{request.scheme}://{host}"


def _local_port(request):
    if settings.USE_X_FORWARDED_PORT and "HTTP_X_FORWARDED_PORT" in request.META:
        return request.META["HTTP_X_FORWARDED_PORT"]  # set by the proxy in front
    # gunicorn sets SERVER_PORT from the Host header itself; its socket knows the truth.
    connection = request.META.get("gunicorn.socket")
    if connection is None:
        return request.META.get("SERVER_PORT")
    try:
        address = connection.getsockname()
    except OSError:
        return None
    return str(address[1]) if isinstance(address, tuple) else None  # not a unix socket


def is_shared(request, response):
    """Whether every anonymous visitor may be given this very response."""
    return (
        request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not any(word in response.get("Cache-Control", "") for word in NOT_SHARED)
    )
