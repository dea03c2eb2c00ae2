from django.urls import path

from . import views
from .search_views import SearchView

app_name = "facility"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("services/", views.ServiceListView.as_view(), name="services"),
    path("services/<slug:slug>/", views.ServiceDetailView.as_view(), name="service"),
    path("tour/", views.TourView.as_view(), name="tour"),
    path("contact/", views.ContactView.as_view(), name="contact"),
    path("contact/thanks/", views.ContactThanksView.as_view(), name="contact_thanks"),
    path("site-map/", views.SiteMapView.as_view(), name="site_map"),
    path("search/", SearchView.as_view(), name="search"),
    # Staff-written pages answer at the top level; keep this pattern last.
    path("<slug:slug>/", views.PageDetailView.as_view(), name="page"),
]
