import re

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from facility.models import Payment

from . import choices
from .choices import (
    NOT_SURE,
    center_options,
    gives,
    levels_of_care,
    payment_options,
    takes,
)
from .insurance_form import InsuranceFields, wants_check
from .models import Inquiry

REPLY_ROUTE_ERROR = _("Please give a phone number or an e-mail address, so we can reach you.")
NOT_OFFERED_ERROR = _(
    "%(center)s does not offer this. Please choose one of the choices that name it, or Not sure."
)
ESTIMATE_ERROR = _(
    "A Good Faith Estimate is for care paid without insurance: choose Self-pay above, or "
    "untick this box."
)
FOR_WHOM_CHOICES = [
    (Inquiry.ForWhom.MYSELF, _("Myself")),
    (Inquiry.ForWhom.LOVED_ONE, _("Someone I care about")),
]


def rate_limited_message(facility):
    """What a visitor who sent too many messages in a short time is told."""
    message = gettext(
        "We have received several messages from you in a short time, so this one was not "
        "sent yet. Please wait a few minutes and press Send again: your message is still "
        "below."
    )
    if facility:
        call = gettext("If it cannot wait, please call us at %(phone)s.")
        message += " " + call % {"phone": facility.phone}
    return message


class WithinLimitBoundField(forms.BoundField):
    """A field as given back to the visitor: what they typed, cut to the field's limit
    (the error above it says how long it was), so that a page never echoes more."""

    def value(self):
        value = super().value()
        limit = getattr(self.field, "max_length", None)
        if limit and isinstance(value, str) and len(value) > limit:
            return value[:limit]
        return value


CHECK_NEEDS = _("To check your benefits we need the insurance company and the member ID.")


class InquiryForm(InsuranceFields, forms.ModelForm):
    """Only what admissions needs to call back: no diagnosis, no date of birth, no upload."""

    bound_field_class = WithinLimitBoundField

    for_whom = forms.ChoiceField(
        label=_("Who is this for?"),
        choices=FOR_WHOM_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": _("Please tell us who this is for.")},
    )
    email = forms.EmailField(
        label=_("E-mail"),
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"invalid": _("Please enter an e-mail address like name@example.com.")},
    )
    # Shown only when there are several centers; its options are their slugs.
    center = forms.ChoiceField(label=_("Which center?"), required=False)
    level_of_care = forms.ChoiceField(label=_("What kind of help are you looking for?"))
    # A field people never see; bots that fill every field give themselves away.
    website = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    class Meta:
        model = Inquiry
        fields = [
            "for_whom", "first_name", "phone", "voicemail_ok", "text_ok", "email",
            "best_time", "center", "level_of_care", "payment", "plan_name", "estimate_requested",
            "message",
        ]  # fmt: skip
        labels = {
            "first_name": _("Your first name"),
            "phone": _("Phone"),
            "voicemail_ok": _("You may leave a voicemail that says who you are."),
            "text_ok": _("You may text this number."),
            "best_time": _("Best time to call"),
            "payment": _("How do you expect to pay?"),
            "plan_name": _("Insurance plan (optional)"),
            "estimate_requested": _(
                "Send me a Good Faith Estimate of what care will cost (for those paying "
                "without insurance)."
            ),
            "message": _("Anything you would like us to know? (optional)"),
        }
        help_texts = {
            "first_name": _("A first name is enough, so we know whom to ask for."),
            "phone": _("A phone number, an e-mail address, or both."),
            "plan_name": _("If you know it, such as the name on the insurance card."),
            "message": _(
                "A few words are enough. Please leave out medical details: we will "
                "talk them through privately."
            ),
        }
        widgets = {
            "first_name": forms.TextInput(attrs={"autocomplete": "given-name"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
            "plan_name": forms.TextInput,
            "payment": forms.Select,
            "message": forms.Textarea(attrs={"rows": 4}),
        }
        error_messages = {
            "first_name": {"required": _("Please tell us your first name.")},
        }

    def __init__(self, *args, offer=None, centers=None, **kwargs):
        """`offer`: {"centers", "levels", "payments"} choices, when they must not be read
        from the database (the form given back during an outage); else the centers'
        (`centers`, as the cached facility holds them; read if not given)."""
        super().__init__(*args, **kwargs)
        if offer is None:
            self.centers = choices.centers() if centers is None else list(centers)
            offer = {
                "centers": center_options(self.centers),
                "levels": levels_of_care(self.centers),
                "payments": payment_options(self.centers),
            }
        else:
            self.centers = []
        if len(offer["centers"]) < 2:
            # Nothing to choose: carried along as it came (the outage form's), never refused.
            self.fields["center"] = forms.CharField(required=False, widget=forms.HiddenInput)
        else:
            self.fields["center"].choices = [("", _("Any of them"))] + offer["centers"]
        self.fields["level_of_care"].choices = offer["levels"]
        self.fields["level_of_care"].initial = NOT_SURE
        self.fields["payment"].choices = offer["payments"]

    def clean_center(self):
        """The chosen center (the only one when there is one), or None."""
        slug = self.cleaned_data["center"]
        if len(self.centers) == 1:
            return self.centers[0]
        return next((center for center in self.centers if center.slug == slug), None)

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if phone and (
            not re.fullmatch(r"[\d\s()+.\-]+", phone) or len(re.sub(r"\D", "", phone)) < 7
        ):
            raise forms.ValidationError(_("Please enter a phone number like 419-555-0123."))
        return phone

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("email") and not cleaned.get("phone"):
            if "phone" not in self.errors:
                self.add_error("phone", REPLY_ROUTE_ERROR)
            if "email" not in self.errors:
                self.add_error("email", REPLY_ROUTE_ERROR)
        center = cleaned.get("center")
        self.instance.center = center
        if center is not None:
            level, payment = cleaned.get("level_of_care"), cleaned.get("payment")
            if level and not gives(center, level):
                self.add_error("level_of_care", NOT_OFFERED_ERROR % {"center": center.name})
            if payment and not takes(center, payment):
                self.add_error("payment", NOT_OFFERED_ERROR % {"center": center.name})
        if cleaned.get("payment") != Payment.PRIVATE_INSURANCE:
            cleaned["plan_name"] = ""
        if cleaned.get("estimate_requested") and cleaned.get("payment") != Payment.SELF_PAY:
            self.add_error("estimate_requested", ESTIMATE_ERROR)
        if wants_check(cleaned):
            for name in ("payer", "member_id"):
                if not cleaned.get(name) and name not in self.errors:
                    self.add_error(name, CHECK_NEEDS)
        if not cleaned.get("phone"):
            cleaned["voicemail_ok"] = cleaned["text_ok"] = False
        return cleaned

    def is_spam(self):
        return bool(self.cleaned_data.get("website"))
