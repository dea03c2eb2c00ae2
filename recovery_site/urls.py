from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Website administration"
admin.site.site_title = "Website administration"
admin.site.index_title = "Posts, pages and the center's facts"

urlpatterns = [
    path("admin/", admin.site.urls),
    # Editor image uploads and browsing; django-ckeditor requires staff for both.
    path("ckeditor/", include("ckeditor_uploader.urls")),
    path("blog/", include("articles.urls")),
    path("", include("facility.urls")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler500 = "facility.views.server_error"
