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

from .forms import ContactForm
from .navigation import footer_menu, main_menu, mark_current
from .seo import PageMeta

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
    return request.method == "POST" and request.path == reverse("facility:contact")


def contact_form_again(request, status, facility):
    """The contact page answering `status`, its form filled in with what was posted.

    Built without the database: `facility` is given by the caller, and the form is
    unbound, its fields only showing the posted values, so nothing is validated (a
    constraint check would query the database).
    """
    fields = ContactForm.base_fields
    typed = {name: request.POST.get(name, "") for name in fields if name != "website"}
    notice = NOT_SENT[status]
    if facility is not None:
        notice += f" If it cannot wait, please call us at {facility.phone}."
    context = {
        "request": request,
        "facility": facility,
        "main_menu": mark_current(main_menu(), request.path),
        "footer_menu": footer_menu(),
        "form": ContactForm(initial=typed),
        "not_sent": notice,
        "meta": PageMeta("Contact", noindex=True),
        # A token for the cookie this answer sets: the second press passes the check.
        "csrf_token": get_token(request),
    }
    response = HttpResponse(
        loader.render_to_string("facility/contact.html", context), status=status
    )
    add_never_cache_headers(response)
    return response
