"""The Admissions role on inquiries, which replaced contact messages."""

from django.db import migrations


def sync_roles(apps, schema_editor):
    from website.roles import sync_roles

    sync_roles(apps, using=schema_editor.connection.alias, existing_models_only=True)


class Migration(migrations.Migration):
    dependencies = [
        ("website", "0002_staff_roles"),
        ("inquiries", "0002_inquiries_replace_contact_messages"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
