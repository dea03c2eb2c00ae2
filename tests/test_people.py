"""Staff profiles: the Our team page, and posts signed and reviewed by profiles."""

from datetime import date

import pytest
from django.urls import reverse

from facility.models import Center, StaffProfile
from tests.test_structured_data import check_vocabulary, json_ld, of_type

from .factories import jpeg_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def doctor(facility):
    return StaffProfile.objects.create(
        name="Maya Okafor", credentials="MD", role="Medical Director",
        bio="Oversees every detox.", center=facility.main_center, photo=jpeg_file(),
    )  # fmt: skip


def test_our_team_lists_the_listed_people_with_credentials_and_role(client, doctor):
    StaffProfile.objects.create(name="Hidden Reviewer", is_listed=False)

    html = client.get(reverse("facility:team")).content.decode()

    assert html.count("<h1>") == 1
    assert "Maya Okafor, MD" in html and "Medical Director" in html
    assert "Oversees every detox." in html and 'alt="Photo of Maya Okafor"' in html
    assert "Hidden Reviewer" not in html
    assert doctor.center.get_absolute_url() not in html  # one center: no place to name
    footer = html[html.index("<footer") :]
    assert f'<a href="{reverse("facility:team")}">Our Team</a>' in footer


def test_with_several_centers_each_person_names_their_center(client, doctor):
    Center.objects.create(
        name="Tiffin office", slug="tiffin", street="1 Main Street", city="Tiffin",
        state="OH", postal_code="44883", phone="419-555-0101",
    )  # fmt: skip
    html = client.get(reverse("facility:team")).content.decode()
    assert f'href="{doctor.center.get_absolute_url()}"' in html


def test_a_post_is_signed_and_reviewed_by_profiles_never_accounts(client, make_post, doctor):
    writer = StaffProfile.objects.create(
        name="Jordan Ellis", credentials="LICDC-CS", role="Clinical Director"
    )
    post = make_post(author_profile=writer, reviewer_profile=doctor, reviewed_on=date(2026, 10, 2))

    html = client.get(post.get_absolute_url()).content.decode()
    items = json_ld(html)
    article = of_type(items, "BlogPosting")

    assert "by Jordan Ellis, LICDC-CS" in html
    assert "Medically reviewed by Maya Okafor, MD, Medical Director" in html
    assert "writer" not in html  # the account's user name
    check_vocabulary(items)
    # Each with their place on the team page.
    assert article["author"] == {
        "@type": "Person", "name": "Jordan Ellis", "honorificSuffix": "LICDC-CS",
        "jobTitle": "Clinical Director",
        "url": f"http://testserver/our-team/#person-{writer.pk}",
    }  # fmt: skip
    assert article["mainEntityOfPage"]["reviewedBy"] == {
        "@type": "Person", "name": "Maya Okafor", "honorificSuffix": "MD",
        "jobTitle": "Medical Director", "url": f"http://testserver/our-team/#person-{doctor.pk}",
    }  # fmt: skip
    rss = client.get(reverse("articles:feed")).content.decode()
    assert ">Jordan Ellis</dc:creator>" in rss


def test_a_review_date_needs_a_reviewer(make_post):
    from django.db import IntegrityError

    with pytest.raises(IntegrityError):
        make_post(reviewed_on=date(2026, 10, 2))
