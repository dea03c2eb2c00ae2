"""The language of a request, from its address alone: English without a prefix, another
language under its own (/es/). Nothing else chooses it: not the browser's Accept-Language
header, not a cookie, so an address always answers in the same language, for visitors,
caches and search engines alike.
"""

from django.conf import settings
from django.http import HttpResponsePermanentRedirect
from django.http.response import HttpResponseRedirectBase
from django.middleware.locale import LocaleMiddleware
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils import translation


class AddressLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, which already reads only the address when English has no
    prefix (i18n_patterns(prefix_default_language=False)), without the header it adds to
    unprefixed answers, "Vary: Accept-Language": they do not vary by it, and the header
    would split every shared cache's copy of an English page by the browsers' languages."""

    def process_response(self, request, response):
        vary = response.headers.get("Vary")
        response = super().process_response(request, response)
        if vary is None:
            response.headers.pop("Vary", None)
        else:
            response.headers["Vary"] = vary
        return response


class PermanentRedirectKeepingMethod(HttpResponseRedirectBase):
    status_code = 308


class EnglishPathUnderPrefixMiddleware:
    """An English address under another language's prefix (/es/contact/, from before the
    Spanish addresses, or typed by hand) answers a permanent redirect to the page's address
    in that language (/es/contacto/), so shared links keep working.

    A path under a prefix that names no page of that language, or only a staff page's
    slug (the catch-all), is resolved as English without its prefix; the same view's
    address with the same arguments in the prefix's language is where it moved. Nothing
    is read from the database: a resolve, for requests the page cache did not answer.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if translation.get_language() != settings.LANGUAGE_CODE:
            try:
                match = resolve(request.path_info)
            except Resolver404:
                match = None
            if match is None or match.url_name == "page":
                moved = spanish_address_of(request.path_info)
                if moved is not None:
                    query = request.META.get("QUERY_STRING")
                    moved = f"{moved}?{query}" if query else moved
                    if request.method in ("GET", "HEAD"):
                        return HttpResponsePermanentRedirect(moved)
                    # A form sent from a page opened before the move: 308 has the
                    # browser send it again, as it was, to the new address.
                    return PermanentRedirectKeepingMethod(moved)
        return self.get_response(request)


def spanish_address_of(path):
    """The address in its prefix's language of the English page `path` names under that
    prefix, or None when it names none or the address is the same."""
    default = settings.LANGUAGE_CODE
    prefix, _, rest = path.lstrip("/").partition("/")
    codes = {code for code, _ in settings.LANGUAGES if code != default}
    if prefix not in codes:
        return None
    with translation.override(default):
        try:
            match = resolve("/" + rest)
        except Resolver404:
            return None
        if not match.url_name or match.url_name == "page":
            return None  # a staff page's slug: its own view finds the language's version
    with translation.override(prefix):
        try:
            moved = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
        except NoReverseMatch:
            return None
    # Only the pages that have an address in that language (not the admin, not /healthz).
    return moved if moved != path and moved.startswith(f"/{prefix}/") else None
