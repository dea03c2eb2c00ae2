"""What the blog's data makes stale in the cache (plumbing/cache.py does the rest)."""

from django.conf import settings

from plumbing import cache


def register():
    from .models import Post

    cache.track("articles.Post", {"posts"})
    cache.track("articles.RecommendedPost", {"posts"})
    cache.track("articles.Category", {"categories"})
    cache.track(settings.AUTH_USER_MODEL, {"posts"})  # posts show their author's name
    cache.cache_pages(
        {
            "articles:list": {"posts", "categories"},
            "articles:category": {"posts", "categories"},
            "articles:post": {"posts", "categories"},
            "articles:feed": {"posts", "categories"},
            "articles:atom": {"posts", "categories"},
            "articles:category_feed": {"posts", "categories"},
        },
        paged={"articles:list": "page", "articles:category": "page"},
    )
    # A published post dated ahead appears by itself: pages showing posts must not
    # outlive that moment.
    cache.expires_when("posts", Post.objects.next_scheduled)
