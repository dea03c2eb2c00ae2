"""The Content-Security-Policy in a real browser: nothing the site or its admin needs is
blocked, and the editor works under it."""

import os

import pytest
from django.urls import reverse

from articles.models import Post

from .factories import PASSWORD, jpeg_file, make_superuser
from .second_factor import enrolled_device, give_code_in_browser

# Playwright's sync API runs an event loop; Django must allow its ORM beside it.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Collect violations from the first script on, in every frame.
WATCH_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample || ""}`);
});
"""


@pytest.fixture
def watched(page):
    """The page, and a list filling with every CSP complaint the browser makes."""
    complaints = []
    page.add_init_script(WATCH_VIOLATIONS)
    page.on(
        "console",
        lambda message: (
            "Content Security Policy" in message.text and complaints.append(message.text)
        ),
    )
    page.on("pageerror", lambda error: complaints.append(f"page error: {error}"))
    return page, complaints


def violations(page):
    return page.evaluate("window.__violations")


def test_public_pages_run_under_the_strict_policy(demo_site, watched):
    page, complaints = watched
    post = Post.objects.published().first()
    page.route("https://www.openstreetmap.org/**", lambda route: route.fulfill(body="<p>map</p>"))

    for url in [reverse("website:home"), post.get_absolute_url(), reverse("facility:tour")]:
        response = page.goto(demo_site.url + url)
        policy = response.headers["content-security-policy"]
        directives = dict(d.strip().partition(" ")[::2] for d in policy.split(";") if d.strip())
        assert directives["script-src"].split()[0] == "'self'" and "unsafe-inline" not in policy
        page.wait_for_load_state("networkidle")
        assert violations(page) == [], url

    # The script still runs: the map loads into a frame when asked.
    page.goto(demo_site.url + reverse("inquiries:contact"))
    page.locator("main").get_by_role("button", name="Show map here").click()
    page.wait_for_selector("main iframe")
    page.wait_for_timeout(300)
    assert violations(page) == []
    assert complaints == []


def test_editor_loads_takes_typing_and_uploads_under_the_admin_policy(
    live_server, watched, category, tmp_path
):
    page, complaints = watched
    device = enrolled_device(make_superuser("boss"))
    picture = tmp_path / "picture.jpg"
    picture.write_bytes(jpeg_file().read())

    page.goto(live_server.url + reverse("admin:articles_post_add"))
    page.get_by_label("Username").fill("boss")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    give_code_in_browser(page, device)
    # Functions, not strings: Playwright would eval a string, which the policy forbids.
    page.wait_for_function(
        "() => window.CKEDITOR && CKEDITOR.instances.id_body_en "
        "&& CKEDITOR.instances.id_body_en.status === 'ready'"
    )
    page.frame_locator("#cke_id_body_en iframe.cke_wysiwyg_frame").locator("body").click()
    page.keyboard.type("Sleep comes back")
    page.click("#cke_id_body_en a.cke_button__bold")  # toolbar buttons are inline handlers
    page.keyboard.type(" slowly")

    assert page.evaluate("CKEDITOR.instances.id_body_en.getData().trim()") == (
        "<p>Sleep comes back<strong> slowly</strong></p>"
    )

    # The image dialog's Upload tab posts into a frame that django-ckeditor answers with
    # an inline script: the URL of the stored picture lands in the dialog.
    page.click("#cke_id_body_en a.cke_button__image")
    page.click("a.cke_dialog_tab:has-text('Upload')")
    upload_form = page.frame_locator("iframe.cke_dialog_ui_input_file")
    upload_form.locator("input[type=file]").set_input_files(picture)
    page.click("a.cke_dialog_ui_fileButton")
    page.wait_for_function(
        "() => CKEDITOR.dialog.getCurrent().getValueOf('info', 'txtUrl').endsWith('.jpg')"
    )

    assert violations(page) == []
    assert complaints == []
