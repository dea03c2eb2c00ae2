"""How each page describes itself to search engines and social sites: its meta data
(PageMeta, through MetaMixin), full addresses, and breadcrumbs as schema.org JSON-LD."""

from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.templatetags.static import static

CONTEXT = "https://schema.org"

# A 1200x630 picture for link previews of pages without a picture of their own.
DEFAULT_IMAGE = ("img/share-default.jpg", 1200, 630)


@dataclass
class Image:
    url: str
    width: int
    height: int
    alt: str = ""


@dataclass
class PageMeta:
    title: str = ""  # without the site's name, which the layout adds
    description: str = ""
    type: str = "website"
    image: Image | None = None
    published: datetime | None = None
    modified: datetime | None = None
    section: str = ""
    path: str | None = None  # the canonical path; the request's path when None
    noindex: bool = False
    structured_data: list = field(default_factory=list)

    @classmethod
    def describing(cls, page, **kwargs):
        """The meta of a post, service or page, in the words it gives search engines."""
        title, description = page.search_text()
        return cls(title=title, description=description, **kwargs)


def default_image(alt):
    path, width, height = DEFAULT_IMAGE
    return Image(static(path), width, height, alt)


def site_url(request):
    """The site's address without a trailing slash: SITE_URL, else the request's own."""
    return settings.SITE_URL or f"{request.scheme}://{request.get_host()}"


def absolute(request, url):
    if url.startswith(("http://", "https://")):
        return url
    return site_url(request) + url


class MetaMixin:
    """A view mixin putting `meta` (a PageMeta) in the template context."""

    def get_meta(self):
        return PageMeta()

    def get_context_data(self, **kwargs):
        return super().get_context_data(meta=self.get_meta(), **kwargs)


def breadcrumb_list(request, *crumbs):
    """Crumbs as (name, path) pairs, from the home page down to the current page."""
    return {
        "@context": CONTEXT,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": name,
                "item": absolute(request, path),
            }
            for position, (name, path) in enumerate(crumbs, start=1)
        ],
    }
