"""Give every name a post showed its profile, so that posts read as before: the
author's full name (never a user name) and the medical reviewer typed on the post."""

from django.db import migrations


def names_to_profiles(apps, schema_editor):
    Post = apps.get_model("articles", "Post")
    StaffProfile = apps.get_model("facility", "StaffProfile")
    profiles = {}

    def profile(name, credentials=""):
        key = (name.strip(), credentials.strip())
        if key not in profiles:
            profiles[key] = StaffProfile.objects.create(
                name=key[0], credentials=key[1], is_listed=False
            )
        return profiles[key]

    for post in Post.objects.select_related("author"):
        changed = False
        author = post.author
        full_name = f"{author.first_name} {author.last_name}".strip() if author else ""
        if full_name:
            post.author_profile = profile(full_name)
            changed = True
        if post.medical_reviewer.strip():
            post.reviewer_profile = profile(
                post.medical_reviewer, post.medical_reviewer_credentials
            )
            changed = True
        if changed:
            post.save(update_fields=["author_profile", "reviewer_profile"])


def profiles_to_names(apps, schema_editor):
    Post = apps.get_model("articles", "Post")
    for post in Post.objects.select_related("reviewer_profile").exclude(reviewer_profile=None):
        post.medical_reviewer = post.reviewer_profile.name
        post.medical_reviewer_credentials = post.reviewer_profile.credentials
        post.save(update_fields=["medical_reviewer", "medical_reviewer_credentials"])


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0005_staff_profiles"),
    ]

    operations = [migrations.RunPython(names_to_profiles, profiles_to_names)]
