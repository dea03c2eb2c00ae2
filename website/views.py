"""Pages that show several apps at once: the home page, the site map, robots.txt, and
the server error and failed-CSRF pages."""

import logging
import sys

from django.conf import settings
from django.http import HttpResponse, HttpResponsePermanentRedirect, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.generic import TemplateView

from articles.models import Category, Post
from facility import structured_data
from facility.models import Facility, GalleryPhoto, Page, Service
from plumbing import outage
from plumbing.seo import MetaMixin, PageMeta, absolute

logger = logging.getLogger(__name__)

HOME_LATEST_POSTS = 3

# Models that moved to another app, by model name: their new admin address (app/model).
# Links to their old admin pages live on in staff's notification e-mails and bookmarks.
# Contact messages became inquiries, keeping their ids.
MOVED_ADMIN_MODELS = {"contactmessage": "inquiries/inquiry", "movedpage": "website/movedpage"}


class HomeView(MetaMixin, TemplateView):
    template_name = "website/home.html"

    def get_context_data(self, **kwargs):
        # What the cards and the structured data show of each service: not its body.
        self.services = list(Service.objects.in_language().only("name", "slug", "summary"))
        latest_posts = Post.objects.published().in_language().for_cards()[:HOME_LATEST_POSTS]
        self.hero_photo = GalleryPhoto.objects.first()
        return super().get_context_data(
            services=self.services,
            hero_photo=self.hero_photo,
            # Read only if the template shows them: mostly they come from the cache.
            latest_posts=SimpleLazyObject(lambda: list(latest_posts)),
            **kwargs,
        )

    def get_meta(self):
        facility = Facility.for_request(self.request)
        if facility is None:
            return PageMeta()
        return PageMeta(
            title=facility.tagline,
            description=facility.about,
            structured_data=[
                structured_data.organization(self.request, facility)
                if facility.has_several_centers
                else structured_data.medical_clinic(
                    self.request, facility, self.services, self.hero_photo
                )
            ],
        )


class SiteMapView(MetaMixin, TemplateView):
    template_name = "website/site_map.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            pages=Page.objects.in_language().only("title", "slug"),
            services=Service.objects.in_language().only("name", "slug"),
            categories=Category.objects.in_language(),
            posts=Post.objects.published().in_language().only("title", "slug", "pub_date"),
            **kwargs,
        )

    def get_meta(self):
        return PageMeta(_("Site map"), _("Every page of this website."))


@cache_control(max_age=86400, public=True)
def robots_txt(request):
    # Search results and the thank-you page, in every language (/es/search/, ...).
    private = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            private += [reverse("website:search"), reverse("inquiries:thanks")]
    lines = [
        "User-agent: *",
        f"Disallow: {reverse('admin:index')}",
        "Disallow: /ckeditor/",
        *(f"Disallow: {path}" for path in private),
        "",
        f"Sitemap: {absolute(request, reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def moved_admin_page(request, model, rest):
    """The admin page of a moved model, at its old address: sent to the new one."""
    url = f"{reverse('admin:index')}{MOVED_ADMIN_MODELS[model]}/{rest}"
    query = request.META.get("QUERY_STRING")
    return HttpResponsePermanentRedirect(f"{url}?{query}" if query else url)


def server_error(request):
    """The 500 page in the site's layout, or a bare one if even that fails.

    A database outage met outside a view (in a middleware, say) gets the 503 page.
    """
    error = sys.exc_info()[1]
    if isinstance(error, outage.DATABASE_DOWN):
        return outage.unavailable(request, error)
    try:
        given_back = outage.given_back(request, 500)
    except Exception:
        logger.exception("Giving a visitor's form back after an error failed.")
    else:
        if given_back is not None:
            return given_back
    try:
        html = loader.render_to_string("500.html", request=request)
    except Exception:
        logger.exception("Rendering 500.html with the site's data failed.")
        html = loader.render_to_string("500.html", {"facility": None})
    return HttpResponseServerError(html)


def csrf_failure(request, reason=""):
    """A failed CSRF check (CSRF_FAILURE_VIEW), answered in the site's layout.

    Most often a page left open for hours, or a browser that refuses cookies: a visitor
    who wrote to us gets the form back with what they typed and a fresh token.
    """
    response = outage.given_back(request, 403)
    if response is None:
        response = render(request, "403.html", {"csrf_failed": True}, status=403)
        add_never_cache_headers(response)
    return response
