"""What a page shows search engines and social sites: staff's words, else the page's own."""

from typing import NamedTuple

from django.db import models


class SearchText(NamedTuple):
    title: str
    description: str


class SearchMeta(models.Model):
    """Staff's overrides of a page's title and description for search engines.

    A model names which of its own fields stand in when an override is empty. With no
    description of its own, the description stays empty and the layout shows the site's.
    """

    search_title_fallback = "title"
    search_description_fallback = None

    seo_title = models.CharField(
        "search title",
        max_length=70,
        blank=True,
        help_text="The title search engines and social sites show; the page's title when empty.",
    )
    search_description = models.CharField(
        max_length=160,
        blank=True,
        help_text=(
            "What search engines and social sites show under the title; when empty, the "
            "summary or excerpt, or else the site's own description."
        ),
    )

    class Meta:
        abstract = True

    def search_text(self):
        """The title and description to show search engines and social sites."""
        own = self.search_description_fallback
        return SearchText(
            title=self.seo_title or getattr(self, self.search_title_fallback),
            description=self.search_description or (getattr(self, own) if own else ""),
        )
