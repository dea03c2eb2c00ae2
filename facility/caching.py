"""What the center's data makes stale in the cache, and the cached facility itself.

The header and footer of every page show the facility and its hours: they are one
cache entry, rebuilt after any save of either (plumbing/invalidation.py keeps the versions).
"""

from datetime import datetime, time, timedelta

from django.core.cache import cache
from django.db.models import Min, Q
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from plumbing import invalidation
from plumbing.languages import other_languages

from .models import Availability, Facility, InsurancePlan, Page
from .models.content import FACILITY_KEY, FACILITY_TAGS, LINKED_FROM_EVERY_PAGE


def register():
    invalidation.track("facility.Facility", {"facility"})
    invalidation.track("facility.Center", {"facility"})
    invalidation.track("facility.OpeningHours", {"facility"})
    invalidation.track("facility.Holiday", {"facility"})
    invalidation.track("facility.Credential", {"facility"})
    invalidation.track("facility.InsurancePlan", {"facility"})
    invalidation.track("facility.Availability", {"availability"})
    invalidation.track("facility.PriceRange", {"prices"})
    invalidation.track("facility.Service", {"services"})
    invalidation.track("facility.Page", {"pages"})
    # The menus on every page link a few staff pages by their slugs, read with the
    # facility: a change of one of those addresses makes every page stale.
    for signal in (post_save, post_delete):
        signal.connect(linked_page_changed, sender=Page, dispatch_uid=f"linked:{signal}")
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
            "facility:center": {
                "open_now",
                "photos",
                "services",
                "plans",
                "availability",
                "prices",
            },
            # What it shows is the facility's, which every page shows already.
            "facility:language_assistance": set(),
            # Every center's facts, which the facility's tag covers (centers, credentials).
            "locations_json": set(),
            "locations_csv": set(),
        },
        every_page=FACILITY_TAGS,
    )
    # Pages saying whether a center is open now must not outlive its next opening or
    # closing.
    invalidation.expires_when("open_now", next_open_or_close)
    # Every footer names the licenses and accreditations in force: one that ends leaves
    # every page the next day.
    invalidation.expires_when("facility", next_credential_expiry)
    # A center's page names the insurance plans in network today: one leaves it the day
    # after its last day, one that joins appears on its first.
    invalidation.expires_when("plans", next_plan_change)
    # Pages saying whether there is room must not outlive the answer: one older than
    # AVAILABILITY_MAX_AGE_HOURS gives way to "call to ask".
    invalidation.expires_when("availability", next_availability_stale)


def linked_page_changed(sender, instance, signal, **kwargs):
    """After a save or delete of a staff page the menus link: when its address in a
    language is no longer the one the cached facility holds, every page is stale."""
    facility = last_known_facility()
    if instance.slug_en not in LINKED_FROM_EVERY_PAGE or facility is None:
        return
    for code in other_languages():
        kept = dict(facility.page_slugs(code)).get(instance.slug_en)
        shown = signal is post_save and instance.available_in(code)
        if kept != (getattr(instance, f"slug_{code}") if shown else None):
            invalidation.bump(*FACILITY_TAGS)
            return


def next_availability_stale():
    """The first moment a shown answer to "is there room?" becomes too old, or None."""
    return Availability.objects.next_stale()


def next_open_or_close():
    """The first moment any center opens or closes, or None."""
    facility = cached_facility()
    changes = [center.next_change() for center in facility.centers] if facility else []
    return min((change for change in changes if change is not None), default=None)


def next_credential_expiry():
    """The first moment a shown license or accreditation leaves the pages, or None."""
    facility = cached_facility()
    return facility.credentials_end() if facility else None


def next_plan_change():
    """The first midnight, in the site's zone, at which a plan joins or leaves the pages
    that name the plans in network, or None."""
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
