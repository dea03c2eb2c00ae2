"""The provider and its centers: their facts, hours, services, photos and pages."""

from .availability import Availability
from .care import InsurancePlan, Language, LevelOfCare, Payment, Population
from .centers import Center, validate_time_zone
from .content import DEFAULT_CRISIS_LINE, Facility, GalleryPhoto, Page, Service
from .credentials import Credential
from .hours import Holiday, OpeningHours
from .people import StaffProfile
from .prices import PriceRange
from .taglines import LanguageTagline

__all__ = [
    "DEFAULT_CRISIS_LINE",
    "Availability",
    "Center",
    "Credential",
    "Facility",
    "GalleryPhoto",
    "Holiday",
    "InsurancePlan",
    "Language",
    "LanguageTagline",
    "LevelOfCare",
    "OpeningHours",
    "Page",
    "Payment",
    "Population",
    "PriceRange",
    "Service",
    "StaffProfile",
    "validate_time_zone",
]
