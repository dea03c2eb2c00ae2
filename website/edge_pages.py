"""The pages the edge (deploy/varnish/default.vcl) gives visitors when it cannot let the
site answer: the outage page while no application server answers, and the "too long"
page for a body past the edge's limit. They are the site's own 503 and 413 pages
(templates/503.html, templates/413.html), in each language, with the center's phone as
it is now, served at fixed addresses only the edge asks for (under /edge/, refused to
visitors there).

The edge keeps them as long as it runs and serves them, status rewritten, whatever the
visitor asked for. It asks for them again every 30 s while the site answers, and the
site asks it to after every purge (plumbing/edge.py), so a phone changed in the admin
reaches them within a second or two, and within a minute at worst.
"""

from django.conf import settings
from django.db import DatabaseError
from django.http import Http404, HttpResponse
from django.template import loader
from django.utils import translation

from facility.models import Facility
from plumbing import edge, invalidation
from plumbing.outage import page_context_when_down

TEMPLATES = {"outage": "503.html", "too-long": "413.html"}
# Short: what the edge serves in an outage is what it fetched last.
SECONDS = 60


def page(request, page, language):
    if page not in TEMPLATES or language not in dict(settings.LANGUAGES):
        raise Http404
    started = edge.now()
    with translation.override(language):
        html = loader.render_to_string(TEMPLATES[page], context(request))
    response = HttpResponse(html)
    response["X-Robots-Tag"] = "noindex"
    # Every save of what the page shows (the facility, the footer's pages) purges it.
    return edge.shared(response, invalidation.EVERY_PAGE, SECONDS, started=started)


def context(request):
    """The 503 page's context, built without relying on the database (menus, the
    facility as last cached), with the facility as it is now when it can be read: the
    edge serves this page after the save that changed the phone."""
    context = page_context_when_down(request)
    try:
        facility = Facility.cached()
    except DatabaseError:
        return context
    if facility is not None:
        context.update(facility=facility, center=facility.main_center)
    return context
