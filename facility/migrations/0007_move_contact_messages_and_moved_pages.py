"""Contact messages moved to the inquiries app and moved pages to the website app.

Only Django's idea of the models moves: their tables keep their names and rows
(inquiries 0001 and website 0001 take them over, and move their content types).
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("facility", "0006_contact_message_privacy"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="ContactMessage"),
                migrations.DeleteModel(name="MovedPage"),
            ],
        ),
    ]
