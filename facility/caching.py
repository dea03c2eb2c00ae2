"""What the center's data makes stale in the cache, and the cached facility itself.

The header and footer of every page show the facility and its hours: they are one
cache entry, rebuilt after any save of either (plumbing/cache.py keeps the versions).
"""

from datetime import datetime, time, timedelta

from django.apps import apps
from django.core.cache import cache
from django.db.models import Min, Q
from django.utils import timezone

from plumbing import cache as site_cache

FACILITY_KEY = "facility"
# Saves replace the cached facility at once; the timeout only bounds how long a change
# made behind Django's back (a restored backup, SQL by hand) can go unseen.
FACILITY_SECONDS = 24 * 3600
FACILITY_TAGS = {"facility"}


def register():
    site_cache.track("facility.Facility", {"facility"})
    site_cache.track("facility.Center", {"facility"})
    site_cache.track("facility.OpeningHours", {"facility"})
    site_cache.track("facility.Holiday", {"facility"})
    site_cache.track("facility.Credential", {"facility"})
    site_cache.track("facility.InsurancePlan", {"facility"})
    site_cache.track("facility.Service", {"services"})
    site_cache.track("facility.Page", {"pages"})
    site_cache.track("facility.GalleryPhoto", {"photos"})
    site_cache.track("facility.StaffProfile", {"staff"})
    site_cache.cache_pages(
        {
            "facility:services": {"services"},
            "facility:service": {"services"},
            "facility:tour": {"photos"},
            "facility:page": {"pages"},
            "facility:centers": {"open_now"},
            "facility:team": {"staff"},
            "facility:center": {"open_now", "photos", "services", "plans"},
            # What it shows is the facility's, which every page shows already.
            "facility:language_assistance": set(),
        },
        every_page=FACILITY_TAGS,
    )
    # Pages saying whether a center is open now must not outlive its next opening or
    # closing.
    site_cache.expires_when("open_now", next_open_or_close)
    # Every footer names the licenses and accreditations in force: one that ends leaves
    # every page the next day.
    site_cache.expires_when("facility", next_credential_expiry)
    # A center's page names the insurance plans in network today: one leaves it the day
    # after its last day, one that joins appears on its first.
    site_cache.expires_when("plans", next_plan_change)


def next_open_or_close():
    """The first moment any center opens or closes, or None."""
    facility = cached_facility()
    changes = [center.next_change() for center in facility.centers] if facility else []
    return min((change for change in changes if change is not None), default=None)


def next_credential_expiry():
    """The first moment a shown license or accreditation leaves the pages, or None."""
    return _credential_expiry(cached_facility())


def next_plan_change():
    """The first midnight, in the site's zone, at which a plan joins or leaves the pages
    that name the plans in network, or None."""
    InsurancePlan = apps.get_model("facility", "InsurancePlan")
    today = timezone.localdate()
    found = InsurancePlan.objects.aggregate(
        ends=Min("in_network_until", filter=Q(in_network_until__gte=today)),
        starts=Min("in_network_from", filter=Q(in_network_from__gt=today)),
    )
    # The first day a plan is no longer shown, or is shown for the first time.
    days = [found["starts"]] if found["starts"] is not None else []
    if found["ends"] is not None:
        days.append(found["ends"] + timedelta(days=1))
    if not days:
        return None
    return datetime.combine(min(days), time(0), timezone.get_current_timezone())


def _credential_expiry(facility):
    last_days = [
        credential.valid_until
        for center in (facility.centers if facility else [])
        for credential in center.current_credentials()
        if credential.valid_until is not None
    ]
    if not last_days:
        return None
    return datetime.combine(
        min(last_days) + timedelta(days=1), time(0), timezone.get_current_timezone()
    )


def cached_facility():
    """The facility with its centers and their hours, from the cache when it is current."""
    facility, built_from = site_cache.fetch(FACILITY_KEY, FACILITY_TAGS)
    if facility is not site_cache.MISSING and _outlived(facility):
        facility = site_cache.MISSING
    if facility is site_cache.MISSING:
        Facility = apps.get_model("facility", "Facility")
        facility = Facility.objects.first()
        seconds = FACILITY_SECONDS
        if facility is not None:
            facility.keep_centers()
            # Kept no longer than its first credential is shown (not site_cache.lifetime(),
            # which would ask for this very facility).
            facility.fresh_until = _credential_expiry(facility)
            if facility.fresh_until is not None:
                left = (facility.fresh_until - timezone.now()).total_seconds()
                seconds = max(1, min(seconds, int(left) + 1))
        site_cache.store(FACILITY_KEY, built_from, facility, seconds)
    return facility


def _outlived(facility):
    fresh_until = getattr(facility, "fresh_until", None)
    return fresh_until is not None and timezone.now() >= fresh_until


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
