"""The roles once more, after both the availability and price ranges (facility 0022) and
the language assistance taglines (facility 0021) exist: each earlier migration synced
the roles with only its own models there."""

from django.db import migrations


def sync_roles(apps, schema_editor):
    from website.roles import sync_roles

    sync_roles(apps, using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [
        ("website", "0005_availability_roles"),
        ("website", "0005_tagline_roles"),
        ("facility", "0024_merge_prices_and_spanish_texts"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
