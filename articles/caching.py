"""What the blog's data makes stale in the cache (plumbing/invalidation.py does the rest)."""

from django.conf import settings

from plumbing import invalidation


def register():
    from .models import Post

    invalidation.track("articles.Post", {"posts"})
    invalidation.track("articles.RecommendedPost", {"posts"})
    invalidation.track("articles.Category", {"categories"})
    invalidation.track(settings.AUTH_USER_MODEL, {"posts"})  # posts show their author's name
    invalidation.cache_pages(
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
    invalidation.expires_when("posts", Post.objects.next_scheduled)
