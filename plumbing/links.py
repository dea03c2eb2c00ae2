"""The links every page shows, worked out once per way of writing addresses.

The header and footer link to the same dozen pages on every page, and Django's reverse()
takes tens of microseconds a link: the menus took a twentieth of a page built without
the cache. An address depends only on the URL configuration, the script prefix the site
answers under and the active language (for addresses with a language prefix), so each is
worked out once for each combination of those; any change of settings (tests change
them) starts afresh. Only addresses are kept, never anything read from the database.
"""

from functools import lru_cache, wraps

from django.conf import settings
from django.core.signals import setting_changed
from django.urls import get_script_prefix, get_urlconf
from django.urls import reverse as django_reverse
from django.utils.translation import get_language


def _scheme():
    return (get_urlconf() or settings.ROOT_URLCONF, get_script_prefix(), get_language())


def reverse(viewname, args=()):
    """What django.urls.reverse(viewname, args=args) answers now."""
    return _reverse(viewname, tuple(args), *_scheme())


@lru_cache(maxsize=256)
def _reverse(viewname, args, urlconf, prefix, language):
    return django_reverse(viewname, urlconf=urlconf, args=args)


_remembered = []


def addresses_only(function):
    """For a function whose answer depends on its arguments and addresses alone (a menu):
    its answer, as a tuple, kept for each way of writing addresses."""

    @lru_cache(maxsize=64)
    def remembered(scheme, *args):
        return tuple(function(*args))

    _remembered.append(remembered)

    @wraps(function)
    def wrapper(*args):
        return remembered(_scheme(), *args)

    return wrapper


def _forget(**kwargs):
    _reverse.cache_clear()
    for remembered in _remembered:
        remembered.cache_clear()


setting_changed.connect(_forget, dispatch_uid="plumbing.links")
