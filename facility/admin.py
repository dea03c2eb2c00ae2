from functools import partial

from django import forms
from django.contrib import admin
from django.db import models
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.html import format_html
from reversion_compare.admin import CompareVersionAdmin

from plumbing.admin_languages import (
    SpanishVersionFilter,
    TranslatedAdmin,
    prepopulated_per_language,
    side_by_side,
    spanish_version,
)

from .availability_admin import AvailabilityInline, PriceRangeInline
from .locator_admin import locator_check_view
from .models import (
    Center,
    Credential,
    Facility,
    GalleryPhoto,
    Holiday,
    InsurancePlan,
    LanguageTagline,
    OpeningHours,
    Page,
    Service,
    StaffProfile,
)


class OpeningHoursInline(admin.TabularInline):
    model = OpeningHours
    fields = ["days", "is_24_hours", "is_closed", "opens", "closes", "sort_order"]
    extra = 0


class HolidayInline(admin.TabularInline):
    model = Holiday
    fields = ["date", "name_en", "name_es", "is_24_hours", "is_closed", "opens", "closes"]
    extra = 0


class InsurancePlanInline(admin.TabularInline):
    model = InsurancePlan
    fields = ["name", "note_en", "note_es", "in_network_from", "in_network_until"]
    extra = 0


class CredentialInline(admin.StackedInline):
    """Legal claims: editable only with the credential permissions (the Compliance role)."""

    model = Credential
    fields = [
        "kind",
        "issuer",
        "number",
        ("scope_en", "scope_es"),
        "valid_until",
        "verify_url",
        "sort_order",
    ]
    extra = 0
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Credential)
class CredentialAdmin(admin.ModelAdmin):
    list_display = ["__str__", "center", "valid_until", "in_force"]
    list_filter = ["kind", "center"]
    search_fields = ["issuer", "number", "scope_en", "scope_es"]
    date_hierarchy = "valid_until"
    fields = ["center", *CredentialInline.fields]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    @admin.display(boolean=True, description="shown on the site")
    def in_force(self, obj):
        return Credential.objects.current().filter(pk=obj.pk).exists()


