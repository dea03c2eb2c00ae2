import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path

from facility import exports as facility_exports
from plumbing import editor_uploads
from plumbing.health import healthz
from plumbing.local_media import serve_image
from website.logins import views as logins
from website.sitemaps import sitemaps
from website.views import MOVED_ADMIN_MODELS, moved_admin_page, robots_txt

admin.site.site_header = "Website administration"
admin.site.site_title = "Website administration"
admin.site.index_title = "Posts, pages and the center's facts"

urlpatterns = [
    re_path(
        rf"^admin/(?:facility|inquiries)/(?P<model>{'|'.join(MOVED_ADMIN_MODELS)})/(?P<rest>.*)$",
        moved_admin_page,
    ),
    # The second factor's steps, for those who read inquiries (website/logins/).
    path("admin/sign-in-code/", logins.sign_in_code, name="sign_in_code"),
    path("admin/sign-in-code/set-up/", logins.set_up, name="sign_in_code_set_up"),
    path("admin/", admin.site.urls),
    # The editor's upload and browse addresses, ours alone: django-ckeditor's own URL
    # patterns are not included (they match any address under upload/ and skip our checks).
    path("ckeditor/upload/", editor_uploads.upload, name="ckeditor_upload"),
    path("ckeditor/browse/", editor_uploads.browse, name="ckeditor_browse"),
    re_path(r"^ckeditor/", editor_uploads.not_found),
    path("healthz", healthz, name="healthz"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    # Facts for referrers and locators, the same in every language (facility/exports.py).
    path("locations.json", facility_exports.locations_json, name="locations_json"),
    path("locations.csv", facility_exports.locations_csv, name="locations_csv"),
]
# The public pages: English at their addresses, whatever the visitor's browser asks for;
# Spanish under /es/ (recovery_site/languages.py).
urlpatterns += i18n_patterns(
    path("blog/", include("articles.urls")),
    path("", include("website.urls")),
    path("", include("inquiries.urls")),
    # Last: the center's pages, whose staff-written pages answer at any free top-level slug.
    path("", include("facility.urls")),
    prefix_default_language=False,
)

if settings.SERVE_MEDIA:
    media_prefix = re.escape(settings.MEDIA_URL.lstrip("/"))
    urlpatterns += [re_path(rf"^{media_prefix}(?P<path>.+)$", serve_image, name="media")]
elif settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

if settings.BENCHMARK:
    urlpatterns += [path("bench/", include("benchmarks.urls"))]

handler500 = "website.views.server_error"
