from .models import Facility
from .navigation import footer_menu, main_menu, mark_current


def facility(request):
    """The center's facts and menus, which the header and footer of every page show."""
    center = Facility.for_request(request)
    return {
        "facility": center,
        "main_menu": mark_current(main_menu(), request.path),
        "footer_menu": footer_menu(),
    }
