"""The admin pages staff work in, checked with axe-core as the public pages are (WCAG 2.2
AA and best practices) at phone and desktop widths, as a logged-in superuser: the home
page, the post list and form, a center's form and the inquiry list (issue 35)."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from articles.models import Post
from facility.models import Center
from tests.factories import make_inquiry, make_superuser
from tests.page_checks import WIDTHS, axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.axe,
    pytest.mark.django_db(transaction=True),
]

ADMIN_PAGES = ["home", "post-list", "post-form", "center-form", "inquiry-list"]
# Rules left out on one page, each because the Django admin's own markup breaks it and
# we could only fix it by replacing the admin's templates. Nothing is left out globally.
DISABLED = {
    "post-form": [
        # The autocomplete fields (category, byline, reviewer) are the admin's select2
        # widget, whose combobox span names no label.
        "aria-input-field-name",
        # The recommended-posts inline is the admin's tabular inline: an empty header
        # cell above each row's object name.
        "empty-table-header",
        # The publication date is the admin's split date and time widget: "Date:" and
        # "Time:" are text beside its two inputs, not labels.
        "label",
    ],
    "center-form": [
        # The hours inline is the admin's tabular inline: an empty header cell, and
        # each row's inputs named only by the column headers above them.
        "empty-table-header",
        "label",
        "label-title-only",
        "select-name",
    ],
    "inquiry-list": [
        # The admin's search bar labels its input with a magnifier image; with the
        # help text beside it (aria-describedby), axe counts no visible label.
        "label-title-only",
    ],
}


def admin_url(name):
    if name == "post-form":
        return reverse("admin:articles_post_change", args=[Post.objects.published().first().pk])
    if name == "center-form":
        return reverse("admin:facility_center_change", args=[Center.objects.get(is_main=True).pk])
    return reverse(
        {
            "home": "admin:index",
            "post-list": "admin:articles_post_changelist",
            "inquiry-list": "admin:inquiries_inquiry_changelist",
        }[name]
    )


@pytest.fixture(scope="module")
def staff_tab(browser, browser_context_args):
    """One tab per width, given the session of `user` (logged in as Django's test client
    does: the login form's attempts are limited, and eight logins would meet the limit)."""
    contexts = {}

    def open_tab(screen, server, user):
        if screen not in contexts:
            viewport = {"width": WIDTHS[screen], "height": 900}
            contexts[screen] = browser.new_context(
                **browser_context_args, viewport=viewport, bypass_csp=True
            )
            contexts[screen].new_page()
        page = contexts[screen].pages[0]
        client = Client()
        client.force_login(user)
        session = client.cookies[settings.SESSION_COOKIE_NAME].value
        page.context.clear_cookies()
        page.context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": server.url}]
        )
        return page

    yield open_tab
    for context in contexts.values():
        context.close()


@pytest.mark.parametrize("screen", WIDTHS)
@pytest.mark.parametrize("name", ADMIN_PAGES)
def test_admin_page_meets_wcag_22_aa_and_best_practices(demo_site, staff_tab, name, screen):
    boss = make_superuser("boss")
    make_inquiry(first_name="Sam", phone="419-555-0100")
    page = staff_tab(screen, demo_site, boss)

    response = page.goto(demo_site.url + admin_url(name))

    assert response.status == 200
    assert page.locator("h1").count() >= 1
    violations = axe_violations(page, disabled=DISABLED.get(name, ()))
    assert violations == [], "\n".join(violations)
