"""schema.org JSON-LD: parsed, checked against the vocabulary and Google's requirements."""

import json
import re
from datetime import date, time, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from facility.models import Center, GalleryPhoto, Holiday, InsurancePlan, StaffProfile

pytestmark = pytest.mark.django_db

# Each type's properties we use, checked by hand against schema.org (a property of a
# parent type counts: MedicalClinic < MedicalBusiness < LocalBusiness < Organization, Place;
# MedicalClinic < MedicalOrganization < Organization).
# - availableService, medicalSpecialty: MedicalClinic's own;
# - isAcceptingNewPatients: MedicalOrganization's;
# - paymentAccepted: LocalBusiness's; specialOpeningHoursSpecification, hasMap: Place's;
# - knowsLanguage, parentOrganization: Organization's;
# - validFrom, validThrough: OpeningHoursSpecification's own;
# - inLanguage: CreativeWork's (BlogPosting < SocialMediaPosting < Article < CreativeWork).
VOCABULARY = {
    "MedicalClinic": {
        "@context", "@type", "@id", "name", "description", "url", "logo", "image",
        "telephone", "email", "address", "geo", "hasMap", "openingHoursSpecification",
        "availableService", "medicalSpecialty", "isAcceptingNewPatients",
        "paymentAccepted", "knowsLanguage", "parentOrganization",
        "specialOpeningHoursSpecification",
    },
    "PostalAddress": {
        "@type", "streetAddress", "addressLocality", "addressRegion", "postalCode",
        "addressCountry",
    },
    "GeoCoordinates": {"@type", "latitude", "longitude"},
    "OpeningHoursSpecification": {
        "@type", "dayOfWeek", "opens", "closes", "validFrom", "validThrough",
    },
    "MedicalTherapy": {"@type", "name", "description", "url"},
    "BlogPosting": {
        "@context", "@type", "headline", "description", "image", "datePublished",
        "dateModified", "author", "publisher", "mainEntityOfPage", "articleSection",
        "wordCount", "url", "inLanguage",
    },
    "Person": {"@type", "name", "honorificSuffix", "jobTitle", "url"},
    "Organization": {"@context", "@type", "@id", "name", "description", "url", "logo"},
    "ImageObject": {"@type", "url"},
    "WebPage": {"@type", "@id"},
    "MedicalWebPage": {"@type", "@id", "reviewedBy", "lastReviewed"},
    "BreadcrumbList": {"@context", "@type", "itemListElement"},
    "ListItem": {"@type", "position", "name", "item"},
}  # fmt: skip
DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
DAYS_OF_WEEK = DAYS | {"PublicHolidays"}


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


def of_type(items, kind):
    return next(item for item in items if item["@type"] == kind)


def check_vocabulary(node, path="$"):
    """Every object's properties exist on its schema.org type, all the way down."""
    if isinstance(node, list):
        for i, item in enumerate(node):
            check_vocabulary(item, f"{path}[{i}]")
    elif isinstance(node, dict):
        kind = node["@type"]
        unknown = set(node) - VOCABULARY[kind]
        assert not unknown, f"{path}: {kind} has no {unknown}"
        for key, value in node.items():
            if isinstance(value, dict | list):
                check_vocabulary(value, f"{path}.{key}")


def test_home_describes_the_center_as_a_medical_clinic(client, facility, make_service):
    make_service(name="Medical Detox")
    items = json_ld(client.get(reverse("website:home")).content.decode())
    clinic = of_type(items, "MedicalClinic")

    check_vocabulary(items)
    assert clinic["@context"] == "https://schema.org"
    assert clinic["name"] == "Manor Hill Recovery Center"
    assert clinic["url"] == "http://testserver/"
    assert clinic["telephone"] == "+1-855-605-2135"
    assert clinic["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "1800 Manor Hill Road",
        "addressLocality": "Findlay",
        "addressRegion": "OH",
        "postalCode": "45840",
        "addressCountry": "US",
    }
    # To the millionth, as stored: a number would drop the zeros, leaving 3 decimals.
    assert clinic["geo"] == {
        "@type": "GeoCoordinates",
        "latitude": "41.068000",
        "longitude": "-83.611000",
    }
    assert clinic["availableService"][0]["name"] == "Medical Detox"
    assert clinic["availableService"][0]["url"].startswith("http://testserver/services/")
    assert "image" not in clinic  # no photo of the center: not the logo instead


