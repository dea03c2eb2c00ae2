"""The staff roles as website/roles.py declares them: Editors, Publishers, Admissions.

Earlier migrations built the groups one by one; this one brings every database, new or
old, to exactly what roles.py says.
"""

from django.db import migrations


def sync_roles(apps, schema_editor):
    from website.roles import sync_roles

    # The roles as they are now may name models made by later migrations (inquiries):
    # 0003 applies those.
    sync_roles(apps, using=schema_editor.connection.alias, existing_models_only=True)


class Migration(migrations.Migration):
    dependencies = [
        ("website", "0001_initial"),
        ("inquiries", "0001_initial"),
        ("articles", "0003_editorial_workflow"),
        ("facility", "0007_move_contact_messages_and_moved_pages"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
