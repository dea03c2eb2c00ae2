"""The "Publishers" group: everything Editors may do, and publishing posts.

Editors write and submit posts for review; only Publishers (and superusers) publish,
schedule or unpublish them, or change a post that is already published.
"""

from django.db import migrations

# The roles are declared once in website/roles.py, and website's migration 0002 applies
# them; this step made the group on databases built before that, and does nothing now.


class Migration(migrations.Migration):
    dependencies = [
        ("facility", "0003_safe_images"),
        ("facility", "0002_editors_group"),
        ("articles", "0003_editorial_workflow"),
    ]

    operations = [migrations.RunPython(migrations.RunPython.noop, migrations.RunPython.noop)]