def test_24_hour_days_and_holidays_are_encoded_as_google_documents(client, facility):
    clinic = of_type(json_ld(client.get("/").content.decode()), "MedicalClinic")
    hours = clinic["openingHoursSpecification"]

    assert hours[0] == {
        "@type": "OpeningHoursSpecification",
        "dayOfWeek": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
        "opens": "00:00",
        "closes": "23:59",
    }
    assert [row["dayOfWeek"] for row in hours[1:]] == [
        ["Saturday"],
        ["Sunday"],
        ["PublicHolidays"],
    ]
    for row in hours:
        assert set(row["dayOfWeek"]) <= DAYS_OF_WEEK
        assert re.fullmatch(r"\d\d:\d\d", row["opens"]) and re.fullmatch(
            r"\d\d:\d\d", row["closes"]
        )


def test_closed_days_and_set_times(client, facility):
    facility.hours.filter(days="sundays").update(is_24_hours=False, is_closed=True)
    facility.hours.filter(days="saturdays").update(
        is_24_hours=False, opens=time(8, 30), closes=time(17)
    )
    hours = of_type(json_ld(client.get("/").content.decode()), "MedicalClinic")[
        "openingHoursSpecification"
    ]
    by_day = {row["dayOfWeek"][0]: (row["opens"], row["closes"]) for row in hours}

    assert by_day["Sunday"] == ("00:00", "00:00")
    assert by_day["Saturday"] == ("08:30", "17:00")


def test_post_is_a_blog_posting_with_what_google_asks_for(client, facility, make_post):
    post = make_post(title="Sleep in early recovery", excerpt="Why nights are hard.")
    items = json_ld(client.get(post.get_absolute_url()).content.decode())
    article = of_type(items, "BlogPosting")
    url = f"http://testserver{post.get_absolute_url()}"

    check_vocabulary(items)
    assert article["headline"] == "Sleep in early recovery"
    assert article["description"] == "Why nights are hard."
    assert article["datePublished"] == post.pub_date.isoformat()
    assert article["dateModified"] == post.pub_date.isoformat()
    assert article["author"] == {"@type": "Person", "name": "Dana Reyes"}
    assert article["publisher"]["name"] == "Manor Hill Recovery Center"
    assert article["publisher"]["logo"]["url"].endswith("/static/img/logo.png")
    assert article["image"] == ["http://testserver/static/img/share-default.jpg"]
    assert article["mainEntityOfPage"] == {"@type": "WebPage", "@id": url}
    assert article["articleSection"] == "Recovery"


def test_reviewed_post_names_its_reviewer_on_the_page(client, facility, make_post):
    post = make_post(
        reviewer_profile=StaffProfile.objects.create(name="Dr. Ana Ruiz", credentials="MD"),
        reviewed_on=date(2026, 10, 2),
    )  # fmt: skip
    items = json_ld(client.get(post.get_absolute_url()).content.decode())
    page = of_type(items, "BlogPosting")["mainEntityOfPage"]

    check_vocabulary(items)
    assert page["@type"] == "MedicalWebPage"
    assert page["reviewedBy"] == {
        "@type": "Person",
        "name": "Dr. Ana Ruiz",
        "honorificSuffix": "MD",
        "url": f"http://testserver/our-team/#person-{post.reviewer_profile.pk}",
    }
    assert page["lastReviewed"] == "2026-10-02"


