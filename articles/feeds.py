"""RSS 2.0 and Atom feeds of published posts, for the whole blog and per category."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from facility.models import Facility
from plumbing.seo import absolute

from .models import Category, Post

FEED_LENGTH = 20


class LatestPostsFeed(Feed):
    # The feed's language is the active one, as Django's Feed gives it: English at
    # /blog/feed/, Spanish at /es/blog/feed/.
    def get_object(self, request, *args, **kwargs):
        self.facility = Facility.for_request(request)
        self.request = request
        return None

    # Addresses on SITE_URL: Django's feeds would otherwise build them on the request's
    # Host and scheme (absolute ones it leaves as they are).
    def item_link(self, post):
        return absolute(self.request, post.get_absolute_url())

    def title(self):
        if self.facility is None:
            return _("Blog")
        return _("%(name)s blog") % {"name": self.facility.name}

    def link(self):
        return absolute(self.request, reverse("articles:list"))

    def description(self):
        return self.facility.about if self.facility else ""

    def feed_url(self):
        return absolute(self.request, reverse("articles:feed"))

    def items(self):
        return (
            Post.objects.published()
            .in_language()
            .for_cards()
            .select_related("author_profile")[:FEED_LENGTH]
        )

    def item_title(self, post):
        return post.title

    def item_description(self, post):
        return post.description

    def item_pubdate(self, post):
        return post.pub_date

    def item_updateddate(self, post):
        return post.last_updated or post.pub_date

    def item_author_name(self, post):
        # As on the post's page: the byline profile's name, else the provider's; never a
        # user name.
        return post.author_name or (self.facility.name if self.facility else None)

    def item_categories(self, post):
        return [post.category.name]


class LatestPostsAtomFeed(LatestPostsFeed):
    feed_type = Atom1Feed
    subtitle = LatestPostsFeed.description

    def feed_url(self):
        return absolute(self.request, reverse("articles:atom"))


class CategoryFeed(LatestPostsFeed):
    def get_object(self, request, slug):
        super().get_object(request)
        return get_object_or_404(Category.objects.in_language(), slug=slug)

    def title(self, category):
        return f"{super().title()}: {category.name}"

    def link(self, category):
        return absolute(self.request, category.get_absolute_url())

    def description(self, category):
        return category.description or _("Posts about %(category)s.") % {"category": category.name}

    def feed_url(self, category):
        return absolute(self.request, reverse("articles:category_feed", args=[category.slug]))

    def items(self, category):
        return (
            Post.objects.published()
            .in_language()
            .for_cards()
            .select_related("author_profile")
            .filter(category=category)[:FEED_LENGTH]
        )
