"""Security headers Django does not set by itself.

The Content-Security-Policy is django-csp's, from settings, for every path but those of
staff tools whose third-party code needs more: each gets only what it needs, only there.
"""

from csp.middleware import CSPMiddleware
from django.conf import settings

UNSAFE_INLINE = "'unsafe-inline'"


def _site_policy_plus(**extra):
    """Directives replacing the site's own: each the site's sources plus `extra`.

    Hashes are left out where 'unsafe-inline' comes in: browsers ignore 'unsafe-inline'
    in a directive that lists a hash, and the staff tools need it.
    """
    site = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
    return {
        name.replace("_", "-"): [
            *(
                source
                for source in site.get(name.replace("_", "-"), [])
                if not (UNSAFE_INLINE in sources and source.startswith("'sha256-"))
            ),
            *sources,
        ]
        for name, sources in extra.items()
    }


# By path prefix; the first that matches applies.
STAFF_POLICIES = {
    # The admin, where staff write in CKEditor 4. CKEditor builds its toolbar and dialogs
    # from HTML with inline event handlers (onclick="...callFunction(n)"), starts its
    # editing frame with an inline <script>, and styles everything with style attributes
    # and <style> elements; the handlers' numbers change with every page, so no hash or
    # nonce can allow them. Checked in Chromium by tests/test_csp_browser.py: without
    # 'unsafe-inline' the toolbar is dead and typing is lost. No 'unsafe-eval' is needed.
    # The public site, where visitors' browsers are, keeps the strict policy.
    "/admin/": _site_policy_plus(
        script_src=[UNSAFE_INLINE],
        style_src=[UNSAFE_INLINE],
        img_src=["data:", "blob:"],
        frame_src=["'self'"],
    ),
    # django-ckeditor's views: the upload answers CKEditor's hidden frame with an inline
    # <script> handing back the file's URL, so it must be framed by the admin; the image
    # browser is a page of inline script and style. Both are for logged-in staff only.
    "/ckeditor/": {
        **_site_policy_plus(
            script_src=[UNSAFE_INLINE], style_src=[UNSAFE_INLINE], img_src=["data:"]
        ),
        "frame-ancestors": ["'self'"],
    },
}


FRAMED_BY_ADMIN = "/ckeditor/upload/"


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, extended as its documentation says (get_policy_parts)
    with the staff tools' policies."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if parts.replace is None and not report_only:
            for prefix, policy in STAFF_POLICIES.items():
                if request.path.startswith(prefix):
                    parts.replace = policy
                    break
        return parts


class SecurityHeadersMiddleware:
    """Turns off browser features no page uses (camera, location, ...), and lets the
    admin's editor frame django-ckeditor's upload answers, which X-Frame-Options would
    otherwise refuse."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        if request.path.startswith(FRAMED_BY_ADMIN):
            response["X-Frame-Options"] = "SAMEORIGIN"
        return response


class CrossOriginResourcePolicyMiddleware:
    """Cross-Origin-Resource-Policy on every answer: no other site's page may load ours
    (a page, a picture, a feed) into itself, where it could learn from its size or its
    timing whether someone visited a treatment center's site (Spectre-style reads).
    Outermost of all, so that static files (WhiteNoise), the outage page and the page
    cache's answers get it too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault(
            "Cross-Origin-Resource-Policy", settings.CROSS_ORIGIN_RESOURCE_POLICY
        )
        return response
