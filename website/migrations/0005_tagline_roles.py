"""The roles again: Editors and Publishers keep each state's language assistance
taglines (facility 0021)."""

from django.db import migrations


def sync_roles(apps, schema_editor):
    from website.roles import sync_roles

    sync_roles(apps, using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [
        ("website", "0004_network_roles"),
        ("facility", "0022_english_center_texts"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
