from functools import partial

from django.utils.translation import get_language

from facility.caching import facility_if_readable
from facility.models import Facility
from plumbing import fragments

from .navigation import footer_menu, main_menu, mark_current, notices


def facility(request):
    """The center's facts and menus, which the header and footer of every page show."""
    facility = Facility.for_request(request)
    several = facility is not None and facility.has_several_centers
    slugs = facility.page_slugs(get_language()) if facility else ()
    return {
        "facility": facility,
        # The center whose phone the header and crisis line give; a center's own page
        # puts itself here.
        "center": facility.main_center if facility else None,
        "main_menu": mark_current(main_menu(several, slugs), request.path),
        # Built only if the footer is (the template calls them): it is mostly cached.
        "footer_menu": partial(footer_menu, several, slugs),
        "notices": partial(notices, slugs),
        **fragments.context(),
    }


def when_down(request):
    """The same for the 503 page, without relying on the database: the facility as last
    cached (or read, if the database still answers reads), because someone may need its
    phone number right now."""
    facility = facility_if_readable()
    slugs = facility.page_slugs(get_language()) if facility else ()
    return {
        "facility": facility,
        "center": facility.main_center if facility else None,
        "main_menu": mark_current(main_menu(False, slugs), request.path),
        "footer_menu": footer_menu(False, slugs),
        "notices": notices(slugs),
        # Nothing kept while the site is down: the footer is built from what is known.
        "fragment_seconds": 0,
    }
