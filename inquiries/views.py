"""The inquiry form, on the admissions and contact pages, and the page that thanks the
visitor who sent it."""

from django.conf import settings
from django.db import DatabaseError, transaction
from django.shortcuts import redirect
from django.utils import translation
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.generic import CreateView, RedirectView, TemplateView

from facility.models import Facility, Page
from plumbing import outage
from plumbing.languages import default_language
from plumbing.ratelimit import over_limit
from plumbing.seo import MetaMixin, PageMeta

from .forms import InquiryForm, rate_limited_message
from .notifications import notify_staff

ADMISSIONS_PAGE = "admissions"
PRIVACY_NOTICE_PAGE = "inquiry-privacy"


class InquiryNotSaved(Exception):
    """Saving an inquiry failed; the database's own words are left out."""


def staff_page(slug):
    """The staff-written page the code names by its English slug, in the active language
    (its own slug there differs); None when it has no version in that language."""
    page = Page.objects.filter(**{f"slug_{default_language()}": slug}).first()
    return page if page is not None and page.available_in() else None


# Error reports (and the debug page) show "********" for what the visitor typed.
@method_decorator(sensitive_post_parameters(), name="dispatch")
class InquiryFormView(MetaMixin, CreateView):
    """Takes an inquiry: saved before anything else, then staff told (without it)."""

    form_class = InquiryForm

    def form_valid(self, form):
        if form.is_spam():
            # Look like success, so the bot learns nothing; keep nothing.
            return redirect("inquiries:thanks")
        if over_limit(self.request, "contact", settings.CONTACT_RATE_LIMIT):
            form.add_error(None, rate_limited_message(self.facility()))
            return self.render_to_response(self.get_context_data(form=form), status=429)
        form.instance.language = translation.get_language()
        try:
            with transaction.atomic():
                inquiry = form.save()
        except DatabaseError as error:
            # A database error can quote the row it refused, i.e. the visitor's message,
            # and the error log would keep it: raise one that names only the error's kind.
            if isinstance(error, outage.DATABASE_DOWN):
                raise type(error)(type(error).__name__) from None  # the outage page answers
            raise InquiryNotSaved(type(error).__name__) from None
        notify_staff(inquiry, self.request, self.facility())
        return redirect("inquiries:thanks")

    def get_initial(self):
        # /admissions/?center=<slug>: the form asks about that center.
        return {**super().get_initial(), "center": self.request.GET.get("center", "")}

    def facility(self):
        return Facility.for_request(self.request)

    def get_context_data(self, **kwargs):
        return super().get_context_data(privacy_notice=staff_page(PRIVACY_NOTICE_PAGE), **kwargs)


class AdmissionsView(InquiryFormView):
    """The staff-written admissions page with the inquiry form beside it."""

    template_name = "inquiries/admissions.html"

    @cached_property
    def page(self):
        return staff_page(ADMISSIONS_PAGE)

    def get_context_data(self, **kwargs):
        return super().get_context_data(page=self.page, **kwargs)

    def get_meta(self):
        if self.page is None:
            return PageMeta(_("Admissions"), _("Ask us to call you back, confidentially."))
        return PageMeta.describing(self.page)


class ContactView(InquiryFormView):
    template_name = "inquiries/contact.html"

    def get_meta(self):
        return PageMeta(
            _("Contact"),
            _("Call us day or night, or send a confidential message. Address and hours."),
        )


class ThanksView(MetaMixin, TemplateView):
    template_name = "inquiries/thanks.html"

    def get_meta(self):
        return PageMeta(_("Message sent"), noindex=True)


class OldThanksView(RedirectView):
    pattern_name = "inquiries:thanks"
    permanent = True
