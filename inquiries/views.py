"""The contact form, and the page that thanks the visitor who sent it."""

from django.conf import settings
from django.db import DatabaseError, transaction
from django.shortcuts import redirect
from django.utils.decorators import method_decorator
from django.views.decorators.debug import sensitive_post_parameters
from django.views.generic import CreateView, TemplateView

from facility.models import Facility
from plumbing import outage
from plumbing.ratelimit import over_limit
from plumbing.seo import MetaMixin, PageMeta

from .forms import ContactForm, rate_limited_message
from .notifications import notify_staff


class ContactMessageNotSaved(Exception):
    """Saving a contact message failed; the database's own words are left out."""


# Error reports (and the debug page) show "********" for what the visitor typed.
@method_decorator(sensitive_post_parameters(), name="dispatch")
class ContactView(MetaMixin, CreateView):
    form_class = ContactForm
    template_name = "inquiries/contact.html"

    def form_valid(self, form):
        if form.is_spam():
            # Look like success, so the bot learns nothing; keep nothing.
            return redirect("inquiries:contact_thanks")
        if over_limit(self.request, "contact", settings.CONTACT_RATE_LIMIT):
            form.add_error(None, rate_limited_message(Facility.for_request(self.request)))
            return self.render_to_response(self.get_context_data(form=form), status=429)
        try:
            with transaction.atomic():
                message = form.save()
        except DatabaseError as error:
            # A database error can quote the row it refused, i.e. the visitor's message,
            # and the error log would keep it: raise one that names only the error's kind.
            if isinstance(error, outage.DATABASE_DOWN):
                raise type(error)(type(error).__name__) from None  # the outage page answers
            raise ContactMessageNotSaved(type(error).__name__) from None
        notify_staff(message, self.request, Facility.for_request(self.request))
        return redirect("inquiries:contact_thanks")

    def get_meta(self):
        return PageMeta(
            "Contact", "Call us day or night, or send a confidential message. Address and hours."
        )


class ContactThanksView(MetaMixin, TemplateView):
    template_name = "inquiries/contact_thanks.html"

    def get_meta(self):
        return PageMeta("Message sent", noindex=True)
