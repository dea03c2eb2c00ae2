"""Security headers Django does not set by itself.

The Content-Security-Policy is django-csp's, from settings, for every path but those of
staff tools whose third-party code needs more: each gets only what it needs, only there.
"""

from csp.constants import HEADER
from csp.middleware import CheckableLazyObject, CSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver

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


_site_header = None


@receiver(setting_changed)
def _forget_site_header(setting, **kwargs):
    global _site_header
    if setting.startswith("CONTENT_SECURITY_POLICY"):
        _site_header = None


def site_header():
    """The public site's policy as a header: the same for every page, so built once
    (django-csp builds it anew for every response, a third of the middleware's cost)."""
    global _site_header
    if _site_header is None:
        _site_header = build_policy()
    return _site_header


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def process_response(self, request, response):
        if self._plain(request, response):
            response[HEADER] = site_header()
            # As django-csp does: a nonce asked for once the header is written is an error.
            request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
            return response
        return super().process_response(request, response)

    @staticmethod
    def _plain(request, response):
        """True when django-csp would send the site's own policy, unchanged: no view
        changed it, asked for a nonce or exempted itself, nor is it a staff tool's path,
        an excluded prefix or a report-only policy."""
        policy = settings.CONTENT_SECURITY_POLICY or {}
        return not (
            getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None)
            or getattr(request, "_csp_nonce", None) is not None
            or any(
                getattr(response, name, None) is not None
                for name in ("_csp_config", "_csp_update", "_csp_replace")
            )
            or getattr(response, "_csp_exempt", False)
            or HEADER in response
            or request.path.startswith(tuple(STAFF_POLICIES))
            or request.path_info.startswith(tuple(policy.get("EXCLUDE_URL_PREFIXES") or ()))
            or (response.status_code in (404, 500) and settings.DEBUG)
        )

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
