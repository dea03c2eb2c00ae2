"""The roles again: Editors and Admissions keep each center's "is there room?" current."""

from django.db import migrations


def sync_roles(apps, schema_editor):
    from website.roles import sync_roles

    sync_roles(apps, using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [
        ("website", "0004_network_roles"),
        ("facility", "0022_self_pay_prices"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
