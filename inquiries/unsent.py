"""The contact form given back with what the visitor typed, when it could not be taken.

A visitor may have written about an overdose in the family; when the message cannot be
saved (a failed CSRF check, the database down or locked, an error on our side), the
answer is the contact page again, in the site's layout, with the phone number, the crisis
lines, what they typed back in the form and a fresh CSRF token, so that pressing Send
again works. What they typed is only written back into the page: never saved, never
logged.
"""

from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.template import loader
from django.urls import reverse
from django.utils.cache import add_never_cache_headers

from plumbing.outage import page_context_when_down
from plumbing.seo import PageMeta

from .forms import ContactForm

NOT_SENT = {
    403: (
        "This page was open for a long time, or your browser did not keep our security "
        "cookie. What you wrote is still below: please press Send message again."
    ),
    500: (
        "Something went wrong on our side. What you wrote is still below: please press "
        "Send message again."
    ),
    503: (
        "Our website could not take your message just now. What you wrote is still "
        "below: please press Send message again in a minute."
    ),
}


def is_contact_post(request):
    return request.method == "POST" and request.path == reverse("inquiries:contact")


def give_back(request, status):
    """The contact form again for a contact message that could not be taken, else None
    (registered with plumbing/outage.py, which the 403, 500 and 503 answers ask)."""
    return contact_form_again(request, status) if is_contact_post(request) else None


def contact_form_again(request, status):
    """The contact page answering `status`, its form filled in with what was posted.

    Built without the database: the facility and menus are those the 503 page shows,
    and the form is unbound, its fields only showing the posted values, so nothing is
    validated (a constraint check would query the database).
    """
    fields = ContactForm.base_fields
    typed = {name: request.POST.get(name, "") for name in fields if name != "website"}
    context = page_context_when_down(request)
    facility = context.get("facility")
    notice = NOT_SENT[status]
    if facility is not None:
        notice += f" If it cannot wait, please call us at {facility.phone}."
    context |= {
        "form": ContactForm(initial=typed),
        "not_sent": notice,
        "meta": PageMeta("Contact", noindex=True),
        # A token for the cookie this answer sets: the second press passes the check.
        "csrf_token": get_token(request),
    }
    response = HttpResponse(
        loader.render_to_string("inquiries/contact.html", context), status=status
    )
    add_never_cache_headers(response)
    return response
