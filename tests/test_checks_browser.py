"""The checks in headless Chromium at 1280 px, as staff meet them: an editor writes a post
that promises a guaranteed cure and calls people addicts, sees the findings with their
suggestions, and a publisher must acknowledge the claims to publish it. Screenshots go
to CHECKS_SHOTS (/tmp/checks-shots/ by default) to be looked at."""

import os
import re
from pathlib import Path

import pytest
from django.urls import reverse

from articles.models import Post
from tests.factories import make_staff
from tests.test_editorial_browser import log_in, pick_autocomplete, type_in_editor
from website.models import ClaimAcknowledgement

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(os.environ.get("CHECKS_SHOTS", "/tmp/checks-shots"))
TEXT = "We guarantee a cure for your addiction. Every addict who stays with us recovers."


def test_editor_sees_findings_and_a_publisher_must_acknowledge_them(
    live_server, page, staff_groups, facility, category
):
    make_staff("editor", "Editors")
    make_staff("publisher", "Publishers")
    page.set_viewport_size({"width": 1280, "height": 900})
    SHOTS.mkdir(parents=True, exist_ok=True)

    # The editor writes the post and submits it for review.
    log_in(page, live_server, "editor")
    page.goto(live_server.url + reverse("admin:articles_post_add"))
    page.get_by_label("Title [en]:", exact=True).press_sequentially("A promise we cannot keep")
    type_in_editor(page, TEXT)
    page.locator("#id_status").select_option("review")
    pick_autocomplete(page, "id_category", category.name)
    page.get_by_role("button", name="Save and continue editing").click()
    page.wait_for_url(re.compile(r"/admin/articles/post/\d+/change/$"))

    checks = page.locator("#checks")
    findings = checks.locator("li.finding")
    assert findings.count() == 3
    assert [findings.nth(n).get_attribute("data-rule") for n in range(3)] == [
        "claim-guarantee",
        "claim-cure",
        "stigma-addict",
    ]
    assert checks.locator(".finding mark").all_inner_texts() == ["guarantee", "cure", "addict"]
    stigma = findings.nth(2).inner_text()
    assert "Every addict who stays with us recovers." in stigma
    assert "Write “person with a substance use disorder”" in stigma
    assert "Write “treat” or “manage”" in findings.nth(1).inner_text()
    assert "need a publisher's acknowledgement" in checks.inner_text()
    assert checks.locator("input[name=acknowledge_claims]").count() == 0
    assert checks.bounding_box()["width"] > 600  # a panel across the form, not a sliver
    page.screenshot(path=SHOTS / "editor-post-checks.png", full_page=True)
    checks.screenshot(path=SHOTS / "editor-checks-panel.png")

    post = Post.objects.get(title="A promise we cannot keep")
    assert post.status == Post.Status.REVIEW

    # The publisher sees it in the report, and cannot publish without acknowledging.
    page.context.clear_cookies()
    log_in(page, live_server, "publisher")
    report = page.locator("#checks-report")
    assert "post: 2 claims, 1 stigma" in report.inner_text()
    page.screenshot(path=SHOTS / "publisher-admin-home.png", full_page=True)
    report.get_by_role("link", name="A promise we cannot keep").click()
    page.wait_for_url(re.compile(r"/admin/articles/post/\d+/change/$"))

    page.locator("#id_status").select_option("published")
    page.get_by_role("button", name="Save", exact=True).click()
    page.wait_for_load_state()
    acknowledge = page.get_by_label(re.compile("I have read the claim findings above"))
    assert acknowledge.is_visible()
    assert "To publish it, tick the box" in page.locator(".checks-acknowledge").inner_text()
    page.screenshot(path=SHOTS / "publisher-must-acknowledge.png", full_page=True)
    post.refresh_from_db()
    assert post.status == Post.Status.REVIEW

    acknowledge.check()
    page.get_by_role("button", name="Save", exact=True).click()
    page.wait_for_url(re.compile(r"/admin/articles/post/$"))
    post.refresh_from_db()
    assert post.status == Post.Status.PUBLISHED
    assert ClaimAcknowledgement.objects.get().user.username == "publisher"

    page.goto(live_server.url + reverse("admin:articles_post_history", args=[post.pk]))
    history = page.locator("#change-history").inner_text()
    assert "Changed Status. Claim findings acknowledged by publisher:" in history
    assert "claim-guarantee [en] “guarantee”; claim-cure [en] “cure”." in history
    page.screenshot(path=SHOTS / "publisher-history.png", full_page=True)
