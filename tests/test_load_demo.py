"""The demo content command."""

from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from articles.models import Category, Post, RecommendedPost
from facility.models import (
    Center,
    Credential,
    Facility,
    GalleryPhoto,
    Holiday,
    InsurancePlan,
    OpeningHours,
    Page,
    PriceRange,
    Service,
    StaffProfile,
)
from website.management.commands import load_demo

pytestmark = pytest.mark.django_db

MODELS = [
    Facility,
    Center,
    OpeningHours,
    PriceRange,
    Holiday,
    InsurancePlan,
    Credential,
    StaffProfile,
    Service,
    GalleryPhoto,
    Page,
    Category,
    Post,
    RecommendedPost,
]


def snapshot():
    return {model.__name__: list(model.objects.order_by("pk").values()) for model in MODELS}


def test_load_demo_loads_a_complete_center(client):
    call_command("load_demo", verbosity=0)

    facility = Facility.objects.get()
    assert facility.street == "1800 Manor Hill Road"
    assert facility.phone == "1-855-605-2135"
    assert [row.display for row in facility.hours.all()] == ["24 Hours"] * 4
    assert Service.objects.count() >= 4
    assert GalleryPhoto.objects.count() >= 3
    assert set(Page.objects.values_list("slug", flat=True)) >= {
        "who-we-are",
        "admissions",
        "privacy-policy",
    }
    published = Post.objects.published()
    assert published.count() >= 8
    assert published.values("category").distinct().count() >= 2
    assert RecommendedPost.objects.exists()
    for post in published:
        assert post.featured_image and post.featured_image_alt
        assert post.featured_image_width == 1600 and post.featured_image_height == 900
        assert post.body.count("<h2>") >= 2
        assert len(post.body.split()) > 300
    for photo in GalleryPhoto.objects.all():
        assert photo.image_width > 0 and photo.alt_text
    assert client.get(reverse("website:home")).status_code == 200


def test_load_demo_twice_changes_nothing(demo_data):
    first = snapshot()  # what load_demo stored the first time

    call_command("load_demo", verbosity=0)

    assert snapshot() == first


def test_demo_pictures_are_all_used_and_light():
    folder = Path(load_demo.PICTURES)
    content = load_demo.read_content()
    named = {entry["picture"] for entry in content["posts"] + content["gallery"]}
    on_disk = {path.relative_to(folder).as_posix() for path in folder.rglob("*.*")}

    assert named == on_disk
    for name in on_disk:
        assert (folder / name).stat().st_size <= 150 * 1024, name


def test_every_demo_body_file_belongs_to_a_record():
    content = load_demo.read_content()

    for kind in load_demo.WITH_BODY:
        files = {path.stem for path in (load_demo.DEMO / kind).glob("*.html")}
        assert files == {record["slug"] for record in content[kind]}, kind


def test_the_demo_has_a_second_center_open_on_weekdays_only(client, demo_data):
    findlay, tiffin = Center.objects.order_by("-is_main", "sort_order")
    assert findlay.is_main and findlay.city == "Findlay" and not tiffin.is_main
    assert tiffin.city == "Tiffin" and "Demo data" in tiffin.description
    assert {row.days: row.is_closed for row in tiffin.hours.all()} == {
        "monday": False, "weekdays": False, "saturdays": True, "sundays": True,
    }  # fmt: skip
    for center in (findlay, tiffin):
        kinds = sorted(c.kind for c in Credential.objects.current().filter(center=center))
        assert kinds == ["accreditation", "license"]
        assert all("demo" in c.number.lower() for c in center.credentials.all())
    assert StaffProfile.objects.filter(is_listed=True).count() >= 2
    assert all(post.author_profile and post.reviewer_profile for post in Post.objects.all())
    html = client.get(reverse("facility:centers")).content.decode()
    assert "Findlay, OH" in html and "Tiffin, OH" in html
