"""In a real browser: the Image dialog tells staff why a file was refused."""

import os

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from .second_factor import enrolled_device, give_code_in_browser
from .test_animated_images import gif

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-test-password"


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("drawing.svg", b'<svg xmlns="http://www.w3.org/2000/svg"/>', "SVG drawings"),
        ("cat.gif", gif([(0, 0, 10, 10)] + [(60_000, 60_000, 5_000, 5_000)] * 4), "65000 × 65000"),
    ],
)
def test_the_image_dialog_shows_why_a_file_was_refused(
    live_server, page, category, tmp_path, name, content, reason
):
    device = enrolled_device(User.objects.create_superuser("boss", "boss@example.org", PASSWORD))
    upload = tmp_path / name
    upload.write_bytes(content)

    page.goto(live_server.url + reverse("admin:articles_post_add"))
    page.get_by_label("Username").fill("boss")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    give_code_in_browser(page, device)
    page.wait_for_function(
        "() => window.CKEDITOR && CKEDITOR.instances.id_body_en "
        "&& CKEDITOR.instances.id_body_en.status === 'ready'"
    )
    page.click("#cke_id_body_en a.cke_button__image")
    page.click("a.cke_dialog_tab:has-text('Upload')")
    form = page.frame_locator("iframe.cke_dialog_ui_input_file")
    form.locator("input[type=file]").set_input_files(upload)
    # The editor answers in an alert while the upload's frame is still loading: dismiss
    # it as it comes, or the click would wait for a navigation the open alert holds up.
    page.once("dialog", lambda dialog: dialog.dismiss())
    with page.expect_event("dialog") as alert:
        page.click("a.cke_dialog_ui_fileButton")

    assert reason in alert.value.message
