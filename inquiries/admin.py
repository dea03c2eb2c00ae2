"""The admissions team's admin: inquiries to work, their notes, and the access log.

Every page that shows inquiries is written to InquiryAccess when it is rendered, whatever
the method that asked for it: the list (with its search, filters, page and the references
on it), an inquiry's page, its history, the page asking to delete it, the autocomplete
that lists references; and every change, export and delete. Only what staff did, saw
and to which reference, never what the inquiry says. Methods the admin does not need
(HEAD, OPTIONS, PUT...) are refused on every inquiry address.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import BooleanField, ExpressionWrapper, Prefetch, Q
from django.forms import Textarea
from django.http import Http404, HttpResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.html import format_html, format_html_join
from django.views.decorators.http import require_http_methods

from .estimates import today_for_estimates
from .exports import inquiries_csv
from .fields import EncryptedTextField
from .models import Inquiry, InquiryAccess, InquiryNote, InsuranceCheck

Action = InquiryAccess.Action


# What the inquiry admin answers to: reading a page and sending its form.
ALLOWED_METHODS = ["GET", "POST"]


def yes_no(value):
    return "yes" if value else "no"


class NamedValuesFilter(admin.AllValuesFieldListFilter):
    """Each value the field holds, the empty one named: an inquiry sent without a level
    of care would otherwise be a link with no text, which no screen reader can name."""

    def choices(self, changelist):
        for choice in super().choices(changelist):
            yield {**choice, "display": choice["display"] or "(not given)"}


class EstimateFilter(admin.SimpleListFilter):
    """Good Faith Estimates asked for: due, overdue (in the estimates office's zone), sent."""

    title = "Good Faith Estimate"
    parameter_name = "estimate"

    def lookups(self, request, model_admin):
        return [("due", "due"), ("overdue", "overdue"), ("sent", "sent")]

    def queryset(self, request, queryset):
        today = today_for_estimates()
        open_ones = queryset.filter(estimate_requested=True, estimate_sent__isnull=True)
        if self.value() == "due":
            return open_ones.filter(estimate_due__gte=today)
        if self.value() == "overdue":
            return open_ones.filter(estimate_due__lt=today)
        if self.value() == "sent":
            return queryset.filter(estimate_sent__isnull=False)
        return queryset


class BenefitsFilter(admin.SimpleListFilter):
    """Inquiries whose insurance check waits for staff, or has been done."""

    title = "insurance check"
    parameter_name = "benefits"

    def lookups(self, request, model_admin):
        return [("waiting", "waiting for a check"), ("checked", "benefits checked")]

    def queryset(self, request, queryset):
        if self.value() == "waiting":
            return queryset.filter(insurance_check__result="")
        if self.value() == "checked":
            return queryset.filter(insurance_check__isnull=False).exclude(
                insurance_check__result=""
            )
        return queryset


class InsuranceCheckInline(admin.StackedInline):
    """What the visitor gave for the check (read only) and the "benefits checked" step.
    No admin address of its own: it is read through the inquiry, with its permissions."""

    model = InsuranceCheck
    can_delete = False
    extra = 0
    max_num = 1
    verbose_name_plural = "insurance check (a check, not a promise of payment)"
    fields = [
        "payer", "member_id", "group_number", "subscriber_name", "subscriber_birth_date",
        "relationship", "card_photos", "result", "checked_by", "checked_at",
    ]  # fmt: skip
    readonly_fields = [
        "payer", "member_id", "group_number", "subscriber_name", "subscriber_birth_date",
        "relationship", "card_photos", "checked_by", "checked_at",
    ]  # fmt: skip

    @admin.display(description="card photos")
    def card_photos(self, check):
        links = [
            format_html(
                '<a href="{}" rel="noreferrer">{}</a>',
                reverse("admin:inquiries_inquiry_card", args=[check.inquiry_id, side]),
                f"{side} of the card",
            )
            for side in ("front", "back")
            if getattr(check, f"card_{side}_type")
        ]
        return format_html_join(" · ", "{}", ((link,) for link in links)) if links else "—"

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("inquiries.view_inquiry")

    def has_change_permission(self, request, obj=None):
        return request.user.has_perm("inquiries.change_inquiry")

    def has_add_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


def listing_shown(changelist):
    """What a page of the inquiry list showed, for the access log: search, filters,
    sort and page, such as 'search "K7Q2M9"; status__exact=new; page 1 of 3'."""
    params = dict(changelist.params)
    parts = []
    if changelist.query:
        parts.append(f'search "{changelist.query}"')
    params.pop("q", None)
    parts += [f"{name}={value}" for name, value in sorted(params.items())]
    pages = changelist.paginator.num_pages if changelist.paginator else 1
    parts.append(f"page {changelist.page_num} of {pages}")
    return "; ".join(parts)[:500]


class LookupPaginator(Paginator):
    """The admin autocomplete's pages of inquiries: each page is logged as it is taken."""

    def __init__(self, request, *args, **kwargs):
        self.request = request
        super().__init__(*args, **kwargs)

    def page(self, number):
        page = super().page(number)
        page.object_list = list(page.object_list)
        term = self.request.GET.get("term", "")
        InquiryAccess.record(
            self.request, Action.LOOKUP, page.object_list, shown=f'search "{term}"; page {number}'
        )
        return page


class InquiryNoteInline(admin.TabularInline):
    model = InquiryNote
    extra = 1
    fields = ["created", "author", "text"]
    readonly_fields = ["created", "author"]
    can_delete = False
    verbose_name_plural = "notes"
    formfield_overrides = {EncryptedTextField: {"widget": Textarea(attrs={"rows": 3, "cols": 80})}}

    def has_change_permission(self, request, obj=None):
        return False  # a note, once written, is the record of what happened


@admin.register(Inquiry)
class InquiryAdmin(admin.ModelAdmin):
    """Health information: found by reference, status, date, assignee and level of care,
    never by what it says (the database holds it encrypted)."""

    list_display = [
        "reference", "created", "for_whom", "first_name", "phone_and_answers", "language",
        "level_of_care", "status", "assignee", "first_contact", "estimate", "benefits",
    ]  # fmt: skip
    list_display_links = ["reference"]
    list_filter = [
        "status", "created", "assignee", "center", ("level_of_care", NamedValuesFilter),
        "language", EstimateFilter, BenefitsFilter,
    ]  # fmt: skip
    # The insurance checks are prefetched, not joined: a join would read their card
    # photos too (the checks' manager leaves them out), and decrypt them all to show a
    # status word.
    list_select_related = ["assignee", "center"]
    search_fields = ["=reference"]
    search_help_text = "Search by reference number, such as K7Q2M9."
    date_hierarchy = "created"
    actions = ["export_csv"]
    inlines = [InsuranceCheckInline, InquiryNoteInline]
    fieldsets = [
        (
            "Call back",
            {"fields": ["first_name", "language", "phone_and_answers", "email", "best_time"]},
        ),
        (
            "What they asked",
            {
                "fields": [
                    "for_whom",
                    "center",
                    "level_of_care",
                    "payment",
                    "plan_name",
                    "message",
                ]
            },
        ),
        (
            "Good Faith Estimate",
            {"fields": ["estimate_requested", "estimate_due", "estimate_sent"]},
        ),
        (
            "Handling",
            {"fields": ["status", "assignee", "first_contact", "created", "notified", "reference"]},
        ),
    ]
    # What the visitor sent is their record: staff add notes, they do not rewrite it.
    readonly_fields = [
        "reference", "for_whom", "first_name", "language", "phone_and_answers", "email",
        "best_time", "center", "level_of_care", "payment", "plan_name", "message", "first_contact",
        "created", "notified", "estimate_requested", "estimate_due",
    ]  # fmt: skip

    @admin.display(description="phone")
    def phone_and_answers(self, inquiry):
        if not inquiry.phone:
            return "—"
        return format_html(
            "{} <small>(voicemail: {}; texts: {})</small>",
            inquiry.phone,
            yes_no(inquiry.voicemail_ok),
            yes_no(inquiry.text_ok),
        )

    @admin.display(description="estimate", ordering="estimate_due")
    def estimate(self, inquiry):
        """A Good Faith Estimate asked for: its due date, or when it was sent."""
        if not inquiry.estimate_requested:
            return "—"
        if inquiry.estimate_sent:
            return f"sent {inquiry.estimate_sent:%b %-d}"
        late = " (overdue)" if getattr(inquiry, "estimate_late", False) else ""
        return f"due {inquiry.estimate_due:%b %-d}{late}"

    @admin.display(description="benefits")
    def benefits(self, inquiry):
        check = getattr(inquiry, "insurance_check", None)
        if check is None:
            return "—"
        return check.get_result_display()

    def get_inline_instances(self, request, obj=None):
        """The insurance check's section only on inquiries that asked for one."""
        inlines = super().get_inline_instances(request, obj)
        has_check = obj is not None and InsuranceCheck.objects.filter(inquiry=obj).exists()
        return [i for i in inlines if has_check or not isinstance(i, InsuranceCheckInline)]

    def card_view(self, request, object_id, side):
        """A card photo, to Admissions alone: logged, never cached, never a public URL."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        inquiry = self.get_object(request, str(object_id))
        # Read without its photos; photo() then reads and decrypts the one shown.
        check = InsuranceCheck.objects.filter(inquiry=inquiry).first() if inquiry else None
        photo = check.photo(side) if check and side in ("front", "back") else None
        if photo is None:
            raise Http404("No such photo.")
        InquiryAccess.record(request, Action.CARD, [inquiry])
        response = HttpResponse(photo[0], content_type=photo[1])
        response["Content-Disposition"] = f'inline; filename="card-{side}"'
        add_never_cache_headers(response)  # private, no-store: no cache keeps a copy
        return response

    def save_formset(self, request, form, formset, change):
        if formset.model is InsuranceCheck:
            return self._save_benefits(request, formset)
        return self._save_notes(request, formset)

    def get_queryset(self, request):
        # Whether an estimate is overdue, worked out once for the whole list.
        late = Q(estimate_sent__isnull=True, estimate_due__lt=today_for_estimates())
        return (
            super()
            .get_queryset(request)
            .annotate(estimate_late=ExpressionWrapper(late, output_field=BooleanField()))
            .prefetch_related(Prefetch("insurance_check", InsuranceCheck.objects.all()))
        )

    def has_add_permission(self, request):
        return False  # inquiries come from visitors

    def has_export_permission(self, request):
        opts = self.opts
        return request.user.has_perm(f"{opts.app_label}.export_{opts.model_name}")

    def get_urls(self):
        """Every inquiry address refuses the methods the admin does not need: Django's
        views would otherwise render a whole page for OPTIONS, PUT or anything else."""
        card = self.admin_site.admin_view(self.card_view)
        urls = [
            path("<int:object_id>/card/<str:side>/", card, name="inquiries_inquiry_card"),
            *super().get_urls(),
        ]
        for pattern in urls:
            pattern.callback = require_http_methods(ALLOWED_METHODS)(pattern.callback)
        return urls

    def get_paginator(self, request, queryset, per_page, orphans=0, allow_empty_first_page=True):
        match = request.resolver_match
        if match is not None and match.url_name == "autocomplete":
            return LookupPaginator(request, queryset, per_page, orphans, allow_empty_first_page)
        return super().get_paginator(request, queryset, per_page, orphans, allow_empty_first_page)

    def log_when_rendered(self, request, response, action, inquiries_in_context):
        """Log `action` once `response` is rendered, on the inquiries its context names."""
        if not hasattr(response, "add_post_render_callback"):
            return

        def record(rendered):
            if rendered.status_code == 200:
                inquiries, shown = inquiries_in_context(rendered.context_data)
                InquiryAccess.record(request, action, inquiries, shown=shown)

        response.add_post_render_callback(record)

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)

        def listed(context):
            changelist = context.get("cl")
            if changelist is None:  # the page asking to confirm a bulk delete
                return context.get("queryset", ()), "asked to confirm deleting them"
            return changelist.result_list, listing_shown(changelist)

        action = Action.LIST
        if request.method == "POST" and "cl" not in getattr(response, "context_data", {}):
            action = Action.CONFIRM_DELETE
        self.log_when_rendered(request, response, action, listed)
        return response

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        inquiry = getattr(response, "context_data", {}).get("original")
        if response.status_code == 200 and inquiry is not None and inquiry.unreadable_fields():
            messages.warning(
                request,
                f"{inquiry}: {', '.join(str(f) for f in inquiry.unreadable_fields())} cannot "
                "be read (encrypted with a key the site no longer has, or damaged). You may "
                "delete it; manage.py unreadable_inquiries lists every such inquiry.",
            )
        self.log_when_rendered(request, response, Action.VIEW, lambda c: ([c["original"]], ""))
        if request.method == "POST" and response.status_code == 302:
            InquiryAccess.record(request, Action.CHANGE, [self.get_object(request, object_id)])
        return response

    def history_view(self, request, object_id, extra_context=None):
        response = super().history_view(request, object_id, extra_context)
        self.log_when_rendered(request, response, Action.HISTORY, lambda c: ([c["object"]], ""))
        return response

    def delete_view(self, request, object_id, extra_context=None):
        response = super().delete_view(request, object_id, extra_context)
        self.log_when_rendered(
            request, response, Action.CONFIRM_DELETE, lambda c: ([c["object"]], "")
        )
        return response

    def _save_benefits(self, request, formset):
        """The "benefits checked" step: who checked and when, set whenever the result
        changes."""
        formset.save(commit=False)  # for the admin's record of what changed
        for subform in formset.forms:
            if subform.has_changed() and "result" in subform.changed_data:
                check = subform.instance
                check.result = subform.cleaned_data["result"]
                check.checked_by = request.user.get_username() if check.result else ""
                check.checked_at = timezone.now() if check.result else None
                check.save(update_fields=["result", "checked_by", "checked_at"])

    def _save_notes(self, request, formset):
        notes = formset.save(commit=False)
        for note in notes:
            note.author = request.user
            note.save()
        formset.save_m2m()

    def delete_model(self, request, obj):
        InquiryAccess.record(request, Action.DELETE, [obj])
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        # By reference alone: deleting never needs to read (decrypt) an inquiry.
        queryset = queryset.select_related(None).only("pk", "reference")
        InquiryAccess.record(request, Action.DELETE, queryset)
        super().delete_queryset(request, queryset)

    @admin.action(description="Export selected inquiries as CSV", permissions=["export"])
    def export_csv(self, request, queryset):
        inquiries = list(queryset.select_related("assignee", "center").order_by("created"))
        InquiryAccess.record(request, Action.EXPORT, inquiries)
        day = timezone.localdate().isoformat()
        response = HttpResponse(
            inquiries_csv(inquiries),
            content_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="inquiries-{day}.csv"'},
        )
        add_never_cache_headers(response)  # no-store: no cache keeps a copy
        return response


@admin.register(InquiryAccess)
class InquiryAccessAdmin(admin.ModelAdmin):
    """The access log: superusers read it; nobody adds, changes or deletes an entry."""

    list_display = ["when", "username", "action", "reference", "inquiry_id", "shown"]
    list_filter = ["action", "when"]
    search_fields = ["=reference", "=username"]
    date_hierarchy = "when"
    readonly_fields = list_display

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