def test_breadcrumbs_on_posts_services_and_pages(client, facility, make_post, make_service, pages):
    post, service, page = make_post(), make_service(name="Detox"), pages[0]
    expectations = {
        post.get_absolute_url(): ["Home", "Blog", "Recovery", post.title],
        service.get_absolute_url(): ["Home", "Treatment Services", "Detox"],
        page.get_absolute_url(): ["Home", "Who We Are"],
    }
    for url, names in expectations.items():
        items = json_ld(client.get(url).content.decode())
        crumbs = of_type(items, "BreadcrumbList")["itemListElement"]
        check_vocabulary(items)
        assert [crumb["name"] for crumb in crumbs] == names
        assert [crumb["position"] for crumb in crumbs] == list(range(1, len(names) + 1))
        assert crumbs[-1]["item"] == f"http://testserver{url}"
        assert all(crumb["item"].startswith("http://testserver/") for crumb in crumbs)


def test_json_ld_cannot_break_out_of_its_script(client, facility, make_post):
    post = make_post(title="</script><script>alert(1)</script>")
    html = client.get(post.get_absolute_url()).content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)

    assert "<" not in block.group(1)
    assert of_type(json_ld(html), "BlogPosting")["headline"] == post.title


@pytest.fixture
def office(facility, make_service):
    findlay = facility.main_center
    findlay.care_levels = ["detox-residential", "moud"]
    findlay.languages = ["en", "es"]
    findlay.payments = ["medicaid", "self-pay"]
    findlay.save()
    InsurancePlan.objects.create(center=findlay, name="Example Mutual PPO")
    Holiday.objects.create(
        center=findlay, date=timezone.localdate() + timedelta(days=3), name="Closed day",
        is_closed=True,
    )  # fmt: skip
    detox = make_service(name="Medical Detox")
    detox.centers.add(findlay)
    make_service(name="Elsewhere only")
    return Center.objects.create(
        name="Tiffin office", slug="tiffin", street="1 Main Street", city="Tiffin",
        state="OH", postal_code="44883", phone="419-555-0101", is_accepting_new_patients=False,
    )  # fmt: skip


def test_each_center_is_a_medical_clinic_of_the_one_organization(client, facility, office):
    findlay = facility.main_center
    items = json_ld(client.get(findlay.get_absolute_url()).content.decode())
    clinic = of_type(items, "MedicalClinic")
    holiday = Holiday.objects.get()

    check_vocabulary(items)
    assert clinic["@id"] == f"http://testserver{findlay.get_absolute_url()}#clinic"
    assert clinic["url"] == f"http://testserver{findlay.get_absolute_url()}"
    assert clinic["parentOrganization"] == {
        "@type": "Organization",
        "@id": "http://testserver/#organization",
        "name": "Manor Hill Recovery Center",
    }
    assert clinic["telephone"] == "+1-855-605-2135"
    assert clinic["address"]["addressLocality"] == "Findlay"
    assert [s["name"] for s in clinic["availableService"]] == ["Medical Detox"]
    assert clinic["medicalSpecialty"] == "https://schema.org/Psychiatric"
    assert clinic["isAcceptingNewPatients"] is True
    assert clinic["paymentAccepted"] == "Medicaid, Self-pay (cash), Example Mutual PPO"
    assert clinic["knowsLanguage"] == ["en", "es"]
    assert clinic["specialOpeningHoursSpecification"] == [
        {
            "@type": "OpeningHoursSpecification",
            "opens": "00:00",
            "closes": "00:00",
            "validFrom": holiday.date.isoformat(),
            "validThrough": holiday.date.isoformat(),
        }
    ]

    other = of_type(
        json_ld(client.get(office.get_absolute_url()).content.decode()), "MedicalClinic"
    )
    assert other["telephone"] == "+1-419-555-0101" and other["isAcceptingNewPatients"] is False
    assert other["availableService"] == [] and "geo" not in other


