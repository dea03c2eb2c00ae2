"""Test data built one way for every test: staff and their roles, pictures, admin forms.

The fixtures in conftest.py are made from these; tests that need more than a fixture
gives call them directly.
"""

import io

from django.contrib.auth.models import Group, Permission, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from website.roles import ROLES, sync_roles

PASSWORD = "a-long-test-password"


def ensure_staff_roles():
    """The staff groups, remade as website/roles.py declares them if missing.

    Transactional tests (browser tests) flush every table afterwards, rows that data
    migrations made included; a later test that needs the groups calls this.
    """
    if Group.objects.filter(name__in=ROLES).count() == len(ROLES):
        return
    sync_roles()


def make_staff(username, *groups, perms=(), **fields):
    """A staff user who can log in with PASSWORD, in `groups`, with extra permissions."""
    user = User.objects.create_user(username, password=PASSWORD, is_staff=True, **fields)
    user.groups.add(*(Group.objects.get(name=name) for name in groups))
    user.user_permissions.add(*(Permission.objects.get(codename=name) for name in perms))
    return user


def make_superuser(username="boss", password=PASSWORD):
    return User.objects.create_superuser(username, f"{username}@example.org", password)


def logged_in(user):
    """A test client with `user` logged in."""
    client = Client()
    client.force_login(user)
    return client


def jpeg_file(name="picture.jpg", size=(64, 36), color=(20, 90, 100)):
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, "JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def inline_rows(prefix, rows=()):
    """An admin inline's POST data: its management form, then each new row's fields."""
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for number, row in enumerate(rows):
        data.update({f"{prefix}-{number}-{name}": value for name, value in row.items()})
    return data


# The post's texts with a version per language: the admin's form has one field per
# language (`title_en`, `title_es`); `changes` name the English by the plain name.
POST_TEXTS = (
    "title",
    "slug",
    "excerpt",
    "body",
    "featured_image_alt",
    "search_description",
    "seo_title",
)


def post_admin_form(category, author=None, recommended=(), **changes):
    """What the admin's post form sends for a post submitted for review, `changes` over it.

    `recommended` posts fill the recommended-posts inline, in their order. Changes to the
    texts by their plain names are the English versions'; the Spanish are empty unless
    given (`title_es`).
    """
    from datetime import timedelta

    from django.utils import timezone

    # Yesterday morning in the site's zone: in the past at any hour, whatever the year.
    yesterday = timezone.localdate() - timedelta(days=1)
    data = {
        "title": "Coming home after treatment",
        "slug": "coming-home",
        "excerpt": "What the first week can look like.",
        "body": "<h2>Week one</h2><p>Go slowly.</p>",
        "featured_image_alt": "",
        "status": "review",
        "pub_date_0": yesterday.isoformat(),
        "pub_date_1": "09:00:00",
        "category": category.pk,
        "search_description": "",
        "seo_title": "",
        "author_profile": "",
        "reviewer_profile": "",
        "reviewed_on": "",
        **inline_rows(
            "recommended_links",
            [{"recommended": post.pk, "sort_order": str(n)} for n, post in enumerate(recommended)],
        ),
    }
    if author is not None:
        data["author"] = author.pk
    data = {**data, **changes}
    for name in POST_TEXTS:
        data[f"{name}_en"] = data.pop(name)
        data.setdefault(f"{name}_es", "")
    return data


# What a visitor asking for a loved one sends through the inquiry form.
INQUIRY_POST = {
    "for_whom": "loved-one",
    "first_name": "Jordan",
    "phone": "",
    "email": "jordan@example.com",
    "best_time": "evening",
    "level_of_care": "Not sure",
    "payment": "not-sure",
    "plan_name": "",
    "message": "My brother needs help with his drinking. What should we do first?",
}


def make_inquiry(days_old=0, **fields):
    """An inquiry as the form saves it, received `days_old` days ago."""
    from datetime import timedelta

    from django.utils import timezone

    from inquiries.models import Inquiry

    values = {
        "for_whom": "myself",
        "first_name": "Jordan",
        "email": "jordan@example.com",
        "message": "I want to stop drinking.",
        **fields,
    }
    inquiry = Inquiry.objects.create(**values)
    if days_old:
        Inquiry.objects.filter(pk=inquiry.pk).update(
            created=timezone.now() - timedelta(days=days_old)
        )
    return Inquiry.objects.get(pk=inquiry.pk)


def in_spanish(instance, **texts):
    """`instance` with its Spanish version: each text given by its plain name (`title`,
    `slug`, `body`) is saved as the Spanish one (`title_es`)."""
    for name, value in texts.items():
        setattr(instance, f"{name}_es", value)
    instance.save()
    return instance


def two_posts_in_spanish(make_post, recommend):
    """An older and a newer post, each with its Spanish version at its own slug, in a
    category with its Spanish name; the newer recommends the older."""
    older = in_spanish(
        make_post(title="An older post", days_ago=5),
        title="Un artículo anterior", slug="un-articulo-anterior", body="<p>Antes.</p>",
    )  # fmt: skip
    post = in_spanish(
        make_post(title="A first post"),
        title="Un primer artículo", slug="un-primer-articulo", body="<p>Primero.</p>",
    )  # fmt: skip
    in_spanish(post.category, name="Recuperación", slug="recuperacion")
    recommend(post, older)
    return older, post
