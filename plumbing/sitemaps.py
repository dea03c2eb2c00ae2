"""The base of the site's sitemaps: addresses on SITE_URL, dated by `updated`, each page
in every language it exists in, with the others as hreflang alternates."""

from django.conf import settings
from django.contrib.sitemaps import Sitemap


class SiteUrlSitemap(Sitemap):
    """A sitemap whose addresses use SITE_URL when it is set."""

    i18n = True
    alternates = True
    x_default = True

    def get_urls(self, page=1, site=None, protocol=None):
        if settings.SITE_URL:
            protocol, domain = settings.SITE_URL.split("://", 1)
            site = type("SiteUrl", (), {"domain": domain})()
        return super().get_urls(page=page, site=site, protocol=protocol)

    def get_languages_for_item(self, item):
        """The languages the page exists in: for a model with a version per language
        (plumbing/languages.py), those it has; every language for the rest."""
        available_in = getattr(item, "available_in", None)
        languages = super().get_languages_for_item(item)
        if available_in is None:
            return languages
        return [code for code in languages if available_in(code)]

    def lastmod(self, item):
        return item.updated