def test_with_several_centers_the_home_page_describes_the_organization(client, facility, office):
    items = json_ld(client.get(reverse("website:home")).content.decode())

    check_vocabulary(items)
    organization = of_type(items, "Organization")
    assert organization["@id"] == "http://testserver/#organization"
    assert not [item for item in items if item["@type"] == "MedicalClinic"]


def test_one_center_home_adds_its_care_facts_to_the_clinic(client, facility, office):
    office.delete()
    clinic = of_type(json_ld(client.get("/").content.decode()), "MedicalClinic")

    assert clinic["@id"] == "http://testserver/#organization"
    assert clinic["paymentAccepted"] == "Medicaid, Self-pay (cash)"
    assert clinic["knowsLanguage"] == ["en", "es"]
    assert "parentOrganization" not in clinic


COORDINATE = re.compile(r"^-?\d{1,3}\.\d{5,}$")  # at least five decimals, as Google asks


@pytest.mark.parametrize("stored", ["41.068100", "41.100000", "41.06804"])
def test_coordinates_keep_five_decimals_whatever_their_trailing_zeros(client, facility, stored):
    Center.objects.filter(is_main=True).update(latitude=stored)

    geo = of_type(json_ld(client.get("/").content.decode()), "MedicalClinic")["geo"]

    assert COORDINATE.match(geo["latitude"]) and COORDINATE.match(geo["longitude"])
    assert float(geo["latitude"]) == float(stored)


def test_coordinates_with_fewer_than_five_decimals_are_refused_and_more_taken(facility):
    center = facility.main_center
    center.latitude, center.longitude = "41.068", "-83.61"

    with pytest.raises(ValidationError) as refused:
        center.full_clean()

    assert set(refused.value.message_dict) == {"latitude", "longitude"}
    assert "at least 5 decimals" in refused.value.message_dict["latitude"][0]
    center.latitude, center.longitude = "41.06804", "-83.610960"
    center.full_clean()


def test_each_center_shows_a_photo_of_itself_never_the_logo(demo_data, client):
    """The demo has photos of Findlay and none of Tiffin."""
    images = {}
    for center in Center.objects.all():
        items = json_ld(client.get(center.get_absolute_url()).content.decode())
        images[center.slug] = of_type(items, "MedicalClinic").get("image")
    findlay_photos = GalleryPhoto.objects.filter(center__slug="findlay")

    assert images["findlay"] == f"http://testserver{findlay_photos.first().image.url}"
    assert images["tiffin"] is None  # nothing shows it

    photo = GalleryPhoto.objects.first()
    photo.center = Center.objects.get(slug="tiffin")
    photo.save()
    tiffin = Center.objects.get(slug="tiffin").get_absolute_url()
    clinic = of_type(json_ld(client.get(tiffin).content.decode()), "MedicalClinic")
    assert clinic["image"] == f"http://testserver{photo.image.url}"


def test_the_main_center_without_photos_of_its_own_shows_the_gallerys(client, facility, make_photo):
    photo = make_photo("The garden")

    clinic = of_type(json_ld(client.get("/").content.decode()), "MedicalClinic")

    assert clinic["image"] == f"http://testserver{photo.image.url}"


def author_of(client, post):
    return of_type(json_ld(client.get(post.get_absolute_url()).content.decode()), "BlogPosting")[
        "author"
    ]


def test_post_authors_link_to_their_place_on_the_team_page(client, facility, make_post):
    listed = StaffProfile.objects.create(name="Sam Ortiz", credentials="LICDC")
    unlisted = StaffProfile.objects.create(name="Guest Writer", is_listed=False)
    on_team, guest = make_post(author_profile=listed), make_post(author_profile=unlisted)

    assert author_of(client, on_team)["url"] == f"http://testserver/our-team/#person-{listed.pk}"
    assert f'id="person-{listed.pk}"' in client.get("/our-team/").content.decode()
    assert "url" not in author_of(client, guest)  # not on the team page: no address to give
