from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView

from . import views

app_name = "facility"

urlpatterns = [
    path(_("services/"), views.ServiceListView.as_view(), name="services"),
    path(_("services/<slug:slug>/"), views.ServiceDetailView.as_view(), name="service"),
    path(_("tour/"), views.TourView.as_view(), name="tour"),
    path(_("locations/"), views.CenterListView.as_view(), name="centers"),
    path(_("our-team/"), views.TeamView.as_view(), name="team"),
    path(_("locations/<slug:slug>/"), views.CenterDetailView.as_view(), name="center"),
    # Its address in each language (/es/asistencia-linguistica/), as people search for it.
    path(
        _("language-assistance/"),
        views.LanguageAssistanceView.as_view(),
        name="language_assistance",
    ),
    # Its Spanish address until December 2026, kept for the links and notices naming it.
    path(
        "asistencia-con-el-idioma/",
        RedirectView.as_view(pattern_name="facility:language_assistance", permanent=True),
    ),
    # Staff-written pages answer at the top level; keep this pattern last.
    path("<slug:slug>/", views.PageDetailView.as_view(), name="page"),
]
