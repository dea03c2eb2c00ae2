"""Contact messages are health information: a permission to export them, and the
"Admissions" group of staff who read, delete and export them (Editors never do).
"""

from django.db import migrations

# The roles are declared once in website/roles.py, and website's migration 0002 applies
# them; this step made the group on databases built before that, and does nothing now.


class Migration(migrations.Migration):
    dependencies = [
        ("facility", "0005_facility_crisis_line"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="contactmessage",
            options={
                "ordering": ["-created"],
                "permissions": [("export_contactmessage", "Can export contact messages as CSV")],
                "verbose_name": "contact message",
            },
        ),
        migrations.RunPython(migrations.RunPython.noop, migrations.RunPython.noop),
    ]
