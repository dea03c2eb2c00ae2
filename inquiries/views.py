"""The inquiry form, on the admissions and contact pages, and the page that thanks the
visitor who sent it."""

import logging

from django.conf import settings
from django.db import DatabaseError, transaction
from django.shortcuts import redirect
from django.utils import translation
from django.utils.decorators import method_decorator
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.generic import CreateView, RedirectView, TemplateView

from facility.models import Facility, Page, Payment
from plumbing import invalidation, outage
from plumbing.body_limit import limit_body
from plumbing.languages import default_language
from plumbing.ratelimit import over_limit
from plumbing.seo import MetaMixin, PageMeta

from .eligibility import ask
from .forms import InquiryForm, rate_limited_message
from .insurance_form import check_from, wants_check
from .notifications import notify_staff

logger = logging.getLogger(__name__)
ADMISSIONS_PAGE = "admissions"
PRIVACY_NOTICE_PAGE = "inquiry-privacy"


# Far more than the form's fields can hold (its longest, the message, is 2,000
# characters: at most 18 kB sent, every character of it escaped), far less than staff
# uploads need (DATA_UPLOAD_MAX_MEMORY_SIZE): a longer body is refused unread. Sent with
# the insurance card's two photos (multipart), each at most IMAGE_MAX_UPLOAD_BYTES, more.
limited = limit_body(64 * 1024, files_bytes=2 * settings.IMAGE_MAX_UPLOAD_BYTES)
# Every post is counted before the form is read, valid or not: checking the card photos
# is the costly part of a post, and a form sent back with a mistake costs it too. Posts
# may be this many times the inquiries a client may send (CONTACT_RATE_LIMIT), so that
# a visitor correcting a mistake or two never meets this limit first.
POSTS_PER_INQUIRY = 3


def ask_eligibility_service(check):
    """Ask the eligibility service, if one is configured; a failure leaves the check to
    staff and is logged without anything the inquiry says."""
    try:
        ask(check)
    except Exception:
        logger.exception("The eligibility service failed on inquiry %s.", check.inquiry_id)


class InquiryNotSaved(Exception):
    """Saving an inquiry failed; the database's own words are left out."""


def staff_page(slug):
    """The staff-written page the code names by its English slug, in the active language
    (its own slug there differs); None when it has no version in that language.

    Kept in the shared cache with the version of the pages it was read at, as fragments
    are (FRAGMENT_CACHE_SECONDS): the admissions page, never kept whole (its form carries
    each visitor's CSRF token), then costs no query."""
    if not settings.FRAGMENT_CACHE_SECONDS:
        return read_staff_page(slug)
    key = f"staff-page:{slug}:{translation.get_language()}"
    page, built_from = invalidation.fetch(key, {"pages"})
    if page is invalidation.MISSING:
        page = read_staff_page(slug)
        invalidation.store(key, built_from, page, settings.FRAGMENT_CACHE_SECONDS)
    return page


def read_staff_page(slug):
    page = Page.objects.filter(**{f"slug_{default_language()}": slug}).first()
    return page if page is not None and page.available_in() else None


# Error reports (and the debug page) show "********" for what the visitor typed.
@method_decorator(sensitive_post_parameters(), name="dispatch")
class InquiryFormView(MetaMixin, CreateView):
    """Takes an inquiry: saved before anything else, then staff told (without it)."""

    form_class = InquiryForm

    def post(self, request, *args, **kwargs):
        count, seconds = settings.CONTACT_RATE_LIMIT
        if over_limit(request, "contact-post", (POSTS_PER_INQUIRY * count, seconds)):
            # What was typed comes back; the photos are not looked at.
            self.object = None
            form = self.get_form_class()(**{**self.get_form_kwargs(), "files": None})
            return self.rate_limited(form)
        return super().post(request, *args, **kwargs)

    def rate_limited(self, form):
        form.add_error(None, rate_limited_message(self.facility()))
        return self.render_to_response(self.get_context_data(form=form), status=429)

    def form_valid(self, form):
        if form.is_spam():
            # Look like success, so the bot learns nothing; keep nothing.
            return redirect("inquiries:thanks")
        if over_limit(self.request, "contact", settings.CONTACT_RATE_LIMIT):
            return self.rate_limited(form)
        form.instance.language = translation.get_language()
        try:
            with transaction.atomic():
                inquiry = form.save()
                check = None
                if wants_check(form.cleaned_data):
                    check = check_from(form.cleaned_data, inquiry)
                    check.save()
        except DatabaseError as error:
            # A database error can quote the row it refused, i.e. the visitor's message,
            # and the error log would keep it: raise one that names only the error's kind.
            if isinstance(error, outage.DATABASE_DOWN):
                raise type(error)(type(error).__name__) from None  # the outage page answers
            raise InquiryNotSaved(type(error).__name__) from None
        notify_staff(inquiry, self.request, self.facility())
        if check is not None:
            ask_eligibility_service(check)
            return redirect("inquiries:thanks_insurance")  # a check, not a promise of payment
        if inquiry.payment == Payment.SELF_PAY:
            return redirect("inquiries:thanks_self_pay")  # with the Good Faith Estimate notice
        return redirect("inquiries:thanks")

    def get_initial(self):
        # /admissions/?center=<slug>: the form asks about that center.
        return {**super().get_initial(), "center": self.chosen_center()}

    def chosen_center(self):
        return self.request.GET.get("center", "")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "centers": self.centers()}

    def facility(self):
        return Facility.for_request(self.request)

    def centers(self):
        """The centers the form offers and checks against, as the cached facility holds
        them (read once per request for the header anyway); None without a facility."""
        facility = self.facility()
        return None if facility is None else facility.centers

    def get_context_data(self, **kwargs):
        # The empty form's fields are the same for every visitor asking about the same
        # center: kept in the cache (plumbing/fragments.py), keyed on that center, and the
        # form itself is made only if they are not there. One with what a visitor typed
        # (given here as `form`) is never kept, nor one for a made-up center in the address.
        empty = "form" not in kwargs
        if empty:
            kwargs["form"] = SimpleLazyObject(self.get_form)
        chosen = self.chosen_center()
        known = chosen == "" or any(center.slug == chosen for center in self.centers() or ())
        return super().get_context_data(
            # Read only if the template shows it: mostly it comes from the cache.
            privacy_notice=SimpleLazyObject(lambda: staff_page(PRIVACY_NOTICE_PAGE)),
            empty_form=empty and known and bool(settings.FRAGMENT_CACHE_SECONDS),
            form_center=chosen,
            **kwargs,
        )


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
    self_pay = False  # the self-pay inquiry's page adds the Good Faith Estimate notice
    insurance = False  # the page after an insurance check: a check, not a promise

    def get_context_data(self, **kwargs):
        return super().get_context_data(self_pay=self.self_pay, insurance=self.insurance, **kwargs)

    def get_meta(self):
        return PageMeta(_("Message sent"), noindex=True)


class OldThanksView(RedirectView):
    pattern_name = "inquiries:thanks"
    permanent = True
