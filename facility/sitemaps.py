"""The center's pages in sitemap.xml: its services and staff-written pages."""

from plumbing.sitemaps import SiteUrlSitemap

from .models import Page, Service


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
