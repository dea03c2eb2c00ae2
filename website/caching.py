"""Which of the site-wide pages are kept for anonymous visitors, and what each shows
(the apps' own pages are in their caching.py; plumbing/invalidation.py does the rest)."""

from plumbing import invalidation


def register():
    invalidation.cache_pages(
        {
            "website:home": {"posts", "categories", "services", "photos"},
            "website:site_map": {"pages", "services", "categories", "posts"},
            "sitemap": {"posts", "categories", "pages", "services"},
        },
        paged={"sitemap": "p"},  # Django's sitemap view reads its page number from `p`
    )
