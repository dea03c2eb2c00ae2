"""The center's pages in sitemap.xml: its locations, services and staff-written pages."""

from plumbing.sitemaps import SiteUrlSitemap

from .models import Center, Page, Service


class ServiceSitemap(SiteUrlSitemap):
    changefreq = "monthly"
    priority = 0.8

    def items(self):
        return Service.objects.in_language().with_languages().only("slug", "updated")


class CenterSitemap(SiteUrlSitemap):
    changefreq = "monthly"
    priority = 0.8

    def items(self):
        # One center is the simple case: its facts are on every page, it needs no page.
        centers = list(Center.objects.only("slug", "updated"))
        return centers if len(centers) > 1 else []


class PageSitemap(SiteUrlSitemap):
    changefreq = "monthly"
    priority = 0.6

    def items(self):
        return Page.objects.in_language().with_languages().only("slug", "updated")
