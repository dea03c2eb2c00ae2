"""The center's own pages: its treatment services, the photo tour and staff-written pages."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView, TemplateView

from plumbing.languages import InLanguageDetailMixin, TranslatedObjectMixin, home_path
from plumbing.seo import MetaMixin, PageMeta, breadcrumb_list

from . import structured_data
from .models import Center, Facility, GalleryPhoto, Page, Service, StaffProfile
from .models.content import NONDISCRIMINATION


def home():
    return (_("Home"), home_path())


class ServiceListView(MetaMixin, ListView):
    context_object_name = "services"

    def get_queryset(self):
        return Service.objects.in_language()

    def get_meta(self):
        return PageMeta(
            _("Treatment Services"),
            _("Medically supervised detox, residential treatment and the support that follows."),
        )


class ServiceDetailView(InLanguageDetailMixin, MetaMixin, DetailView):
    model = Service
    context_object_name = "service"

    def get_context_data(self, **kwargs):
        other = Service.objects.in_language().exclude(pk=self.object.pk).only("name", "slug")
        # Where it is offered, named only when there is a choice of centers (one query).
        here = set(self.object.centers.values_list("pk", flat=True)) if self._several() else ()
        offered_at = [c for c in Facility.for_request(self.request).centers if c.pk in here]
        return super().get_context_data(other_services=other, offered_at=offered_at, **kwargs)

    def _several(self):
        facility = Facility.for_request(self.request)
        return facility is not None and facility.has_several_centers

    def get_meta(self):
        service = self.object
        return PageMeta.describing(
            service,
            structured_data=[
                breadcrumb_list(
                    self.request,
                    home(),
                    (_("Treatment Services"), reverse("facility:services")),
                    (service.name, service.get_absolute_url()),
                )
            ],
        )


class CenterListView(MetaMixin, ListView):
    context_object_name = "centers"
    template_name = "facility/center_list.html"

    def get_queryset(self):
        # The centers the header and footer already read, with their hours: no query.
        return Facility.for_request(self.request).centers

    def get_meta(self):
        return PageMeta(
            _("Locations"), _("Where we treat people, with each center's phone and hours.")
        )


class CenterDetailView(TranslatedObjectMixin, MetaMixin, DetailView):
    context_object_name = "center"

    def get_queryset(self):
        return Center.objects.for_page()  # per request: its services are the language's

    def get_context_data(self, **kwargs):
        return super().get_context_data(room=self.object.room(), **kwargs)

    def get_meta(self):
        center = self.object
        facility = Facility.for_request(self.request)
        return PageMeta(
            center.name,
            center.description
            or _("%(name)s in %(town)s: hours, phone and care.")
            % {"name": center.name, "town": center.town},
            structured_data=[
                structured_data.center_clinic(
                    self.request, facility, center, center.services.all()
                ),
                breadcrumb_list(
                    self.request,
                    home(),
                    (_("Locations"), reverse("facility:centers")),
                    (center.name, center.get_absolute_url()),
                ),
            ],
        )


class TeamView(MetaMixin, ListView):
    context_object_name = "people"
    template_name = "facility/team.html"
    queryset = StaffProfile.objects.filter(is_listed=True).select_related("center")

    def get_meta(self):
        return PageMeta(
            _("Our Team"),
            _("The doctors, nurses and counselors who care for you, and their credentials."),
        )


class TourView(MetaMixin, ListView):
    model = GalleryPhoto
    context_object_name = "photos"
    template_name = "facility/tour.html"

    def get_meta(self):
        return PageMeta(
            _("Tour Facility"),
            _("Photos of the rooms and grounds where residents stay during care."),
        )


class PageDetailView(InLanguageDetailMixin, MetaMixin, DetailView):
    model = Page
    context_object_name = "page"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.object.slug_en == NONDISCRIMINATION:
            # Section 1557's facts, as staff keep them on the facility, follow its text.
            facility = Facility.for_request(self.request)
            context["section_1557"] = facility
            context["taglines"] = facility.assistance_taglines() if facility else []
        return context

    def get_meta(self):
        page = self.object
        return PageMeta.describing(
            page,
            structured_data=[
                breadcrumb_list(
                    self.request,
                    home(),
                    (page.title, page.get_absolute_url()),
                )
            ],
        )


class LanguageAssistanceView(MetaMixin, TemplateView):
    """Free help in other languages, offered in each of them (Section 1557's taglines)."""

    template_name = "facility/language_assistance.html"

    def get_context_data(self, **kwargs):
        facility = Facility.for_request(self.request)
        found = facility.assistance_taglines() if facility else []
        return super().get_context_data(taglines=found, **kwargs)

    def get_meta(self):
        return PageMeta(
            _("Language assistance"),
            _("Free help in your language: call us and tell us which language you speak."),
        )
