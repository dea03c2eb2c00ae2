"""The roles again, now that the facility has centers with their own hours and facts."""

from django.db import migrations


def sync_roles(apps, schema_editor):
    from website.roles import sync_roles

    sync_roles(apps, using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [
        ("website", "0002_staff_roles"),
        ("facility", "0014_credentials"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
