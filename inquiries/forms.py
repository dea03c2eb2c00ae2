import re

from django import forms

from .models import ContactMessage

REPLY_ROUTE_ERROR = "Please give an e-mail address or a phone number, so we can reply."


def rate_limited_message(facility):
    """What a visitor who sent too many messages in a short time is told."""
    call = f" If it cannot wait, please call us at {facility.phone}." if facility else ""
    return (
        "We have received several messages from you in a short time, so this one was not "
        "sent yet. Please wait a few minutes and press Send again: your message is still "
        "below." + call
    )


class ContactForm(forms.ModelForm):
    # A field people never see; bots that fill every field give themselves away.
    website = forms.CharField(
        required=False,
        label="Leave this field empty",
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    class Meta:
        model = ContactMessage
        fields = ["name", "email", "phone", "message", "consent"]
        labels = {
            "name": "Your name",
            "email": "E-mail",
            "phone": "Phone",
            "message": "How can we help?",
            "consent": "You may contact me by phone or e-mail about this message.",
        }
        help_texts = {
            "name": "A first name is enough.",
            "email": "An e-mail address, a phone number, or both.",
            "message": "Please leave out medical details; we will talk them through privately.",
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
            "message": forms.Textarea(attrs={"rows": 6}),
        }
        error_messages = {
            "name": {"required": "Please tell us your name."},
            "message": {"required": "Please write a short message."},
            "email": {"invalid": "Please enter an e-mail address like name@example.com."},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent"].required = True
        self.fields["consent"].error_messages["required"] = (
            "Please tick this box so we may contact you."
        )

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
            if "email" not in self.errors:
                self.add_error("email", REPLY_ROUTE_ERROR)
            if "phone" not in self.errors:
                self.add_error("phone", REPLY_ROUTE_ERROR)
        return cleaned

    def is_spam(self):
        return bool(self.cleaned_data.get("website"))
