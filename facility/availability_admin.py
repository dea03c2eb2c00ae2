"""Staff keep "is there room?" current: the availability admin, and the one-click update
the admin's home page posts to (facility/templatetags/availability.py lists the rows)."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.views.decorators.http import require_POST

from .models import Availability, Center, PriceRange


class AvailabilityInline(admin.TabularInline):
    model = Availability
    fields = ["level_of_care", "status", "wait_days", "as_of"]
    readonly_fields = ["as_of"]
    extra = 0


class PriceRangeInline(admin.TabularInline):
    model = PriceRange
    fields = ["level_of_care", "low", "high", "unit", "as_of_date"]
    readonly_fields = ["as_of_date"]
    extra = 0
    verbose_name_plural = "self-pay price ranges (optional; shown with the date last saved)"


class UpdateForm(forms.Form):
    """One row of the admin home's "Is there room?" list, saved as of now."""

    center = forms.IntegerField(widget=forms.HiddenInput)
    level_of_care = forms.CharField(widget=forms.HiddenInput)
    status = forms.ChoiceField(choices=Availability.Status.choices)
    wait_days = forms.IntegerField(min_value=1, max_value=365, required=False)

    def clean(self):
        data = super().clean()
        if data.get("status") == Availability.Status.SHORT_WAIT:
            if not data.get("wait_days"):
                raise forms.ValidationError("A short wait needs its number of days.")
        else:
            data["wait_days"] = None
        return data


@admin.register(Availability)
class AvailabilityAdmin(admin.ModelAdmin):
    list_display = ["center", "level_of_care", "status", "wait_days", "as_of", "shown"]
    list_filter = ["center", "status", "level_of_care"]
    fields = ["center", "level_of_care", "status", "wait_days", "as_of"]
    readonly_fields = ["as_of"]

    @admin.display(boolean=True, description="shown on the site")
    def shown(self, obj):
        return obj.is_fresh()

    def get_urls(self):
        update = self.admin_site.admin_view(require_POST(self.update_view))
        return [
            path("update/", update, name="facility_availability_update"),
            *super().get_urls(),
        ]

    def update_view(self, request):
        """Save one center's answer for one level of care as of now: "still true" is the
        same answer saved again."""
        if not (self.has_add_permission(request) and self.has_change_permission(request)):
            raise PermissionDenied
        form = UpdateForm(request.POST)
        home = redirect(reverse("admin:index") + "#availability")
        if not form.is_valid():
            errors = "; ".join(e for errs in form.errors.values() for e in errs)
            messages.error(request, f"Availability not saved: {errors}")
            return home
        data = form.cleaned_data
        center = get_object_or_404(Center, pk=data["center"])
        if data["level_of_care"] not in center.care_levels:
            messages.error(request, f"{center} does not give that level of care.")
            return home
        availability, _ = Availability.objects.update_or_create(
            center=center,
            level_of_care=data["level_of_care"],
            defaults={"status": data["status"], "wait_days": data["wait_days"]},
        )
        messages.success(request, f"Saved as of now: {availability}.")
        return home
