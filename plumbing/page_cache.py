"""Whole pages for anonymous visitors, served from the shared cache.

Only the pages plumbing/cache.py lists, only GET and HEAD, only for visitors without a
session: staff always have one, so they always get fresh pages and never leave theirs
behind. A response is kept only if it is the same for everyone: a 200 that sets no
cookie, used no CSRF token and is not marked private. Saves in the admin make pages stale
through their tags (plumbing/cache.py), at once, on every server.
"""

import hashlib

from django.conf import settings
from django.urls import Resolver404, resolve
from django.utils import timezone

from . import cache

# The only query parameter the cached pages read; others do not change the page.
KEY_PARAMETERS = ("page",)
NOT_SHARED = ("private", "no-cache", "no-store")


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        tags = cacheable_tags(request)
        if tags is None:
            return self.get_response(request)

        key = page_key(request)
        entry, built_from = cache.fetch(key, tags)
        now = timezone.now().timestamp()
        if entry is not cache.MISSING and now < entry[0]:
            response = entry[1]
            response["X-Cache"] = "hit"
            return response

        response = self.get_response(request)
        if is_shared(request, response):
            seconds = cache.lifetime(tags, settings.PAGE_CACHE_SECONDS)
            cache.store(key, built_from, (now + seconds, response), seconds)
            response["X-Cache"] = "miss"
        return response


def cacheable_tags(request):
    """The tags of the page asked for, or None if this request must not use the cache."""
    if not settings.PAGE_CACHE_SECONDS or request.method not in ("GET", "HEAD"):
        return None
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
        return None
    try:
        match = resolve(request.path_info, getattr(request, "urlconf", None))
    except Resolver404:
        return None
    return cache.page_tags(match.view_name)


def page_key(request):
    params = [(name, request.GET.get(name)) for name in KEY_PARAMETERS if name in request.GET]
    address = f"{request.scheme}://{request.get_host()}{request.path}?{params}"
    return "page:" + hashlib.sha256(address.encode()).hexdigest()


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
