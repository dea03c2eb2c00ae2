"""The checks in the admin of every model with public texts (scope.py): a Checks panel
on each change form, computed on the server whenever the form is shown or saved (and so
before a preview), and a publisher's acknowledgement before claims go out. Rows edited
in another's form (a center's holidays) are checked by their inline forms, and their
claims wait for the box on the parent's panel.

The admin classes of the apps below stay as they are: `install()` registers each again
with the mixins here in front, so those apps know nothing of the checks.
"""

import copy

import reversion
from django import forms
from django.contrib import admin, messages
from django.forms.models import construct_instance

from website.models import ClaimAcknowledgement

from .content import (
    Context,
    acknowledged,
    check,
    checked,
    child_findings,
    is_open,
    open_claims,
)
from .rules import summary
from .scope import CHECKED, root

PUBLISH_PERMISSION = "articles.publish_post"
ACKNOWLEDGE_LABEL = (
    "I have read the claim findings above and take responsibility for publishing these "
    "words; my name and the findings are kept in the history."
)
ACKNOWLEDGE_FIRST = (
    "This has claim findings (see Checks above). To publish it, tick the box that "
    "acknowledges them, or change the words."
)
PUBLISHER_MUST_ACKNOWLEDGE = (
    "This has claim findings (see Checks above) that a publisher must acknowledge before "
    "it goes out. Change the words, or ask a publisher to publish it."
)


def can_acknowledge(user):
    return user.has_perm(PUBLISH_PERMISSION)


def field_label(finding):
    label = f"{finding.field.replace('_', ' ').capitalize()} [{finding.language}]"
    return f"{label}, {finding.place}" if finding.place else label


class ChecksForm:
    """Runs the checks on what was typed, and holds back unacknowledged claims."""

    check_findings = None
    check_acknowledged = ()
    open_claims = ()

    @property
    def changed_data(self):
        # The acknowledgement is said in the history's comment, not as a changed field.
        return [name for name in super().changed_data if name != "acknowledge_claims"]

    def clean(self):
        cleaned = super().clean()
        draft = copy.copy(self.instance)
        construct_instance(self, draft)
        context = Context()
        # The rows edited in this form (a center's holidays) are checked by their own forms.
        self.check_findings = check(draft, context, children=False)
        claims = open_claims(draft, self.check_findings, context)
        self.check_acknowledged = [f for f in self.check_findings if not is_open(draft, f, context)]
        if claims and checked(draft).publishes(draft):
            self.open_claims = claims
            if not can_acknowledge(self.user):
                raise forms.ValidationError(PUBLISHER_MUST_ACKNOWLEDGE)
            if not cleaned.get("acknowledge_claims"):
                self.add_error("acknowledge_claims", ACKNOWLEDGE_FIRST)
        return cleaned


