"""The admin report that compares what the site exports for a center (/locations.json)
with the center's listing in SAMHSA's treatment locator, pasted in by staff: nothing is
fetched from the locator."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse

from .exports import site_address
from .locator import ListingError, compare, parse_listing
from .models import Center

# A facility's record is a few thousand characters; far more is not one, and would only
# cost time and memory to read and to show back.
LISTING_MAX_CHARACTERS = 200_000


class WithinLimitBoundField(forms.BoundField):
    """A paste too long, given back cut to the limit (the error says how long it was)."""

    def value(self):
        value = super().value()
        limit = getattr(self.field, "max_length", None)
        return value[:limit] if limit and isinstance(value, str) else value


class LocatorCheckForm(forms.Form):
    bound_field_class = WithinLimitBoundField

    center = forms.ModelChoiceField(queryset=Center.objects.all())
    listing = forms.CharField(
        label="The locator's listing",
        max_length=LISTING_MAX_CHARACTERS,
        widget=forms.Textarea(attrs={"rows": 14, "cols": 90}),
        help_text=(
            "The facility's record as FindTreatment.gov's API gives it: JSON, from { to }; "
            f"at most {LISTING_MAX_CHARACTERS:,} characters."
        ),
    )

    def clean_listing(self):
        try:
            return parse_listing(self.cleaned_data["listing"])
        except ListingError as error:
            raise forms.ValidationError(str(error)) from None


def locator_check_view(model_admin, request):
    if not model_admin.has_view_permission(request):
        raise PermissionDenied
    differences = None
    if request.method == "POST":
        form = LocatorCheckForm(request.POST)
        if form.is_valid():
            center = Center.objects.with_hours().get(pk=form.cleaned_data["center"].pk)
            differences = compare(center, form.cleaned_data["listing"], site_address(request))
    else:
        form = LocatorCheckForm(initial={"center": request.GET.get("center")})
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.opts,
        "title": "Compare with the treatment locator",
        "form": form,
        "differences": differences,
    }
    return TemplateResponse(request, "admin/facility/locator_check.html", context)
