"""Posts name staff profiles as their byline and medical reviewer."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0004_post_search_meta_help_text"),
        ("facility", "0015_staff_profiles"),
    ]

    operations = [
        migrations.AddField(
            model_name="post",
            name="author_profile",
            field=models.ForeignKey(blank=True, help_text="Whose name the public sees as the author; the organization's if empty.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="authored_posts", to="facility.staffprofile", verbose_name="byline"),
        ),
        migrations.AddField(
            model_name="post",
            name="reviewer_profile",
            field=models.ForeignKey(blank=True, help_text="Who checked the post's medical facts.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="reviewed_posts", to="facility.staffprofile", verbose_name="medical reviewer"),
        ),
    ]
