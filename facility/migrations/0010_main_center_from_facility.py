"""Make the facility's address, phones, map and hours its first center's, losing nothing."""

from django.conf import settings
from django.db import migrations
from django.utils.text import slugify

LOCATION_FACTS = [
    "street",
    "city",
    "state",
    "postal_code",
    "phone",
    "email",
    "latitude",
    "longitude",
    "map_url",
]


def facility_to_main_center(apps, schema_editor):
    Facility = apps.get_model("facility", "Facility")
    Center = apps.get_model("facility", "Center")
    OpeningHours = apps.get_model("facility", "OpeningHours")
    facility = Facility.objects.first()
    if facility is None:
        return
    center = Center.objects.create(
        name=facility.name,
        slug=slugify(facility.city)[:80] or "main",
        is_main=True,
        time_zone=settings.TIME_ZONE,
        **{fact: getattr(facility, fact) for fact in LOCATION_FACTS},
    )
    OpeningHours.objects.filter(facility=facility).update(center=center)


def main_center_to_facility(apps, schema_editor):
    Facility = apps.get_model("facility", "Facility")
    Center = apps.get_model("facility", "Center")
    OpeningHours = apps.get_model("facility", "OpeningHours")
    facility = Facility.objects.first()
    center = Center.objects.order_by("-is_main", "sort_order", "pk").first()
    if facility is None or center is None:
        return
    for fact in LOCATION_FACTS:
        setattr(facility, fact, getattr(center, fact))
    facility.save()
    OpeningHours.objects.filter(center=center).update(facility=facility)
    OpeningHours.objects.exclude(center=center).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("facility", "0009_centers"),
    ]

    operations = [
        migrations.RunPython(facility_to_main_center, main_center_to_facility),
    ]
