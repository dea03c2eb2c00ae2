from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from articles.models import Post

from .models import Facility, GalleryPhoto, Page, Service


class SiteUrlSitemap(Sitemap):
    """A sitemap whose addresses use SITE_URL when it is set."""

    def get_urls(self, page=1, site=None, protocol=None):
        if settings.SITE_URL:
            protocol, domain = settings.SITE_URL.split("://", 1)
            site = type("SiteUrl", (), {"domain": domain})()
        return super().get_urls(page=page, site=site, protocol=protocol)

    def lastmod(self, item):
        return item.updated


class SectionSitemap(SiteUrlSitemap):
    """The site's fixed sections, each dated by its newest content."""

    changefreq = "weekly"
    priority = 0.8

    def items(self):
        return ["facility:home", "facility:services", "facility:tour", "articles:list",
                "facility:contact", "facility:site_map"]  # fmt: skip

    def location(self, name):
        return reverse(name)

    def lastmod(self, name):
        return self.dates().get(name)

    def dates(self):
        if not hasattr(self, "_dates"):
            newest_post = Post.objects.published().aggregate(Max("updated"))["updated__max"]
            newest_service = Service.objects.aggregate(Max("updated"))["updated__max"]
            newest_photo = GalleryPhoto.objects.aggregate(Max("updated"))["updated__max"]
            facility = Facility.objects.only("updated").first()
            facility_date = facility.updated if facility else None
            self._dates = {
                "facility:home": _newest(newest_post, newest_service, facility_date),
                "facility:services": newest_service,
                "facility:tour": newest_photo,
                "articles:list": newest_post,
                "facility:contact": facility_date,
            }
        return self._dates


def _newest(*dates):
    present = [date for date in dates if date]
    return max(present) if present else None


class ServiceSitemap(SiteUrlSitemap):
    changefreq = "monthly"
    priority = 0.8

    def items(self):
        return Service.objects.only("slug", "updated")


class PageSitemap(SiteUrlSitemap):
    changefreq = "monthly"
    priority = 0.6

    def items(self):
        return Page.objects.only("slug", "updated")
