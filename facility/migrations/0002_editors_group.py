"""The "Editors" group: write posts and keep the center's facts current, nothing more.

No permission on users, groups or contact messages: those stay with administrators.
"""

from django.db import migrations

# The roles are declared once in website/roles.py, and website's migration 0002 applies
# them; this step made the group on databases built before that, and does nothing now.


class Migration(migrations.Migration):
    dependencies = [
        ("facility", "0001_initial"),
        ("articles", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(migrations.RunPython.noop, migrations.RunPython.noop)]
