"""The Spanish pages in a real browser: axe-core's WCAG 2.1 AA checks at phone and desktop
widths, no sideways scrolling, the language switcher usable at 390 px, and screenshots
(`screenshots/es-*.png`) for a person to look at."""

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from tests.page_checks import (
    ADMISSIONS_WITH_ERRORS,
    CONTACT_WITH_ERRORS,
    NOT_FOUND,
    SCREENSHOTS,
    WIDTHS,
    axe_violations,
    expected_status,
    page_names,
    page_url,
    show_every_image,
    sideways_overflow,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.axe,
    pytest.mark.django_db(transaction=True),
]

SEND = "Enviar mensaje"


@pytest.fixture(scope="module")
def tab(browser, browser_context_args):
    """One browser tab per screen width, shared by the module's tests."""
    contexts = {}

    def open_tab(screen):
        if screen not in contexts:
            viewport = {"width": WIDTHS[screen], "height": 900}
            contexts[screen] = browser.new_context(
                **browser_context_args, viewport=viewport, bypass_csp=True
            )
            contexts[screen].new_page()
        return contexts[screen].pages[0]

    yield open_tab
    for context in contexts.values():
        context.close()


def open_spanish_page(page, base_url, name):
    with translation.override("es"):
        path = "/es/no-such-page/" if name == NOT_FOUND else page_url(name)
    response = page.goto(base_url + path)
    if name in (CONTACT_WITH_ERRORS, ADMISSIONS_WITH_ERRORS):
        with page.expect_navigation() as sent:
            page.get_by_role("button", name=SEND).click()
        response = sent.value
    return response.status


SPANISH_PAGES = [*page_names(), "language-assistance"]


@pytest.mark.parametrize("screen", WIDTHS)
@pytest.mark.parametrize("name", SPANISH_PAGES)
def test_spanish_page_meets_wcag_aa_and_fits_the_screen(demo_site, tab, name, screen):
    page = tab(screen)
    if name == "language-assistance":
        with translation.override("es"):
            path = reverse("facility:language_assistance")
        status = page.goto(demo_site.url + path).status
    else:
        status = open_spanish_page(page, demo_site.url, name)

    assert status == expected_status(name)
    assert axe_violations(page) == []
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.locator("h1").count() == 1
    assert sideways_overflow(page) <= 0, f"scrolls sideways at {WIDTHS[screen]} px"
    assert show_every_image(page) == []
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"es-{name}-{screen}.png", full_page=True)


@pytest.mark.parametrize("screen", WIDTHS)
def test_the_switcher_is_visible_and_leads_to_the_same_page(demo_site, tab, screen):
    page = tab(screen)
    with translation.override("es"):
        path = page_url("post")
    with translation.override("en"):
        english = page_url("post")
    page.goto(demo_site.url + path)

    switch = page.get_by_role("navigation", name="Idioma").get_by_role("link", name="English")
    expect(switch).to_be_visible()
    expect(switch).to_have_attribute("lang", "en")
    box = switch.bounding_box()
    assert box["height"] >= 24 and box["width"] >= 24  # a target a thumb can hit
    switch.click()

    # The same post, at its own English address (not the Spanish slug without /es).
    assert english != path.removeprefix("/es")
    assert page.url == demo_site.url + english
    assert page.locator("html").get_attribute("lang") == "en"
    expect(
        page.get_by_role("navigation", name="Language").get_by_role("link", name="Español")
    ).to_be_visible()
