"""Contact messages are health information: a permission to export them, and the
"Admissions" group of staff who read, delete and export them (Editors never do).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ADMISSIONS = "Admissions"
CODENAMES = ["view_contactmessage", "delete_contactmessage", "export_contactmessage"]


def create_admissions(apps, schema_editor):
    # Permissions are normally made after all migrations; make them now to grant them.
    app_config = apps.get_app_config("facility")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    admissions, _ = Group.objects.get_or_create(name=ADMISSIONS)
    admissions.permissions.add(
        *Permission.objects.filter(content_type__app_label="facility", codename__in=CODENAMES)
    )


def remove_admissions(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=ADMISSIONS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("facility", "0005_facility_crisis_line"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="contactmessage",
            options={
                "ordering": ["-created"],
                "permissions": [("export_contactmessage", "Can export contact messages as CSV")],
                "verbose_name": "contact message",
            },
        ),
        migrations.RunPython(create_admissions, remove_admissions),
    ]
