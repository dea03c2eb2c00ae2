"""The "Publishers" group: everything Editors may do, and publishing posts.

Editors write and submit posts for review; only Publishers (and superusers) publish,
schedule or unpublish them, or change a post that is already published.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PUBLISHERS = "Publishers"


def create_publishers(apps, schema_editor):
    app_config = apps.get_app_config("articles")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors = Group.objects.get(name="Editors")
    publishers, _ = Group.objects.get_or_create(name=PUBLISHERS)
    publishers.permissions.add(
        *editors.permissions.all(),
        Permission.objects.get(content_type__app_label="articles", codename="publish_post"),
    )


def remove_publishers(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=PUBLISHERS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("facility", "0003_safe_images"),
        ("facility", "0002_editors_group"),
        ("articles", "0003_editorial_workflow"),
    ]

    operations = [migrations.RunPython(create_publishers, remove_publishers)]
