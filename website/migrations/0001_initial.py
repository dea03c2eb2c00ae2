"""Moved pages, moved here from the facility app with their table and rows.

The content type moves too (the same row, relabelled), so that permissions, groups and
admin log entries keep pointing at these records.
"""

import django.core.validators
from django.db import migrations, models

LOCAL_PATH = django.core.validators.RegexValidator("^/(?!/)[^\\s]*$", "Give a path on this site that starts with a single /, such as /blog/.")


def relabel(old_app, new_app):
    def run(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        ContentType.objects.using(schema_editor.connection.alias).filter(
            app_label=old_app, model="movedpage"
        ).update(app_label=new_app)

    return run


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("facility", "0007_move_contact_messages_and_moved_pages"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="MovedPage",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("old_path", models.CharField(help_text="Such as /blog/old-name/.", max_length=250, unique=True, validators=[LOCAL_PATH])),
                        ("new_path", models.CharField(help_text="Such as /blog/new-name/.", max_length=250, validators=[LOCAL_PATH])),
                        ("created", models.DateTimeField(auto_now_add=True)),
                    ],
                    options={
                        "verbose_name": "moved page",
                        "db_table": "facility_movedpage",
                        "ordering": ["old_path"],
                    },
                ),
            ],
        ),
        migrations.RunPython(relabel("facility", "website"), relabel("website", "facility")),
    ]
