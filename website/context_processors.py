from facility.caching import facility_if_readable
from facility.models import Facility

from .navigation import footer_menu, main_menu, mark_current


def facility(request):
    """The center's facts and menus, which the header and footer of every page show."""
    center = Facility.for_request(request)
    return {
        "facility": center,
        "main_menu": mark_current(main_menu(), request.path),
        "footer_menu": footer_menu(),
    }


def when_down(request):
    """The same for the 503 page, without relying on the database: the facility as last
    cached (or read, if the database still answers reads), because someone may need its
    phone number right now."""
    return {
        "facility": facility_if_readable(),
        "main_menu": mark_current(main_menu(), request.path),
        "footer_menu": footer_menu(),
    }
