"""The roles again, now that the facility has centers with their own hours, facts,
credentials and staff profiles, and inquiries have replaced contact messages: from here
on every permission the roles name exists, so none is left out."""

from django.db import migrations


def sync_roles(apps, schema_editor):
    from website.roles import sync_roles

    sync_roles(apps, using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [
        ("website", "0003_admissions_role"),
        ("facility", "0016_callback_promise"),
        ("articles", "0007_remove_review_text"),
        ("inquiries", "0002_inquiries_replace_contact_messages"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
