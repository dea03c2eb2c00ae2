import re

from django import forms

from .choices import NOT_SURE, Payment, levels_of_care, payment_options
from .models import Inquiry

REPLY_ROUTE_ERROR = "Please give a phone number or an e-mail address, so we can reach you."
FOR_WHOM_CHOICES = [
    (Inquiry.ForWhom.MYSELF, "Myself"),
    (Inquiry.ForWhom.LOVED_ONE, "Someone I care about"),
]


def rate_limited_message(facility):
    """What a visitor who sent too many messages in a short time is told."""
    call = f" If it cannot wait, please call us at {facility.phone}." if facility else ""
    return (
        "We have received several messages from you in a short time, so this one was not "
        "sent yet. Please wait a few minutes and press Send again: your message is still "
        "below." + call
    )


class InquiryForm(forms.ModelForm):
    """Only what admissions needs to call back: no diagnosis, no date of birth, no upload."""

    for_whom = forms.ChoiceField(
        label="Who is this for?",
        choices=FOR_WHOM_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": "Please tell us who this is for."},
    )
    email = forms.EmailField(
        label="E-mail",
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"invalid": "Please enter an e-mail address like name@example.com."},
    )
    level_of_care = forms.ChoiceField(label="What kind of help are you looking for?")
    # A field people never see; bots that fill every field give themselves away.
    website = forms.CharField(
        required=False,
        label="Leave this field empty",
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    class Meta:
        model = Inquiry
        fields = [
            "for_whom", "first_name", "phone", "voicemail_ok", "text_ok", "email",
            "best_time", "level_of_care", "payment", "plan_name", "message",
        ]  # fmt: skip
        labels = {
            "first_name": "Your first name",
            "phone": "Phone",
            "voicemail_ok": "You may leave a voicemail that says who you are.",
            "text_ok": "You may text this number.",
            "best_time": "Best time to call",
            "payment": "How do you expect to pay?",
            "plan_name": "Insurance plan (optional)",
            "message": "Anything you would like us to know? (optional)",
        }
        help_texts = {
            "first_name": "A first name is enough, so we know whom to ask for.",
            "phone": "A phone number, an e-mail address, or both.",
            "plan_name": "If you know it, such as the name on the insurance card.",
            "message": "A few words are enough. Please leave out medical details: we will "
            "talk them through privately.",
        }
        widgets = {
            "first_name": forms.TextInput(attrs={"autocomplete": "given-name"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
            "plan_name": forms.TextInput,
            "payment": forms.Select,
            "message": forms.Textarea(attrs={"rows": 4}),
        }
        error_messages = {
            "first_name": {"required": "Please tell us your first name."},
        }

    def __init__(self, *args, levels=None, **kwargs):
        """`levels`: the level-of-care choices, when they must not be read from the
        database (the form given back during an outage)."""
        super().__init__(*args, **kwargs)
        self.fields["level_of_care"].choices = levels_of_care() if levels is None else levels
        self.fields["level_of_care"].initial = NOT_SURE
        self.fields["payment"].choices = payment_options()

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if phone and (
            not re.fullmatch(r"[\d\s()+.\-]+", phone) or len(re.sub(r"\D", "", phone)) < 7
        ):
            raise forms.ValidationError("Please enter a phone number like 419-555-0123.")
        return phone

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("email") and not cleaned.get("phone"):
            if "phone" not in self.errors:
                self.add_error("phone", REPLY_ROUTE_ERROR)
            if "email" not in self.errors:
                self.add_error("email", REPLY_ROUTE_ERROR)
        if cleaned.get("payment") != Payment.PRIVATE_INSURANCE:
            cleaned["plan_name"] = ""
        if not cleaned.get("phone"):
            cleaned["voicemail_ok"] = cleaned["text_ok"] = False
        return cleaned

    def is_spam(self):
        return bool(self.cleaned_data.get("website"))
