"""The staff admin: what an Editor can do, and what nobody can break."""

import pytest
from django.db import IntegrityError
from django.urls import reverse

from articles.models import Post
from facility.models import Facility
from inquiries.models import Inquiry
from tests.factories import jpeg_file, post_admin_form

pytestmark = pytest.mark.django_db


def test_editors_group_can_write_posts_and_edit_the_facility_but_not_manage_users(editor):
    assert editor.has_perms(
        [
            "articles.add_post",
            "articles.change_post",
            "articles.add_recommendedpost",
            "facility.change_facility",
            "facility.add_openinghours",
            "facility.change_service",
            "facility.add_galleryphoto",
            "facility.change_page",
        ]
    )
    for perm in [
        "auth.add_user",
        "auth.change_user",
        "auth.change_group",
        "facility.add_facility",
        "facility.delete_facility",
        "inquiries.view_contactmessage",
    ]:
        assert not editor.has_perm(perm), perm


def test_admin_pages_load_for_an_editor(
    editor_client, facility, make_post, make_service, make_photo, pages
):
    post = make_post()
    objects = [
        ("articles", "post", post),
        ("articles", "category", post.category),
        ("facility", "service", make_service()),
        ("facility", "galleryphoto", make_photo()),
        ("facility", "page", pages[0]),
        ("facility", "facility", facility),
    ]
    assert editor_client.get(reverse("admin:index")).status_code == 200
    for app, model, obj in objects:
        changelist = editor_client.get(reverse(f"admin:{app}_{model}_changelist"), follow=True)
        change = editor_client.get(reverse(f"admin:{app}_{model}_change", args=[obj.pk]))
        assert changelist.status_code == 200, model
        assert change.status_code == 200, model
    for app, model in [("articles", "post"), ("facility", "service"), ("facility", "page")]:
        assert editor_client.get(reverse(f"admin:{app}_{model}_add")).status_code == 200
    assert editor_client.get(reverse("admin:auth_user_changelist")).status_code == 403


def test_post_form_has_the_editor_prepopulated_slug_and_autocomplete(editor_client, facility):
    html = editor_client.get(reverse("admin:articles_post_add")).content.decode()

    assert "ckeditor" in html and 'data-type="ckeditortype"' in html
    assert "prepopulated_fields" in html or "data-prepopulated-field" in html
    assert 'class="admin-autocomplete' in html  # recommended posts and category
    assert "Recommended posts" in html


def test_publisher_writes_a_post_with_recommendations_in_the_admin(
    publisher_client, publisher, facility, make_post, category
):
    first, second = make_post(title="First pick"), make_post(title="Second pick")
    data = post_admin_form(
        category,
        publisher,
        recommended=[second, first],
        body="<h2>Week one</h2><p>Go slowly.</p><script>alert(1)</script>",
        status="published",
    )

    response = publisher_client.post(reverse("admin:articles_post_add"), data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    post = Post.objects.get(slug="coming-home")
    assert post.body == "<h2>Week one</h2><p>Go slowly.</p>"  # sanitized on save
    assert post.recommended_posts() == [second, first]


def test_featured_image_needs_alt_text(editor_client, editor, facility, category):
    response = editor_client.post(
        reverse("admin:articles_post_add"),
        post_admin_form(
            category,
            title="With a picture",
            slug="with-a-picture",
            featured_image=jpeg_file(),
            featured_image_alt="",
            status="draft",
        ),
    )

    assert response.status_code == 200
    assert "Describe the featured image in its alt text." in response.content.decode()
    assert not Post.objects.filter(slug="with-a-picture").exists()


def test_facility_admin_offers_no_second_facility(admin_client, facility):
    assert admin_client.get(reverse("admin:facility_facility_add")).status_code == 403
    changelist = admin_client.get(reverse("admin:facility_facility_changelist"))
    assert changelist.status_code == 302
    assert changelist.url == reverse("admin:facility_facility_change", args=[facility.pk])
    with pytest.raises(IntegrityError):
        Facility.objects.create(name="Second", about="x")


def test_center_hours_are_edited_inline(admin_client, facility):
    html = admin_client.get(
        reverse("admin:facility_center_change", args=[facility.main_center.pk])
    ).content.decode()

    assert 'name="hours-0-days"' in html and 'name="hours-0-sort_order"' in html
    assert 'name="hours-3-is_24_hours"' in html


def test_what_the_visitor_sent_is_read_only_and_hidden_from_editors(
    admin_client, editor_client, facility
):
    message = Inquiry.objects.create(first_name="Sam", email="sam@example.com", message="Private")
    url = reverse("admin:inquiries_inquiry_change", args=[message.pk])

    assert editor_client.get(url).status_code == 403
    html = admin_client.get(url).content.decode()
    assert "Private" in html and 'name="message"' not in html and 'name="first_name"' not in html
    assert 'name="status"' in html and 'name="assignee"' in html


def test_view_on_site_link_points_at_the_public_post(admin_client, facility, make_post):
    post = make_post()
    html = admin_client.get(reverse("admin:articles_post_change", args=[post.pk])).content
    assert b"View on site" in html


def test_old_admin_links_to_moved_models_lead_to_their_new_pages(admin_client, facility):
    # Notification e-mails sent before contact messages moved apps, then became inquiries
    # (keeping their ids), link to the old pages.
    message = Inquiry.objects.create(first_name="Sam", phone="555-0100", message="Hi")

    response = admin_client.get(f"/admin/facility/contactmessage/{message.pk}/change/?a=1")
    later = admin_client.get(f"/admin/inquiries/contactmessage/{message.pk}/change/")
    moved_pages = admin_client.get("/admin/facility/movedpage/")

    new_url = reverse("admin:inquiries_inquiry_change", args=[message.pk])
    assert response.status_code == 301 and response["Location"] == f"{new_url}?a=1"
    assert later.status_code == 301 and later["Location"] == new_url
    assert moved_pages["Location"] == reverse("admin:website_movedpage_changelist")
    assert admin_client.get(response["Location"]).status_code == 200


def test_the_blog_app_is_called_blog_in_the_admin(admin_client, facility):
    html = admin_client.get(reverse("admin:index")).content.decode()

    assert ">Blog</a>" in html and ">Articles</a>" not in html
    assert ">Inquiries</a>" in html and ">Website</a>" in html
