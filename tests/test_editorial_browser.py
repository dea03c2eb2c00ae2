"""The editorial journey in headless Chromium, as staff would do it in the admin.

An editor writes a post in the real CKEditor, adds a phone photo (GPS inside), saves and
previews it; a publisher publishes it, edits it, and restores the earlier revision.
"""

import os
import re
from pathlib import Path

import pytest
from django.urls import reverse
from PIL import Image

from articles.models import Post
from tests.factories import PASSWORD, make_staff
from tests.test_uploads import phone_photo

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = Path(__file__).resolve().parent.parent / "screenshots"


def log_in(page, server, username):
    page.goto(server.url + reverse("admin:login"))
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(r"/admin/$"))


def type_in_editor(page, text):
    """Type into the English body's CKEditor 4 editing iframe, as a person would."""
    body = page.frame_locator("#cke_id_body_en iframe.cke_wysiwyg_frame").locator("body")
    body.click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    page.keyboard.type(text)


def pick_autocomplete(page, field_id, text):
    """Choose `text` in one of the admin's searchable (select2) fields."""
    page.locator(f"#{field_id} + .select2 .select2-selection").click()
    page.locator(".select2-search__field").fill(text)
    page.locator(".select2-results__option", has_text=text).first.click()


def test_write_preview_publish_and_restore(
    live_server, page, staff_groups, facility, category, tmp_path
):
    make_staff("editor", "Editors")
    make_staff("publisher", "Publishers")
    photo = tmp_path / "IMG_2041.jpg"
    photo.write_bytes(phone_photo())
    page.set_viewport_size({"width": 1280, "height": 900})
    SCREENSHOTS.mkdir(exist_ok=True)

    # The editor writes and previews.
    log_in(page, live_server, "editor")
    page.goto(live_server.url + reverse("admin:articles_post_add"))
    page.get_by_label("Title [en]:", exact=True).press_sequentially(
        "Walking as medicine in early recovery"
    )
    assert (
        page.get_by_label("Slug [en]:", exact=True).input_value()
        == "walking-as-medicine-in-early-recovery"
    )
    page.get_by_label("Excerpt [en]:", exact=True).fill("Why a daily walk helps.")
    type_in_editor(page, "A short daily walk steadies sleep and mood.")
    page.locator("#id_featured_image").set_input_files(str(photo))
    page.get_by_label("Featured image alt text [en]:").fill("A path through green fields")
    page.locator("#id_status").select_option("review")
    pick_autocomplete(page, "id_category", category.name)
    page.screenshot(path=SCREENSHOTS / "admin-post-editor.png", full_page=True)
    page.get_by_role("button", name="Save and preview").click()

    page.wait_for_url(re.compile(r"/blog/walking-as-medicine-in-early-recovery/$"))
    assert "Preview: not published." in page.locator(".preview-banner").inner_text()
    assert "A short daily walk steadies sleep and mood." in page.locator(".prose").inner_text()
    page.screenshot(path=SCREENSHOTS / "post-preview.png")

    post = Post.objects.get(slug="walking-as-medicine-in-early-recovery")
    assert post.status == Post.Status.REVIEW
    with Image.open(post.featured_image.path) as stored:
        assert dict(stored.getexif()) == {}  # the phone's GPS position is gone
    assert "IMG_2041" not in post.featured_image.name

    # Visitors cannot see it yet.
    visitor = page.context.browser.new_page()
    assert visitor.goto(live_server.url + post.get_absolute_url()).status == 404

    # The publisher publishes it.
    page.context.clear_cookies()  # log the editor out
    log_in(page, live_server, "publisher")
    page.goto(live_server.url + reverse("admin:index"))
    page.locator("#editorial-summary").get_by_role(
        "link", name="Walking as medicine in early recovery"
    ).click()
    page.locator("#id_status").select_option("published")
    page.get_by_role("button", name="Save", exact=True).click()
    page.wait_for_url(re.compile(r"/admin/articles/post/$"))
    assert visitor.goto(live_server.url + post.get_absolute_url()).status == 200

    # A later edit, then the earlier revision restored from the history.
    page.goto(live_server.url + reverse("admin:articles_post_change", args=[post.pk]))
    type_in_editor(page, "An edit we will want to undo.")
    page.get_by_role("button", name="Save", exact=True).click()
    page.wait_for_url(re.compile(r"/admin/articles/post/$"))
    assert "An edit we will want to undo." in Post.objects.get(pk=post.pk).body

    page.goto(live_server.url + reverse("admin:articles_post_history", args=[post.pk]))
    page.screenshot(path=SCREENSHOTS / "admin-post-history.png", full_page=True)
    versions = page.locator("#change-history a[href*='/history/']")
    versions.last.click()  # the oldest revision: the editor's
    page.get_by_role("button", name="Save", exact=True).click()
    page.wait_for_url(re.compile(r"/admin/articles/post/$"))

    restored = Post.objects.get(pk=post.pk)
    assert "A short daily walk steadies sleep and mood." in restored.body
    assert "An edit we will want to undo." not in restored.body
