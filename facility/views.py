import logging
import sys

from django.conf import settings
from django.db import DatabaseError, transaction
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import redirect
from django.template import loader
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views.decorators.cache import cache_control
from django.views.decorators.debug import sensitive_post_parameters
from django.views.generic import CreateView, DetailView, ListView, TemplateView

from articles.models import Category, Post

from . import outage, structured_data
from .forms import ContactForm, rate_limited_message
from .models import Facility, GalleryPhoto, Page, Service
from .notifications import notify_staff
from .ratelimit import over_limit
from .seo import MetaMixin, PageMeta, absolute

logger = logging.getLogger(__name__)

HOME_LATEST_POSTS = 3


class HomeView(MetaMixin, TemplateView):
    template_name = "facility/home.html"

    def get_context_data(self, **kwargs):
        self.services = list(Service.objects.all())
        return super().get_context_data(
            services=self.services,
            hero_photo=GalleryPhoto.objects.first(),
            latest_posts=Post.objects.published().for_cards()[:HOME_LATEST_POSTS],
            **kwargs,
        )

    def get_meta(self):
        facility = Facility.for_request(self.request)
        if facility is None:
            return PageMeta()
        return PageMeta(
            title=facility.tagline,
            description=facility.about,
            structured_data=[structured_data.medical_clinic(self.request, facility, self.services)],
        )


class ServiceListView(MetaMixin, ListView):
    model = Service
    context_object_name = "services"

    def get_meta(self):
        return PageMeta(
            "Treatment Services",
            "Medically supervised detox, residential treatment and the support that follows.",
        )


class ServiceDetailView(MetaMixin, DetailView):
    model = Service
    context_object_name = "service"

    def get_context_data(self, **kwargs):
        other = Service.objects.exclude(pk=self.object.pk).only("name", "slug")
        return super().get_context_data(other_services=other, **kwargs)

    def get_meta(self):
        service = self.object
        return PageMeta.describing(
            service,
            structured_data=[
                structured_data.breadcrumb_list(
                    self.request,
                    ("Home", reverse("facility:home")),
                    ("Treatment Services", reverse("facility:services")),
                    (service.name, service.get_absolute_url()),
                )
            ],
        )


class TourView(MetaMixin, ListView):
    model = GalleryPhoto
    context_object_name = "photos"
    template_name = "facility/tour.html"

    def get_meta(self):
        return PageMeta(
            "Tour Facility", "Photos of the rooms and grounds where residents stay during care."
        )


class PageDetailView(MetaMixin, DetailView):
    model = Page
    context_object_name = "page"

    def get_meta(self):
        page = self.object
        return PageMeta.describing(
            page,
            structured_data=[
                structured_data.breadcrumb_list(
                    self.request,
                    ("Home", reverse("facility:home")),
                    (page.title, page.get_absolute_url()),
                )
            ],
        )


class ContactMessageNotSaved(Exception):
    """Saving a contact message failed; the database's own words are left out."""


# Error reports (and the debug page) show "********" for what the visitor typed.
@method_decorator(sensitive_post_parameters(), name="dispatch")
class ContactView(MetaMixin, CreateView):
    form_class = ContactForm
    template_name = "facility/contact.html"

    def form_valid(self, form):
        if form.is_spam():
            # Look like success, so the bot learns nothing; keep nothing.
            return redirect("facility:contact_thanks")
        if over_limit(self.request, "contact", settings.CONTACT_RATE_LIMIT):
            form.add_error(None, rate_limited_message(Facility.for_request(self.request)))
            return self.render_to_response(self.get_context_data(form=form), status=429)
        try:
            with transaction.atomic():
                message = form.save()
        except DatabaseError as error:
            # A database error can quote the row it refused, i.e. the visitor's message,
            # and the error log would keep it: raise one that names only the error's kind.
            if isinstance(error, outage.DATABASE_DOWN):
                raise type(error)(type(error).__name__) from None  # the outage page answers
            raise ContactMessageNotSaved(type(error).__name__) from None
        notify_staff(message, self.request, Facility.for_request(self.request))
        return redirect("facility:contact_thanks")

    def get_meta(self):
        return PageMeta(
            "Contact", "Call us day or night, or send a confidential message. Address and hours."
        )


class ContactThanksView(MetaMixin, TemplateView):
    template_name = "facility/contact_thanks.html"

    def get_meta(self):
        return PageMeta("Message sent", noindex=True)


class SiteMapView(MetaMixin, TemplateView):
    template_name = "facility/site_map.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            pages=Page.objects.only("title", "slug"),
            services=Service.objects.only("name", "slug"),
            categories=Category.objects.all(),
            posts=Post.objects.published().only("title", "slug", "pub_date"),
            **kwargs,
        )

    def get_meta(self):
        return PageMeta("Site map", "Every page of this website.")


@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        f"Disallow: {reverse('admin:index')}",
        "Disallow: /ckeditor/",
        f"Disallow: {reverse('facility:search')}",
        f"Disallow: {reverse('facility:contact_thanks')}",
        "",
        f"Sitemap: {absolute(request, reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def server_error(request):
    """The 500 page in the site's layout, or a bare one if even that fails.

    A database outage met outside a view (in a middleware, say) gets the 503 page.
    """
    error = sys.exc_info()[1]
    if isinstance(error, outage.DATABASE_DOWN):
        return outage.unavailable(request, error)
    try:
        html = loader.render_to_string("500.html", request=request)
    except Exception:
        logger.exception("Rendering 500.html with the site's data failed.")
        html = loader.render_to_string("500.html", {"facility": None})
    return HttpResponseServerError(html)
