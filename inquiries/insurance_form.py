"""The insurance check inside the inquiry form: the fields, their checks, and the card
photos, re-encoded by plumbing/images.py before they are encrypted and stored.

What a phone sends: a camera photo is a JPEG on Android, and on an iPhone too in most
cases: iOS Safari converts its HEIC photos to JPEG when a page asks for any image
(`accept="image/*"`), as this form does. A HEIC file that still arrives (sent from the
Files app, say) is refused with a message saying how to send it as a JPEG: Pillow opens
no HEIC without a plugin, and we add none. PNG, WebP and GIF (screenshots) are taken too.
Every photo gets the site's upload checks and limits (IMAGE_MAX_UPLOAD_BYTES,
IMAGE_MAX_PIXELS, the one pixel budget, read from the headers before anything is
decoded), is turned upright and loses its metadata (GPS included).
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from plumbing import images

from .models import InsuranceCheck

CONTENT_TYPES = {"jpg": "image/jpeg", "png": "image/png", "webp": "image/webp", "gif": "image/gif"}
# The ISO base media brands of HEIC/HEIF files, which Pillow cannot open.
HEIF_BRANDS = (b"heic", b"heix", b"hevc", b"heim", b"heis", b"mif1", b"msf1")

PHOTO_ERRORS = {
    "too_big": _("This photo is too large. Please take it again, or send a smaller one."),
    "too_many_pixels": _(
        "This photo has too many pixels: we take photos of at most %(megapixels)s "
        "megapixels, as a phone's camera takes them. Please send a smaller one."
    ),
    "heic": _(
        "This photo is in the iPhone's HEIC format, which we cannot open. Please take it "
        "with the button on this page, or send it as a JPEG."
    ),
}
PHOTO_ERROR = _("We cannot open this file as a photo. Please send a JPEG or PNG photo.")
INSURANCE_FIELDS = [
    "payer", "member_id", "group_number", "subscriber_name", "subscriber_birth_date",
    "relationship", "card_front", "card_back",
]  # fmt: skip


class CardPhotoField(forms.FileField):
    widget = forms.ClearableFileInput

    def widget_attrs(self, widget):
        # Any image, so that iOS converts HEIC to JPEG; the back camera where there is one.
        return {**super().widget_attrs(widget), "accept": "image/*", "capture": "environment"}

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if not upload:
            return None
        upload.seek(0)
        head = upload.read(16)
        upload.seek(0)
        if head[4:8] == b"ftyp" and head[8:12] in HEIF_BRANDS:
            raise ValidationError(PHOTO_ERRORS["heic"], code="heic")
        try:
            content, extension = images.cleaned(upload)
        except ValidationError as error:
            message = PHOTO_ERRORS.get(error.code, PHOTO_ERROR)
            raise ValidationError(message, code=error.code, params=error.params) from None
        return content.read(), CONTENT_TYPES[extension]


class InsuranceFields(forms.Form):
    """Mixed into the inquiry form: all optional, but a check needs a payer and member ID."""

    payer = forms.CharField(label=_("Insurance company"), max_length=100, required=False)
    member_id = forms.CharField(label=_("Member ID"), max_length=40, required=False)
    group_number = forms.CharField(label=_("Group number"), max_length=40, required=False)
    subscriber_name = forms.CharField(
        label=_("Name of the person the plan is in (the subscriber)"),
        max_length=120,
        required=False,
    )
    subscriber_birth_date = forms.DateField(
        label=_("Subscriber's date of birth"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Please enter a date such as 1980-04-25.")},
    )
    relationship = forms.ChoiceField(
        label=_("Relationship of the subscriber to the person needing care"),
        choices=[("", "—"), *InsuranceCheck.Relationship.choices],
        required=False,
    )
    card_front = CardPhotoField(label=_("Photo of the card, front"), required=False)
    card_back = CardPhotoField(label=_("Photo of the card, back"), required=False)


def wants_check(cleaned):
    return any(cleaned.get(name) for name in INSURANCE_FIELDS)


def check_from(cleaned, inquiry):
    """The InsuranceCheck to save for `inquiry` from the form's cleaned data."""
    birth = cleaned.get("subscriber_birth_date")
    front, back = cleaned.get("card_front"), cleaned.get("card_back")
    return InsuranceCheck(
        inquiry=inquiry,
        payer=cleaned["payer"],
        member_id=cleaned["member_id"],
        group_number=cleaned.get("group_number", ""),
        subscriber_name=cleaned.get("subscriber_name", ""),
        subscriber_birth_date=birth.isoformat() if birth else "",
        relationship=cleaned.get("relationship", ""),
        card_front=front[0] if front else None,
        card_front_type=front[1] if front else "",
        card_back=back[0] if back else None,
        card_back_type=back[1] if back else "",
    )
