"""The editorial workflow: drafts, review, scheduling, publishing, previews and history."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from articles.admin import ONLY_PUBLISHERS
from articles.models import Post
from tests.factories import post_admin_form

pytestmark = pytest.mark.django_db


def test_editor_can_submit_for_review_but_not_publish(editor_client, editor, category):
    add_url = reverse("admin:articles_post_add")
    form_html = editor_client.get(add_url).content.decode()
    assert '<option value="review">Submitted for review</option>' in form_html
    assert '<option value="published"' not in form_html

    refused = editor_client.post(add_url, post_admin_form(category, editor, status="published"))
    assert refused.status_code == 200
    assert not Post.objects.exists()

    submitted = editor_client.post(add_url, post_admin_form(category, editor))
    assert submitted.status_code == 302
    assert Post.objects.get().status == Post.Status.REVIEW


def test_the_server_refuses_publishing_even_when_the_form_is_bypassed(editor, category):
    from django.forms import modelform_factory

    from articles.admin import PostForm

    # The form as a crafted request would meet it, with every status choice present.
    form_class = modelform_factory(
        Post,
        form=PostForm,
        fields=["title_en", "slug_en", "body_en", "status", "pub_date", "category"],
    )
    form_class.user = editor
    form = form_class(data=post_admin_form(category, editor, status="published"))
    assert not form.is_valid()
    assert form.errors["status"] == [ONLY_PUBLISHERS]


def test_publisher_publishes(publisher_client, publisher, category):
    response = publisher_client.post(
        reverse("admin:articles_post_add"), post_admin_form(category, publisher, status="published")
    )
    assert response.status_code == 302
    assert Post.objects.get().is_public()


def test_editors_cannot_change_or_delete_published_posts(editor_client, editor, make_post):
    post = make_post(title="Live post")
    change_url = reverse("admin:articles_post_change", args=[post.pk])

    page = editor_client.get(change_url)
    assert page.status_code == 200  # they may still read it
    assert 'name="title_en"' not in page.content.decode()
    response = editor_client.post(
        change_url, post_admin_form(post.category, editor, title="Changed", slug=post.slug)
    )
    assert response.status_code == 403
    delete = editor_client.post(
        reverse("admin:articles_post_delete", args=[post.pk]), {"post": "yes"}
    )
    assert delete.status_code == 403
    post.refresh_from_db()
    assert post.title == "Live post"


def test_publisher_bulk_publishes_and_unpublishes(publisher_client, make_post):
    drafts = [make_post(status=Post.Status.REVIEW) for _ in range(2)]
    live = make_post()
    changelist = reverse("admin:articles_post_changelist")

    publisher_client.post(
        changelist,
        {"action": "publish_selected", "_selected_action": [p.pk for p in drafts]},
    )
    assert all(Post.objects.get(pk=p.pk).is_public() for p in drafts)

    publisher_client.post(
        changelist, {"action": "unpublish_selected", "_selected_action": [live.pk]}
    )
    assert Post.objects.get(pk=live.pk).status == Post.Status.DRAFT


def test_editors_have_no_bulk_publishing(editor_client, make_post):
    draft = make_post(status=Post.Status.REVIEW)
    changelist = reverse("admin:articles_post_changelist")

    assert "publish_selected" not in editor_client.get(changelist).content.decode()
    editor_client.post(changelist, {"action": "publish_selected", "_selected_action": [draft.pk]})
    assert Post.objects.get(pk=draft.pk).status == Post.Status.REVIEW


def test_post_list_shows_state_dates_author_and_category(publisher_client, make_post):
    make_post(title="A draft", status=Post.Status.DRAFT)
    make_post(title="In review", status=Post.Status.REVIEW)
    make_post(title="Scheduled one", days_ago=-3)
    make_post(title="Live one")

    html = publisher_client.get(reverse("admin:articles_post_changelist")).content.decode()

    for css, label in [
        ("draft", "Draft"), ("review", "In review"), ("scheduled", "Scheduled"),
        ("published", "Published"),
    ]:  # fmt: skip
        assert f'<span class="state state-{css}">{label}</span>' in html
    assert "Dana Reyes" in html or "writer" in html
    assert ">Recovery<" in html
    scheduled = publisher_client.get(
        reverse("admin:articles_post_changelist"), {"state": "scheduled"}
    ).content.decode()
    assert "Scheduled one" in scheduled and "Live one" not in scheduled


def test_save_and_preview_shows_the_draft_as_it_will_look(editor_client, editor, category):
    response = editor_client.post(
        reverse("admin:articles_post_add"), {**post_admin_form(category, editor), "_preview": "1"}
    )
    assert response.status_code == 302
    assert response.url == reverse("articles:post", args=["coming-home"])

    preview = editor_client.get(response.url)
    assert "Preview: not published." in preview.content.decode()
    assert (
        "Save and preview" in editor_client.get(reverse("admin:articles_post_add")).content.decode()
    )


def test_visitors_get_404_for_a_draft_staff_preview(client, make_post):
    draft = make_post(status=Post.Status.REVIEW)
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_admin_index_shows_posts_waiting_and_scheduled(publisher_client, make_post):
    make_post(title="Please review me", status=Post.Status.REVIEW)
    make_post(title="Half written", status=Post.Status.DRAFT)
    later = make_post(title="Goes live Friday", days_ago=-2)

    html = publisher_client.get(reverse("admin:index")).content.decode()

    assert "Posts waiting" in html
    for title in ["Please review me", "Half written", "Goes live Friday"]:
        assert title in html
    assert timezone.localtime(later.pub_date).strftime("%b %-d") in html


def test_every_admin_save_is_kept_and_can_be_restored(publisher_client, publisher, category):
    add_url = reverse("admin:articles_post_add")
    publisher_client.post(add_url, post_admin_form(category, publisher, body="<p>First words.</p>"))
    post = Post.objects.get()
    change_url = reverse("admin:articles_post_change", args=[post.pk])
    publisher_client.post(
        change_url, post_admin_form(category, publisher, body="<p>Second words.</p>")
    )

    versions = Version.objects.get_for_object(post)
    assert len(versions) == 2
    assert versions[0].revision.user == publisher
    history = publisher_client.get(reverse("admin:articles_post_history", args=[post.pk]))
    assert history.status_code == 200 and "compare" in history.content.decode().lower()

    compare = publisher_client.get(
        reverse("admin:articles_post_compare", args=[post.pk]),
        {"version_id1": versions[1].pk, "version_id2": versions[0].pk},
    )
    assert compare.status_code == 200
    assert "First words" in compare.content.decode() and "Second words" in compare.content.decode()

    old = versions[1]
    revision_url = reverse("admin:articles_post_revision", args=[post.pk, old.pk])
    assert "First words" in publisher_client.get(revision_url).content.decode()
    publisher_client.post(
        revision_url, post_admin_form(category, publisher, body="<p>First words.</p>")
    )
    post.refresh_from_db()
    assert post.body == "<p>First words.</p>"
    assert len(Version.objects.get_for_object(post)) == 3


def test_pages_and_services_keep_history_too(admin_client, pages):
    page = pages[0]
    admin_client.post(
        reverse("admin:facility_page_change", args=[page.pk]),
        {"title_en": page.title, "slug_en": page.slug, "body_en": "<p>New.</p>",
         "seo_title_en": "", "search_description_en": ""},
    )  # fmt: skip
    assert len(Version.objects.get_for_object(page)) == 1


def test_scheduled_state_turns_published_at_its_time(make_post):
    post = make_post(days_ago=0)
    post.pub_date = timezone.now() + timedelta(hours=2)
    assert post.state == Post.State.SCHEDULED
    post.pub_date = timezone.now() - timedelta(minutes=1)
    assert post.state == Post.State.PUBLISHED


def test_queryset_and_post_agree_on_each_posts_state(make_post):
    posts = [
        make_post(status=Post.Status.DRAFT),
        make_post(status=Post.Status.REVIEW),
        make_post(days_ago=-2),  # scheduled
        make_post(days_ago=2),
    ]

    for state in Post.State:
        in_state = [post for post in posts if post.state == state]
        assert len(in_state) == 1, state
        assert list(Post.objects.in_state(state)) == in_state
    assert set(Post.objects.approved()) == {posts[2], posts[3]}
