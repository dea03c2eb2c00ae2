"""sitemap.xml: the site's fixed sections, then every app's own pages."""

from django.db.models import Max
from django.urls import reverse

from articles.models import Post
from articles.sitemaps import CategorySitemap, PostSitemap
from facility.models import Center, Facility, GalleryPhoto, Service, StaffProfile
from facility.sitemaps import CenterSitemap, PageSitemap, ServiceSitemap
from plumbing.sitemaps import SiteUrlSitemap


class SectionSitemap(SiteUrlSitemap):
    """The site's fixed sections, each dated by its newest content."""

    changefreq = "weekly"
    priority = 0.8

    def items(self):
        sections = ["website:home", "facility:services", "facility:tour", "facility:team",
                    "articles:list", "inquiries:contact", "facility:language_assistance",
                    "website:site_map"]  # fmt: skip
        # /locations/ lists the centers when there are several (as the menu does).
        if Center.objects.count() > 1:
            sections.insert(2, "facility:centers")
        return sections

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
            newest_center = Center.objects.aggregate(Max("updated"))["updated__max"]
            newest_person = StaffProfile.objects.aggregate(Max("updated"))["updated__max"]
            self._dates = {
                "website:home": _newest(newest_post, newest_service, facility_date),
                "facility:services": newest_service,
                "facility:tour": newest_photo,
                "articles:list": newest_post,
                "inquiries:contact": facility_date,
                "facility:centers": newest_center,
                "facility:team": newest_person,
                # The taglines and the Section 1557 facts are the facility's.
                "facility:language_assistance": facility_date,
            }
        return self._dates


def _newest(*dates):
    present = [date for date in dates if date]
    return max(present) if present else None


sitemaps = {
    "sections": SectionSitemap,
    "pages": PageSitemap,
    "services": ServiceSitemap,
    "locations": CenterSitemap,
    "categories": CategorySitemap,
    "posts": PostSitemap,
}
