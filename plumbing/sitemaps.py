"""The base of the site's sitemaps: addresses on SITE_URL, dated by `updated`."""

from django.conf import settings
from django.contrib.sitemaps import Sitemap


class SiteUrlSitemap(Sitemap):
    """A sitemap whose addresses use SITE_URL when it is set."""

    def get_urls(self, page=1, site=None, protocol=None):
        if settings.SITE_URL:
            protocol, domain = settings.SITE_URL.split("://", 1)
            site = type("SiteUrl", (), {"domain": domain})()
        return super().get_urls(page=page, site=site, protocol=protocol)

    def lastmod(self, item):
        return item.updated
