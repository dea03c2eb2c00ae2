"""schema.org JSON-LD for the center: a MedicalClinic, and the publisher posts name.

Each builder returns a plain dict; the layout writes it into the page as JSON-LD.
Breadcrumbs are plumbing/seo.py's; posts' BlogPosting is articles/structured_data.py's.
"""

from django.templatetags.static import static

from plumbing import phones
from plumbing.seo import CONTEXT, absolute

from .models import OpeningHours

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


def opening_hours(row):
    """One OpeningHoursSpecification, encoded as Google documents it.

    Open all day is 00:00 to 23:59; closed all day is 00:00 to 00:00; holidays are
    schema.org's PublicHolidays day.
    """
    if row.days == OpeningHours.Days.HOLIDAYS:
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
    """The short reference to the center that articles name as their publisher."""
    return {
        "@type": "MedicalClinic",
        "@id": organization_id(request),
        "name": facility.name,
        "logo": {"@type": "ImageObject", "url": absolute(request, static(LOGO))},
    }


def medical_clinic(request, facility, services):
    data = {
        "@context": CONTEXT,
        "@type": "MedicalClinic",
        "@id": organization_id(request),
        "name": facility.name,
        "description": facility.about,
        "url": absolute(request, HOME),
        "logo": absolute(request, static(LOGO)),
        "image": absolute(request, static(LOGO)),
        "telephone": phones.international(facility.phone),
        "address": {
            "@type": "PostalAddress",
            "streetAddress": facility.street,
            "addressLocality": facility.city,
            "addressRegion": facility.state,
            "postalCode": facility.postal_code,
            "addressCountry": "US",
        },
        "openingHoursSpecification": [opening_hours(row) for row in facility.hours.all()],
        "availableService": [
            {
                "@type": "MedicalTherapy",
                "name": service.name,
                "description": service.summary,
                "url": absolute(request, service.get_absolute_url()),
            }
            for service in services
        ],
    }
    if facility.email:
        data["email"] = facility.email
    if facility.has_coordinates:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(facility.latitude),
            "longitude": float(facility.longitude),
        }
    if facility.larger_map_url:
        data["hasMap"] = facility.larger_map_url
    return data
