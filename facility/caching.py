"""What the center's data makes stale in the cache, and the cached facility itself.

The header and footer of every page show the facility and its hours: they are one
cache entry, rebuilt after any save of either (plumbing/invalidation.py keeps the versions).
"""

from django.core.cache import cache

from plumbing import invalidation

from .models import Facility
from .models.content import FACILITY_KEY, FACILITY_TAGS


def register():
    invalidation.track("facility.Facility", {"facility"})
    invalidation.track("facility.Center", {"facility"})
    invalidation.track("facility.OpeningHours", {"facility"})
    invalidation.track("facility.Holiday", {"facility"})
    invalidation.track("facility.Credential", {"facility"})
    invalidation.track("facility.InsurancePlan", {"facility"})
    invalidation.track("facility.Service", {"services"})
    invalidation.track("facility.Page", {"pages"})
    invalidation.track("facility.GalleryPhoto", {"photos"})
    invalidation.track("facility.StaffProfile", {"staff"})
    invalidation.cache_pages(
        {
            "facility:services": {"services"},
            "facility:service": {"services"},
            "facility:tour": {"photos"},
            "facility:page": {"pages"},
            "facility:centers": {"open_now"},
            "facility:team": {"staff"},
            "facility:center": {"open_now", "photos", "services"},
            # What it shows is the facility's, which every page shows already.
            "facility:language_assistance": set(),
        },
        every_page=FACILITY_TAGS,
    )
    # Pages saying whether a center is open now must not outlive its next opening or
    # closing.
    invalidation.expires_when("open_now", next_open_or_close)
    # Every footer names the licenses and accreditations in force: one that ends leaves
    # every page the next day.
    invalidation.expires_when("facility", next_credential_expiry)


def next_open_or_close():
    """The first moment any center opens or closes, or None."""
    facility = cached_facility()
    changes = [center.next_change() for center in facility.centers] if facility else []
    return min((change for change in changes if change is not None), default=None)


def next_credential_expiry():
    """The first moment a shown license or accreditation leaves the pages, or None."""
    facility = cached_facility()
    return facility.credentials_end() if facility else None


def cached_facility():
    """The facility with its centers and their hours, from the cache when it is current."""
    return Facility.cached()


def last_known_facility():
    """The facility as last cached, current or not, without touching the database."""
    entry = cache.get(FACILITY_KEY)
    return entry[1] if entry is not None else None


def facility_if_readable():
    """The facility as last cached or, when the cache has none, read if the database
    answers (a database locked for writing still answers reads); else None."""
    from django.db import DatabaseError

    facility = last_known_facility()
    if facility is None:
        try:
            facility = cached_facility()
        except DatabaseError:
            return None
    return facility
