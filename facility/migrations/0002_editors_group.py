"""The "Editors" group: write posts and keep the center's facts current, nothing more.

No permission on users, groups or contact messages: those stay with administrators.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Editors"
PERMISSIONS = {
    "articles": {
        "post": ["add", "change", "delete", "view"],
        "category": ["add", "change", "view"],
        "recommendedpost": ["add", "change", "delete", "view"],
    },
    "facility": {
        "facility": ["change", "view"],
        "openinghours": ["add", "change", "delete", "view"],
        "service": ["add", "change", "delete", "view"],
        "galleryphoto": ["add", "change", "delete", "view"],
        "page": ["add", "change", "delete", "view"],
        "movedpage": ["add", "change", "delete", "view"],
    },
}


def create_editors(apps, schema_editor):
    # Permissions are normally made after all migrations; make them now to grant them.
    for app_label in PERMISSIONS:
        app_config = apps.get_app_config(app_label)
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    for app_label, models in PERMISSIONS.items():
        for model, actions in models.items():
            codenames = [f"{action}_{model}" for action in actions]
            editors.permissions.add(
                *Permission.objects.filter(
                    content_type__app_label=app_label, codename__in=codenames
                )
            )


def remove_editors(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=EDITORS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("facility", "0001_initial"),
        ("articles", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_editors, remove_editors)]