@admin.register(Center)
class CenterAdmin(TranslatedAdmin):
    list_display = ["name", "town", "phone", "is_main", "sort_order"]
    list_editable = ["sort_order"]
    search_fields = ["name", "city", "street"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["locator_check"]
    inlines = [
        OpeningHoursInline,
        HolidayInline,
        AvailabilityInline,
        InsurancePlanInline,
        PriceRangeInline,
        CredentialInline,
    ]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = [
        (
            None,
            {
                "fields": side_by_side(
                    Center, ["name", "slug", "is_main", "sort_order", "description"]
                )
            },
        ),
        ("Address", {"fields": ["street", "city", "state", "postal_code", "time_zone"]}),
        (
            "Contact",
            {"fields": side_by_side(Center, ["phone", "admissions_phone", "email", "who_answers"])},
        ),
        ("Map", {"fields": ["latitude", "longitude", "map_url"]}),
        ("Treatment locator", {"fields": ["locator_check"]}),
        (
            "Care and payment",
            {
                "fields": [
                    "care_levels",
                    "populations",
                    "languages",
                    "payments",
                    "is_accepting_new_patients",
                ]
            },
        ),
    ]

    @admin.display(description="town", ordering="city")
    def town(self, obj):
        return obj.town

    @admin.display(description="treatment locator")
    def locator_check(self, obj):
        url = reverse("admin:facility_center_locator_check")
        return format_html(
            '<a href="{}?center={}">Compare with its FindTreatment.gov listing</a>', url, obj.pk
        )

    def get_urls(self):
        check = self.admin_site.admin_view(partial(locator_check_view, self))
        return [
            path("locator-check/", check, name="facility_center_locator_check"),
            *super().get_urls(),
        ]


@admin.register(Facility)
class FacilityAdmin(TranslatedAdmin):
    fieldsets = [
        (None, {"fields": side_by_side(Facility, ["name", "tagline", "about"])}),
        ("Every page", {"fields": side_by_side(Facility, ["crisis_line", "language_assistance"])}),
        ("Admissions", {"fields": side_by_side(Facility, ["callback_promise"])}),
        (
            "Nondiscrimination notice (Section 1557)",
            {
                "description": (
                    "Printed on the nondiscrimination notice in both languages. The Office "
                    "for Civil Rights' details are HHS's published ones: check them yearly."
                ),
                "fields": side_by_side(
                    Facility,
                    [
                        "coordinator_title",
                        "coordinator_address",
                        "coordinator_phone",
                        "coordinator_email",
                        "ocr_portal",
                        "ocr_phone",
                        "ocr_tdd",
                        "ocr_address",
                    ],
                ),
            },
        ),
    ]

    def has_add_permission(self, request):
        # There is one center; the database refuses a second one too.
        return super().has_add_permission(request) and not Facility.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        center = Facility.objects.first()
        if center is not None:
            return redirect(reverse("admin:facility_facility_change", args=[center.pk]))
        return super().changelist_view(request, extra_context)


def thumbnail(image, alt):
    if not image:
        return ""
    return format_html(
        '<img src="{}" alt="{}" style="max-width:120px;height:auto">', image.url, alt
    )


@admin.register(Service)
class ServiceAdmin(TranslatedAdmin, CompareVersionAdmin):
    list_display = ["name", spanish_version, "sort_order", "summary"]
    list_filter = [SpanishVersionFilter]
    list_editable = ["sort_order"]
    search_fields = ["name", "summary", "body"]
    prepopulated_fields = prepopulated_per_language("slug", "name")
    fields = side_by_side(Service, [
        "name", "slug", "summary", "body", "centers", "sort_order", "seo_title",
        "search_description",
    ])  # fmt: skip
    formfield_overrides = {models.ManyToManyField: {"widget": forms.CheckboxSelectMultiple}}


@admin.register(GalleryPhoto)
class GalleryPhotoAdmin(TranslatedAdmin):
    list_display = ["preview", "caption", "alt_text", "sort_order"]
    list_display_links = ["preview", "caption"]
    list_editable = ["sort_order"]
    search_fields = ["caption", "alt_text"]
    fields = side_by_side(GalleryPhoto, ["image", "alt_text", "caption", "sort_order"])

    @admin.display(description="photo")
    def preview(self, obj):
        return thumbnail(obj.image, obj.alt_text)


@admin.register(StaffProfile)
class StaffProfileAdmin(TranslatedAdmin):
    list_display = ["preview", "name", "credentials", "role", "center", "is_listed", "sort_order"]
    list_display_links = ["preview", "name"]
    list_editable = ["sort_order"]
    list_filter = ["center", "is_listed"]
    search_fields = ["name", "credentials", "role"]
    fields = side_by_side(
        StaffProfile,
        ["name", "credentials", "role", "photo", "bio", "center", "is_listed", "sort_order"],
    )

    @admin.display(description="photo")
    def preview(self, obj):
        return thumbnail(obj.photo, obj.photo_alt)


@admin.register(Page)
class PageAdmin(TranslatedAdmin, CompareVersionAdmin):
    list_display = ["title", "slug", spanish_version, "updated"]
    list_filter = [SpanishVersionFilter]
    search_fields = ["title", "body"]
    prepopulated_fields = prepopulated_per_language("slug", "title")
    fields = side_by_side(Page, ["title", "slug", "body", "seo_title", "search_description"])


@admin.register(LanguageTagline)
class LanguageTaglineAdmin(admin.ModelAdmin):
    """Each state's 15 taglines (Section 1557), shown on the language assistance page and
    the nondiscrimination notice for the states the centers are in."""

    list_display = ["state", "sort_order", "language_name", "language"]
    list_display_links = ["language_name"]
    list_filter = ["state"]
    fields = ["state", "sort_order", "language", "language_name", "text"]
