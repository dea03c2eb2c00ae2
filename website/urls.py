from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views
from .search_views import SearchView

app_name = "website"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path(_("site-map/"), views.SiteMapView.as_view(), name="site_map"),
    path(_("search/"), SearchView.as_view(), name="search"),
]
