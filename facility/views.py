import logging

from django.db import transaction
from django.http import HttpResponseServerError
from django.shortcuts import redirect
from django.template import loader
from django.views.generic import CreateView, DetailView, ListView, TemplateView

from articles.models import Category, Post

from .forms import ContactForm
from .models import Facility, GalleryPhoto, Page, Service
from .notifications import notify_staff

logger = logging.getLogger(__name__)

HOME_LATEST_POSTS = 3


class HomeView(TemplateView):
    template_name = "facility/home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            services=Service.objects.all(),
            latest_posts=Post.objects.published().for_cards()[:HOME_LATEST_POSTS],
            **kwargs,
        )


class ServiceListView(ListView):
    model = Service
    context_object_name = "services"


class ServiceDetailView(DetailView):
    model = Service
    context_object_name = "service"

    def get_context_data(self, **kwargs):
        other = Service.objects.exclude(pk=self.object.pk).only("name", "slug")
        return super().get_context_data(other_services=other, **kwargs)


class TourView(ListView):
    model = GalleryPhoto
    context_object_name = "photos"
    template_name = "facility/tour.html"


class PageDetailView(DetailView):
    model = Page
    context_object_name = "page"


class ContactView(CreateView):
    form_class = ContactForm
    template_name = "facility/contact.html"

    def form_valid(self, form):
        if form.is_spam():
            # Look like success, so the bot learns nothing; keep nothing.
            return redirect("facility:contact_thanks")
        with transaction.atomic():
            message = form.save()
        notify_staff(message, self.request, Facility.objects.first())
        return redirect("facility:contact_thanks")


class ContactThanksView(TemplateView):
    template_name = "facility/contact_thanks.html"


class SiteMapView(TemplateView):
    template_name = "facility/site_map.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            pages=Page.objects.only("title", "slug"),
            services=Service.objects.only("name", "slug"),
            categories=Category.objects.all(),
            posts=Post.objects.published().only("title", "slug", "pub_date"),
            **kwargs,
        )


def server_error(request):
    """The 500 page in the site's layout, or a bare one if even that fails."""
    try:
        html = loader.render_to_string("500.html", request=request)
    except Exception:
        logger.exception("Rendering 500.html with the site's data failed.")
        html = loader.render_to_string("500.html", {"facility": None})
    return HttpResponseServerError(html)
