from django.urls import path

from . import views
from .search_views import SearchView

app_name = "website"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("site-map/", views.SiteMapView.as_view(), name="site_map"),
    path("search/", SearchView.as_view(), name="search"),
]
