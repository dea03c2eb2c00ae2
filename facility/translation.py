"""The organization's and centers' texts with a version per language (django-modeltranslation).

Names of people and places stay as they are; what is written about them is translated.
Unique fields keep NULL, not "", for "no text in this language".
"""

from modeltranslation.translator import TranslationOptions, register

from plumbing.languages import no_defaults_but_in_default_language

from .models import (
    Center,
    Credential,
    Facility,
    GalleryPhoto,
    Holiday,
    InsurancePlan,
    Page,
    Service,
    StaffProfile,
)

SEARCH_META = ("seo_title", "search_description")


@register(Facility)
class FacilityTranslation(TranslationOptions):
    fields = ("tagline", "about", "crisis_line", "callback_promise", "coordinator_title")


no_defaults_but_in_default_language(
    Facility, ("crisis_line", "callback_promise", "coordinator_title")
)


@register(Center)
class CenterTranslation(TranslationOptions):
    fields = ("who_answers", "description")


@register(Service)
class ServiceTranslation(TranslationOptions):
    fields = ("name", "slug", "summary", "body", *SEARCH_META)
    empty_values = {"name": None, "slug": None}


@register(Page)
class PageTranslation(TranslationOptions):
    fields = ("title", "slug", "body", *SEARCH_META)
    empty_values = {"slug": None}


@register(GalleryPhoto)
class GalleryPhotoTranslation(TranslationOptions):
    fields = ("alt_text", "caption")


@register(StaffProfile)
class StaffProfileTranslation(TranslationOptions):
    fields = ("role", "bio")


# Prose staff write about a center: a holiday's name, what a credential covers, a remark
# on a plan. The issuer's and the plan's names are proper names, shown marked English.
@register(Holiday)
class HolidayTranslation(TranslationOptions):
    fields = ("name",)


@register(Credential)
class CredentialTranslation(TranslationOptions):
    fields = ("scope",)


@register(InsurancePlan)
class InsurancePlanTranslation(TranslationOptions):
    fields = ("note",)
