"""The staff roles are declared once (website/roles.py), and the groups hold exactly that."""

import pytest
from django.contrib.auth.models import Group, Permission

from website.roles import ROLES, sync_roles

# Browser tests empty every table; staff_groups remakes the groups if they did.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("staff_groups")]


def held(group_name):
    group = Group.objects.get(name=group_name)
    return sorted(
        f"{app_label}.{codename}"
        for app_label, codename in group.permissions.values_list(
            "content_type__app_label", "codename"
        )
    )


def test_the_migrations_give_each_group_exactly_its_declared_permissions():
    for group_name, names in ROLES.items():
        assert held(group_name) == sorted(names), group_name


def test_syncing_again_changes_nothing():
    before = {name: held(name) for name in ROLES}

    sync_roles()

    assert {name: held(name) for name in ROLES} == before


def test_syncing_takes_back_what_was_added_by_hand_and_remakes_a_deleted_group():
    editors = Group.objects.get(name="Editors")
    editors.permissions.add(Permission.objects.get(codename="view_inquiry"))
    Group.objects.filter(name="Admissions").delete()

    sync_roles()

    assert "inquiries.view_inquiry" not in held("Editors")
    assert held("Admissions") == [
        "facility.add_availability",
        "facility.change_availability",
        "facility.view_availability",
        "inquiries.add_inquirynote",
        "inquiries.change_inquiry",
        "inquiries.delete_inquiry",
        "inquiries.export_inquiry",
        "inquiries.view_inquiry",
        "inquiries.view_inquirynote",
    ]


def test_only_admissions_may_read_inquiries_and_only_publishers_publish():
    readers = [
        name for name, names in ROLES.items() if any(n.startswith("inquiries.") for n in names)
    ]
    publishers = [name for name, names in ROLES.items() if "articles.publish_post" in names]

    assert readers == ["Admissions"]
    assert publishers == ["Publishers"]
