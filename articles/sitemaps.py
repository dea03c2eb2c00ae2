from django.db.models import Max

from plumbing.sitemaps import SiteUrlSitemap

from .models import Category, Post


class PostSitemap(SiteUrlSitemap):
    changefreq = "monthly"
    priority = 0.7

    def items(self):
        return (
            Post.objects.published()
            .in_language()
            .with_languages()
            .only("slug", "updated")
            .order_by("-pub_date")
        )


class CategorySitemap(SiteUrlSitemap):
    changefreq = "weekly"
    priority = 0.5

    def items(self):
        # Only categories with a published post; lastmod is their newest post's change.
        return (
            Category.objects.in_language()
            .filter(posts__in=Post.objects.published().in_language())
            .annotate(lastmod=Max("posts__updated"))
            .order_by("name")
        )

    def lastmod(self, category):
        return category.lastmod
