"""Parts of pages kept in the shared cache with Django's own {% cache %} tag, keyed on
the versions of the data tags they show (plumbing/invalidation.py) and on the language.

A page's header and footer, its menus, a post's card or the admissions form look the
same on many pages, and a page the page cache does not hold (or never holds: the
admissions and contact pages carry each visitor's CSRF token) builds them again. In a
template:

    {% cache fragment_seconds "footer" LANGUAGE_CODE versions.facility today %}
      ...
    {% endcache %}

`versions` (the context processor of website/context_processors.py puts it in every
page's context) answers the current version of the tag it is asked for, read from the
shared cache once per request and tag; a save in the admin gives the tag a new version,
so the old fragment is never read again. `changes.<tag>` is the next moment the tag's
data changes by itself (a scheduled post becomes public), in the key of a fragment
showing it; what changes at midnight (the footer's year, the licenses in force) is keyed
on `today`. `fragment_seconds` is how long a fragment is kept (FRAGMENT_CACHE_SECONDS;
0, in development and the tests unless they turn it on, keeps nothing).
"""

from django.conf import settings
from django.utils import timezone

from . import invalidation


class TagVersions:
    """The current version of each tag, read when one is first asked for: every tag the
    site knows at once, in one round trip to the cache (a page's fragments show several)."""

    def __init__(self):
        self.known = {}

    def __getitem__(self, tag):
        if tag not in self.known:
            every_tag = set().union({tag}, invalidation.EVERY_PAGE, *invalidation.TAGS.values())
            self.known.update(invalidation.versions(every_tag))
        return self.known[tag]


class NextChanges:
    """For each tag asked for, the next moment its data changes by itself (a scheduled
    post becomes public: plumbing/invalidation.py's expires_when()), as text, worked out once
    per request: in the key of a fragment showing that tag, so that what was kept before
    that moment is not read after it."""

    def __init__(self):
        self.known = {}

    def __getitem__(self, tag):
        if not settings.FRAGMENT_CACHE_SECONDS:
            return ""  # nothing is kept: no need to ask
        if tag not in self.known:
            moments = [next_change() for next_change in invalidation.EXPIRY.get(tag, ())]
            moments = [moment for moment in moments if moment is not None]
            self.known[tag] = min(moments).isoformat() if moments else ""
        return self.known[tag]


def context():
    """What the {% cache %} tags of the site's templates are keyed on, besides the
    language: tag versions, today's date in the site's zone (what a footer shows ends
    at midnight: the year, a license in force)."""
    return {
        "versions": TagVersions(),
        "today": timezone.localdate().isoformat(),
        "fragment_seconds": settings.FRAGMENT_CACHE_SECONDS,
        "changes": NextChanges(),
    }
