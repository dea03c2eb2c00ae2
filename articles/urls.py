from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import feeds, views

app_name = "articles"

urlpatterns = [
    path("", views.PostListView.as_view(), name="list"),
    path("feed/", feeds.LatestPostsFeed(), name="feed"),
    path("feed/atom/", feeds.LatestPostsAtomFeed(), name="atom"),
    # /es/blog/categoria/familias/; the English address under /es/ answers 301 to it.
    path(_("category/<slug:slug>/"), views.CategoryView.as_view(), name="category"),
    path(_("category/<slug:slug>/feed/"), feeds.CategoryFeed(), name="category_feed"),
    path("<slug:slug>/", views.PostDetailView.as_view(), name="post"),
]
