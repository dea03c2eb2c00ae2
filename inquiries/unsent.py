"""The inquiry form given back with what the visitor typed, when it could not be taken.

A visitor may have written about an overdose in the family; when the inquiry cannot be
saved (a failed CSRF check, the database down or locked, an error on our side), the
answer is the page they sent it from (admissions or contact) again, in the site's
layout, with the phone number, the crisis lines, what they typed back in the form and a
fresh CSRF token, so that pressing Send again works. What they typed is only written
back into the page: never saved, never logged.
"""

from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.template import loader
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from plumbing.outage import page_context_when_down
from plumbing.seo import PageMeta

from .choices import NOT_SURE, not_sure, payment_choices
from .forms import InquiryForm
from .models import Inquiry

NOT_SENT = {
    403: _(
        "This page was open for a long time, or your browser did not keep our security "
        "cookie. What you wrote is still below: please press Send message again."
    ),
    500: _(
        "Something went wrong on our side. What you wrote is still below: please press "
        "Send message again."
    ),
    503: _(
        "Our website could not take your message just now. What you wrote is still "
        "below: please press Send message again in a minute."
    ),
}


# The pages whose form posts to themselves: {URL name: (template, title)}.
FORM_PAGES = {
    "inquiries:admissions": ("inquiries/admissions.html", _("Admissions")),
    "inquiries:contact": ("inquiries/contact.html", _("Contact")),
}
CHECKBOXES = {"voicemail_ok", "text_ok"}


def form_page(request):
    """The URL name of the inquiry page `request` posted to, else None."""
    if request.method != "POST":
        return None
    for name in FORM_PAGES:
        if request.path == reverse(name):
            return name
    return None


def give_back(request, status):
    """The inquiry form again for an inquiry that could not be taken, else None
    (registered with plumbing/outage.py, which the 403, 500 and 503 answers ask)."""
    name = form_page(request)
    return form_again(request, status, name) if name else None


def form_again(request, status, name):
    """The inquiry page answering `status`, its form filled in with what was posted.

    Built without the database: the facility and menus are those the 503 page shows,
    the staff-written texts are left out, and the form is unbound, its fields only
    showing the posted values, so nothing is validated or looked up.
    """
    template, title = FORM_PAGES[name]
    typed = {
        field: request.POST.get(field, "")
        for field in InquiryForm.base_fields
        if field != "website" and field not in CHECKBOXES
    }
    typed |= {field: bool(request.POST.get(field)) for field in CHECKBOXES}
    # The choices the visitor made, offered again as they were: nothing is looked up, and
    # only what the field can hold goes back into the page (the others are cut by the
    # form itself).
    level = typed.get("level_of_care")[: Inquiry._meta.get_field("level_of_care").max_length]
    level = level or NOT_SURE
    levels = [not_sure()] if level == NOT_SURE else [(level, level), not_sure()]
    center = typed.get("center") or ""
    offer = {
        "centers": [(center, center)] if center else [],
        "levels": levels,
        "payments": payment_choices(),  # the whole list: it is in the code, not the database
    }
    context = page_context_when_down(request)
    facility = context.get("facility")
    notice = NOT_SENT[status]
    if facility is not None:
        notice += " " + gettext("If it cannot wait, please call us at %(phone)s.") % {
            "phone": facility.phone
        }
    context |= {
        "form": InquiryForm(initial=typed, offer=offer),
        "not_sent": notice,
        "meta": PageMeta(title, noindex=True),
        # A token for the cookie this answer sets: the second press passes the check.
        "csrf_token": get_token(request),
    }
    response = HttpResponse(loader.render_to_string(template, context), status=status)
    add_never_cache_headers(response)
    return response
