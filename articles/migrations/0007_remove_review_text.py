"""The reviewer's name and credentials now live on their profile (0006 moved them)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0006_bylines_and_reviewers_as_profiles"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="post",
            name="post_review_date_has_reviewer",
        ),
        migrations.RemoveField(
            model_name="post",
            name="medical_reviewer",
        ),
        migrations.RemoveField(
            model_name="post",
            name="medical_reviewer_credentials",
        ),
        migrations.AddConstraint(
            model_name="post",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("reviewed_on__isnull", True), ("reviewer_profile__isnull", False), _connector="OR"
                ),
                name="post_review_date_has_reviewer",
                violation_error_message="Name the medical reviewer, or leave the date empty.",
            ),
        ),
    ]
