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


class Current:
    """The versions of every tag and the next moments their data change by themselves,
    read when first asked for, together, in one round trip to the cache
    (plumbing/invalidation.py's current()): a page's fragments show several tags."""

    def __init__(self):
        self.read = None

    def __call__(self):
        if self.read is None:
            if settings.FRAGMENT_CACHE_SECONDS:
                self.read = invalidation.current()
            else:  # nothing is kept: the moments are not needed
                self.read = (invalidation.versions(invalidation.every_tag()), {})
        return self.read


class TagVersions:
    """The current version of each tag."""

    def __init__(self, current):
        self.current = current

    def __getitem__(self, tag):
        known = self.current()[0]
        if tag not in known:  # a tag no model bumps and no page names: read on its own
            known.update(invalidation.versions({tag}))
        return known[tag]


class NextChanges:
    """For each tag, the next moment its data changes by itself (a scheduled post becomes
    public: plumbing/invalidation.py's expires_when()), as text: in the key of a fragment
    showing that tag, so that what was kept before that moment is not read after it."""

    def __init__(self, current):
        self.current = current

    def __getitem__(self, tag):
        moment = self.current()[1].get(tag)
        return moment.isoformat() if moment else ""


def context():
    """What the {% cache %} tags of the site's templates are keyed on, besides the
    language: tag versions, today's date in the site's zone (what a footer shows ends
    at midnight: the year, a license in force)."""
    current = Current()
    return {
        "versions": TagVersions(current),
        "today": timezone.localdate().isoformat(),
        "fragment_seconds": settings.FRAGMENT_CACHE_SECONDS,
        "changes": NextChanges(current),
    }