class ChecksInlineForm:
    """The same for a row edited in its parent's form (a center's holiday): its claims
    wait for the acknowledgement box of the parent's Checks panel."""

    check_findings = None
    check_acknowledged = ()
    open_claims = ()

    def __init__(self, *args, checks_user=None, checks_ticked=False, checks_context=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.checks_user, self.checks_ticked = checks_user, checks_ticked
        self.checks_context = checks_context

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("DELETE"):
            return cleaned
        draft = copy.copy(self.instance)
        construct_instance(self, draft)
        context = self.checks_context or Context()
        self.check_findings = child_findings(draft, context)
        self.check_acknowledged = [f for f in self.check_findings if not is_open(draft, f, context)]
        self.open_claims = open_claims(draft, self.check_findings, context)
        if self.open_claims:
            if not can_acknowledge(self.checks_user):
                raise forms.ValidationError(PUBLISHER_MUST_ACKNOWLEDGE)
            if not self.checks_ticked:
                raise forms.ValidationError(ACKNOWLEDGE_FIRST)
        return cleaned


def inline_forms(formsets):
    """The forms of the checked rows in a change form's inlines."""
    for formset in formsets:
        for form in formset.forms:
            if isinstance(form, ChecksInlineForm) and form.check_findings is not None:
                yield form


# The panel shows at most this many findings of one rule in one field; the rest are
# counted. A text that repeats one word 2,000 times needs no 2,000 quotes.
SHOWN_PER_RULE = 10


def panel(findings, acknowledged, form, user):
    """What the Checks panel shows."""
    counts, per_rule, items = {}, {}, []
    acknowledged = set(acknowledged)
    for found in findings:
        counts[found.kind] = counts.get(found.kind, 0) + 1
        where = field_label(found)
        seen = per_rule[(found.rule, where)] = per_rule.get((found.rule, where), 0) + 1
        if seen <= SHOWN_PER_RULE:
            items.append({"finding": found, "where": where, "acknowledged": found in acknowledged})
    more = [
        {"rule": rule, "where": where, "count": seen - SHOWN_PER_RULE}
        for (rule, where), seen in per_rule.items()
        if seen > SHOWN_PER_RULE
    ]
    claims = [f for f in findings if f.kind == "claim" and f not in acknowledged]
    return {
        "findings": items,
        "more": more,
        "count": len(findings),
        "summary": summary(counts),
        "ask": bool(claims) and can_acknowledge(user) and form is not None,
        "needs_publisher": bool(claims) and not can_acknowledge(user),
        "field": form["acknowledge_claims"] if form is not None else None,
    }


class ChecksAdmin:
    """Put in front of the ModelAdmin of each checked model by `install()`."""

    change_form_template = "admin/checks/change_form.html"
    # Restoring a revision or a deleted object goes through the same form and checks.
    revision_form_template = "admin/checks/revision_form.html"
    recover_form_template = "admin/checks/recover_form.html"

    class Media:
        css = {"all": ["website/checks.css"]}

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        attrs = {
            "user": request.user,
            "acknowledge_claims": forms.BooleanField(required=False, label=ACKNOWLEDGE_LABEL),
        }
        checked_form = type(form.__name__, (ChecksForm, form), attrs)
        # Keep what the admin below changed on its form's fields (the status choices an
        # editor is offered): a subclass would rebuild them from the model.
        checked_form.base_fields = {
            **form.base_fields,
            "acknowledge_claims": checked_form.base_fields["acknowledge_claims"],
        }
        return checked_form

    def get_inline_instances(self, request, obj=None):
        inlines = super().get_inline_instances(request, obj)
        for inline in inlines:
            if checked(inline.model) is not None and not issubclass(inline.form, ChecksInlineForm):
                inline.form = type(inline.form.__name__, (ChecksInlineForm, inline.form), {})
        return inlines

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        if checked(inline.model) is not None:
            kwargs["form_kwargs"] = {
                **kwargs.get("form_kwargs", {}),
                "checks_user": request.user,
                "checks_ticked": bool(request.POST.get("acknowledge_claims")),
                # One reading of the centers' phones and the site's addresses for all rows.
                "checks_context": Context(),
            }
        return kwargs

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        form = context["adminform"].form
        findings = getattr(form, "check_findings", None)
        if findings is not None:
            acknowledged = list(form.check_acknowledged)
            findings = list(findings)
            formsets = [inline.formset for inline in context.get("inline_admin_formsets", [])]
            for row in inline_forms(formsets):
                findings.extend(row.check_findings)
                acknowledged.extend(row.check_acknowledged)
        elif obj is not None:
            checks_context = Context()
            findings = check(obj, checks_context)
            acknowledged = [f for f in findings if not is_open(obj, f, checks_context)]
        else:
            findings, acknowledged = [], []
        context["checks"] = panel(findings, acknowledged, form, request.user)
        context["checks_ran"] = findings is not None and (obj is not None or form.is_bound)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        rows = list(inline_forms(formsets))
        findings = list(form.check_findings or []) + [f for r in rows for f in r.check_findings]
        claims = list(form.open_claims) + [f for r in rows for f in r.open_claims]
        shown_acknowledged = set(form.check_acknowledged).union(
            *(r.check_acknowledged for r in rows)
        )
        acknowledged_now = bool(claims) and form.cleaned_data.get("acknowledge_claims")
        if acknowledged_now:
            self._acknowledge(request, form.instance, findings)
            named = [f"{f.rule.id} [{f.language}] “{f.words}”" for f in claims[:SHOWN_PER_RULE]]
            if len(claims) > SHOWN_PER_RULE:
                named.append(f"and {len(claims) - SHOWN_PER_RULE} more")
            request.claims_acknowledged = "Claim findings acknowledged by {}: {}.".format(
                request.user.get_username(), "; ".join(named)
            )
        left = [
            f
            for f in findings
            if f not in shown_acknowledged and not (acknowledged_now and f.kind == "claim")
        ]
        if left:
            messages.warning(
                request,
                f"Checks: {len(left)} finding(s) in “{form.instance}”; see the Checks panel "
                "on its page.",
                extra_tags="checks",  # a post's preview shows it too
            )

    def _acknowledge(self, request, obj, shown):
        """Keep the claims shown and acknowledged now, with those acknowledged before
        whose sentences are still there: a claim whose sentence went needs a new one."""
        owner = root(obj)
        context = Context()
        still = {f.fingerprint for f in check(owner, context) if f.kind == "claim"}
        before = acknowledged(owner, context) & still
        now = {f.fingerprint for f in shown if f.kind == "claim"}
        ClaimAcknowledgement.objects.create(
            content_type_id=self._content_type_id(owner),
            object_id=owner.pk,
            user=request.user,
            claims=sorted(list(claim) for claim in before | now),
        )

    @staticmethod
    def _content_type_id(obj):
        from django.contrib.contenttypes.models import ContentType

        return ContentType.objects.get_for_model(obj).pk

    def log_addition(self, request, obj, message):
        entry = super().log_addition(request, obj, message)
        self._comment(request, entry)
        return entry

    def log_change(self, request, obj, message):
        entry = super().log_change(request, obj, message)
        self._comment(request, entry)
        return entry

    @staticmethod
    def _comment(request, entry):
        said = getattr(request, "claims_acknowledged", "")
        if said and reversion.is_active():
            reversion.set_comment(f"{entry.get_change_message()} {said}".strip())


class PostChecksAdmin(ChecksAdmin):
    """Posts are published from their list too: claims there wait for the form."""

    @admin.action(description="Publish the selected posts", permissions=["publish"])
    def publish_selected(self, request, queryset):
        context = Context()
        held = [
            post
            for post in queryset.exclude(status="published")
            if open_claims(post, check(post, context), context)
        ]
        if held:
            names = ", ".join(f"“{post}”" for post in held)
            self.message_user(
                request,
                f"Not published: {names}. Claim findings there need a publisher's "
                "acknowledgement, on the post's page.",
                messages.ERROR,
            )
        return super().publish_selected(request, queryset.exclude(pk__in=[p.pk for p in held]))


def install(site=admin.site):
    """Register the admin of each checked model again, with the checks in front."""
    for spec in CHECKED.values():
        model = spec.model
        if not site.is_registered(model):
            continue  # a row edited only in its parent's form
        current = type(site.get_model_admin(model))
        if issubclass(current, ChecksAdmin):
            continue
        mixin = PostChecksAdmin if spec.published_by_status else ChecksAdmin
        site.unregister(model)
        site.register(model, type(f"Checked{current.__name__}", (mixin, current), {}))
