"""schema.org JSON-LD for the provider and its centers: a MedicalClinic per center, the
Organization running several, and the publisher posts name.

Each builder returns a plain dict; the layout writes it into the page as JSON-LD.
Breadcrumbs are plumbing/seo.py's; posts' BlogPosting is articles/structured_data.py's.
"""

from decimal import Decimal

from django.templatetags.static import static

from plumbing.seo import CONTEXT, absolute

from . import phones
from .models import GalleryPhoto, OpeningHours

DAY_NAMES = {
    1: "Monday",
    2: "Tuesday",
    3: "Wednesday",
    4: "Thursday",
    5: "Friday",
    6: "Saturday",
    7: "Sunday",
}
LOGO = "img/logo.png"
# Coordinates to the millionth of a degree (about 10 cm), as the model stores them:
# search engines ask for at least five decimals, and a number loses its trailing zeros.
COORDINATE = Decimal("0.000001")


def opening_hours(row):
    """One OpeningHoursSpecification, encoded as Google documents it.

    Open all day is 00:00 to 23:59; closed all day is 00:00 to 00:00; holidays are
    schema.org's PublicHolidays day.
    """
    if not isinstance(row, OpeningHours):
        days = []  # a dated holiday: holiday_hours() gives its date
    elif row.days == OpeningHours.Days.HOLIDAYS:
        days = ["PublicHolidays"]
    else:
        days = [DAY_NAMES[n] for n in row.weekday_numbers]
    if row.is_24_hours:
        opens, closes = "00:00", "23:59"
    elif row.is_closed:
        opens, closes = "00:00", "00:00"
    else:
        opens, closes = row.opens.strftime("%H:%M"), row.closes.strftime("%H:%M")
    return {
        "@type": "OpeningHoursSpecification",
        "dayOfWeek": days,
        "opens": opens,
        "closes": closes,
    }


# The home page is the site's root; the center is the site's subject.
HOME = "/"


def organization_id(request):
    return absolute(request, HOME) + "#organization"


def publisher(request, facility):
    """The short reference to the provider that articles name as their publisher."""
    return {
        "@type": "Organization" if facility.has_several_centers else "MedicalClinic",
        "@id": organization_id(request),
        "name": facility.name,
        "logo": {"@type": "ImageObject", "url": absolute(request, static(LOGO))},
    }


def person(request, profile):
    """A staff profile as schema.org's Person: name, credentials and role, and where the
    team page shows them (not everyone is on it)."""
    data = {"@type": "Person", "name": profile.name}
    if profile.is_listed:
        data["url"] = absolute(request, profile.get_absolute_url())
    if profile.credentials:
        data["honorificSuffix"] = profile.credentials
    if profile.role:
        data["jobTitle"] = profile.role
    return data


def organization(request, facility):
    """The provider that runs several centers: the parent each center's clinic names."""
    return {
        "@context": CONTEXT,
        "@type": "Organization",
        "@id": organization_id(request),
        "name": facility.name,
        "description": facility.about,
        "url": absolute(request, HOME),
        "logo": absolute(request, static(LOGO)),
    }


def medical_clinic(request, facility, services, photo=None):
    """The home page's clinic: with one center, the provider and its center are one,
    and the home page's photo (`photo`, the gallery's first) is of it."""
    center = facility.main_center
    data = {
        "@context": CONTEXT,
        "@type": "MedicalClinic",
        "@id": organization_id(request),
        "name": facility.name,
        "description": facility.about,
        "url": absolute(request, HOME),
        "logo": absolute(request, static(LOGO)),
    }
    if center is not None:
        data.update(_place(center))
    if photo is not None:
        data["image"] = absolute(request, photo.image.url)
    data["availableService"] = _services(request, services)
    if center is not None:
        data.update(_care(center, with_plans=False))
    return data


def center_clinic(request, facility, center, services):
    """A center's own MedicalClinic, tied to the provider that runs it."""
    data = {
        "@context": CONTEXT,
        "@type": "MedicalClinic",
        "@id": absolute(request, center.get_absolute_url()) + "#clinic",
        "name": center.name,
        "description": center.description or facility.about,
        "url": absolute(request, center.get_absolute_url()),
        **_place(center),
        "availableService": _services(request, services),
        **_care(center),
    }
    photo = _photo(center)
    if photo is not None:
        data["image"] = absolute(request, photo.image.url)
    if facility.has_several_centers:
        data["parentOrganization"] = {
            "@type": "Organization",
            "@id": organization_id(request),
            "name": facility.name,
        }
    return data


def _services(request, services):
    return [
        {
            "@type": "MedicalTherapy",
            "name": service.name,
            "description": service.summary,
            "url": absolute(request, service.get_absolute_url()),
        }
        for service in services
    ]


def _place(center):
    """Where a center is, what it looks like and when it is open: LocalBusiness's and
    Place's properties."""
    data = {
        "telephone": phones.international(center.phone),
        "address": {
            "@type": "PostalAddress",
            "streetAddress": center.street,
            "addressLocality": center.city,
            "addressRegion": center.state,
            "postalCode": center.postal_code,
            "addressCountry": "US",
        },
        "openingHoursSpecification": [opening_hours(row) for row in center.hours.all()],
    }
    holidays = center.upcoming_holidays()
    if holidays:
        data["specialOpeningHoursSpecification"] = [holiday_hours(day) for day in holidays]
    if center.email:
        data["email"] = center.email
    if center.has_coordinates:
        # As text, which schema.org allows: "41.068040", not 41.06804.
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": f"{Decimal(center.latitude).quantize(COORDINATE):f}",
            "longitude": f"{Decimal(center.longitude).quantize(COORDINATE):f}",
        }
    if center.larger_map_url:
        data["hasMap"] = center.larger_map_url
    return data


def _photo(center):
    """A photo of the center: the first of its gallery photos (the page shows them all),
    else, for the main center, one of the gallery's photos tied to no center, which show
    the provider's own place; else none (never the logo, which shows no building)."""
    photos = list(center.photos.all())
    if photos:
        return photos[0]
    if center.is_main:
        return GalleryPhoto.objects.filter(center=None).first()
    return None


# schema.org's MedicalSpecialty list has no addiction medicine; substance use disorders
# are treated as psychiatric conditions (they are in the DSM), the nearest value it has.
SPECIALTY = "https://schema.org/Psychiatric"


def _care(center, with_plans=True):
    """What care a center gives, how it is paid for and in which languages; the plans
    in network and whether there is room only where the page has read them (a center's
    own page)."""
    data = {}
    # From the fresh answers to "is there room?" (left out when they are all too old), on
    # the center's own page, which reads them and expires with them; the home page of a
    # one-center site (no plans) makes no claim rather than read them too.
    accepting = center.accepting_new_patients() if with_plans else None
    if accepting is not None:
        data["isAcceptingNewPatients"] = accepting
    if center.care_levels:
        data["medicalSpecialty"] = SPECIALTY
    ways = center.accepted_payments() if with_plans else center.payment_kinds()
    payments = [str(label) for _, label in ways]
    if payments:
        data["paymentAccepted"] = ", ".join(payments)
    if center.languages:
        data["knowsLanguage"] = [code for code, _ in center.languages_spoken()]
    return data


def holiday_hours(holiday):
    """A dated holiday's hours, as schema.org's specialOpeningHoursSpecification has them."""
    row = opening_hours(holiday)
    del row["dayOfWeek"]
    day = holiday.date.isoformat()
    return {**row, "validFrom": day, "validThrough": day}
