"""schema.org JSON-LD: the center as a MedicalClinic, posts as BlogPostings, breadcrumbs.

Each builder returns a plain dict; the layout writes it into the page as JSON-LD.
"""

from django.templatetags.static import static
from django.urls import reverse

from plumbing import phones

from .models import OpeningHours
from .seo import absolute

CONTEXT = "https://schema.org"
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


def organization_id(request):
    return absolute(request, reverse("facility:home")) + "#organization"


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
        "url": absolute(request, reverse("facility:home")),
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


def blog_posting(request, post, facility, image):
    url = absolute(request, post.get_absolute_url())
    page = {"@type": "WebPage", "@id": url}
    if post.medical_reviewer:
        # Review belongs to the page: schema.org's reviewedBy and lastReviewed are WebPage's.
        page["@type"] = "MedicalWebPage"
        reviewer = {"@type": "Person", "name": post.medical_reviewer}
        if post.medical_reviewer_credentials:
            reviewer["honorificSuffix"] = post.medical_reviewer_credentials
        page["reviewedBy"] = reviewer
        if post.reviewed_on:
            page["lastReviewed"] = post.reviewed_on.isoformat()
    if post.author_id or facility is None:
        author = {"@type": "Person", "name": post.author_name}
    else:
        author = {"@type": "Organization", "name": facility.name}
    data = {
        "@context": CONTEXT,
        "@type": "BlogPosting",
        "headline": post.title[:110],
        "description": post.description,
        "image": [absolute(request, image.url)],
        "datePublished": post.pub_date.isoformat(),
        "dateModified": (post.last_updated or post.pub_date).isoformat(),
        "author": author,
        "mainEntityOfPage": page,
        "articleSection": post.category.name,
        "wordCount": post.word_count,
        "url": url,
    }
    if facility is not None:
        data["publisher"] = publisher(request, facility)
    return data


def breadcrumb_list(request, *crumbs):
    """Crumbs as (name, path) pairs, from the home page down to the current page."""
    return {
        "@context": CONTEXT,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": name,
                "item": absolute(request, path),
            }
            for position, (name, path) in enumerate(crumbs, start=1)
        ],
    }
