"""Contact messages, moved here from the facility app with their table and rows.

The content type moves too (the same row, relabelled), so that permissions, the
Admissions group, admin log entries and saved versions keep pointing at these messages.
"""

from django.db import migrations, models


def relabel(old_app, new_app):
    def run(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        ContentType.objects.using(schema_editor.connection.alias).filter(
            app_label=old_app, model="contactmessage"
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
                    name="ContactMessage",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("name", models.CharField(max_length=120)),
                        ("email", models.EmailField(blank=True, max_length=254)),
                        ("phone", models.CharField(blank=True, max_length=30)),
                        ("message", models.TextField(max_length=5000)),
                        ("consent", models.BooleanField(verbose_name="agreed to be contacted")),
                        ("created", models.DateTimeField(auto_now_add=True, db_index=True)),
                        ("notified", models.DateTimeField(blank=True, help_text="Empty if the e-mail failed.", null=True, verbose_name="staff notified")),
                    ],
                    options={
                        "verbose_name": "contact message",
                        "db_table": "facility_contactmessage",
                        "ordering": ["-created"],
                        "permissions": [("export_contactmessage", "Can export contact messages as CSV")],
                        "constraints": [models.CheckConstraint(condition=models.Q(models.Q(("email", ""), _negated=True), models.Q(("phone", ""), _negated=True), _connector="OR"), name="contact_message_has_reply_route")],
                    },
                ),
            ],
        ),
        migrations.RunPython(relabel("facility", "inquiries"), relabel("inquiries", "facility")),
    ]
