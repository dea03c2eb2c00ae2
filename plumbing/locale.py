"""The language of a request, from its address alone: English without a prefix, another
language under its own (/es/). Nothing else chooses it: not the browser's Accept-Language
header, not a cookie, so an address always answers in the same language, for visitors,
caches and search engines alike.
"""

from django.middleware.locale import LocaleMiddleware


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
