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

    def get_languages_for_item(self, item):
        """With `i18n` on, an item is listed only in the languages it exists in."""
        languages = super().get_languages_for_item(item)
        if hasattr(item, "available_in"):
            return [code for code in languages if item.available_in(code)]
        return languages

    def lastmod(self, item):
        return item.updated
