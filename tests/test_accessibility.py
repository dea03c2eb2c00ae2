"""WCAG 2.1 AA in a real browser: axe-core on every page template in English and in
Spanish, keyboard use, focus, form errors, reduced motion and phone layout, the language
switcher, at phone and desktop widths.

Screenshots of every page at both widths land in `screenshots/` for a person to look at
(`es-*.png` for the Spanish pages).
"""

import re

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from tests.page_checks import (
    CONTACT_WITH_ERRORS,
    FOCUS_INDICATOR,
    SCREENSHOTS,
    WIDTHS,
    axe_violations,
    expected_status,
    open_page,
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


@pytest.fixture(scope="module")
def tab(browser, browser_context_args):
    """One browser tab per screen width, shared by the module's tests."""
    contexts = {}

    def open_tab(screen):
        if screen not in contexts:
            viewport = {"width": WIDTHS[screen], "height": 900}
            # axe-core goes in as an inline script, which a content security policy
            # would rightly refuse from anyone else.
            contexts[screen] = browser.new_context(
                **browser_context_args, viewport=viewport, bypass_csp=True
            )
            contexts[screen].new_page()
        return contexts[screen].pages[0]

    yield open_tab
    for context in contexts.values():
        context.close()


# The screenshots' names begin with this, by language.
SCREENSHOT_PREFIX = {"en": "", "es": "es-"}


@pytest.mark.parametrize("screen", WIDTHS)
@pytest.mark.parametrize("name", [*page_names(), "language-assistance"])
@pytest.mark.parametrize("language", SCREENSHOT_PREFIX)
def test_page_meets_wcag_aa_and_fits_the_screen(demo_site, tab, language, name, screen):
    page = tab(screen)

    assert open_page(page, demo_site.url, name, language) == expected_status(name)

    assert axe_violations(page) == []
    assert page.locator("h1").count() == 1
    assert page.locator("html").get_attribute("lang") == language
    assert page.title()
    assert sideways_overflow(page) <= 0, f"scrolls sideways at {WIDTHS[screen]} px"
    assert show_every_image(page) == []
    SCREENSHOTS.mkdir(exist_ok=True)
    shot = f"{SCREENSHOT_PREFIX[language]}{name}-{screen}.png"
    page.screenshot(path=SCREENSHOTS / shot, full_page=True)


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


@pytest.mark.parametrize("screen", WIDTHS)
def test_skip_link_is_the_first_stop_and_moves_focus_to_the_content(demo_site, tab, screen):
    page = tab(screen)
    page.goto(demo_site.url + reverse("inquiries:contact"))

    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")

    assert page.evaluate("document.activeElement.id") == "main"
    page.keyboard.press("Tab")
    assert page.evaluate("Boolean(document.activeElement.closest('main'))")


@pytest.mark.parametrize("screen", WIDTHS)
@pytest.mark.parametrize("name", ["home", "post", "contact"])
def test_every_keyboard_stop_is_visible_and_shows_focus(demo_site, tab, name, screen):
    page = tab(screen)
    open_page(page, demo_site.url, name)
    page.evaluate("document.activeElement.blur()")

    stops = []
    for _ in range(200):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUS_INDICATOR)
        if stop["body"] or (stops and stop["element"] == stops[0]["element"]):
            break  # round the page and back to the start
        stops.append(stop)

    assert len(stops) > 10
    assert [s["element"] for s in stops if not s["visible"]] == []
    assert [s["element"] for s in stops if not s["indicated"]] == []


def test_phone_menu_works_from_the_keyboard(demo_site, tab):
    page = tab("phone")
    page.goto(demo_site.url + reverse("website:home"))
    toggle = page.get_by_role("button", name="Menu")
    nav = page.get_by_role("navigation", name="Main")
    first_link = nav.get_by_role("link", name="Who We Are")

    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(first_link).to_be_hidden()
    toggle.focus()
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(first_link).to_be_visible()
    page.keyboard.press("Tab")
    expect(first_link).to_be_focused()
    page.keyboard.press("Escape")
    expect(first_link).to_be_hidden()
    expect(toggle).to_be_focused()
    expect(toggle).to_have_attribute("aria-expanded", "false")


FIELD_ERRORS = {
    "Your first name": "Please tell us your first name.",
    "Phone": "Please give a phone number or an e-mail address, so we can reach you.",
    "E-mail": "Please give a phone number or an e-mail address, so we can reach you.",
}


@pytest.mark.parametrize("screen", WIDTHS)
def test_form_errors_are_announced_and_tied_to_their_fields(demo_site, tab, screen):
    page = tab(screen)
    open_page(page, demo_site.url, CONTACT_WITH_ERRORS)

    summary = page.get_by_role("alert")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Please check these fields")
    for label, error in FIELD_ERRORS.items():
        field = page.get_by_label(re.compile("^" + re.escape(label)))
        expect(field).to_have_attribute("aria-invalid", "true")
        # What a screen reader reads with the field: its help text, then the error.
        expect(field).to_have_accessible_description(re.compile(re.escape(error)))
        described_by = field.get_attribute("aria-describedby").split()
        error_id = next(i for i in described_by if i.endswith("_error"))
        expect(page.locator(f"#{error_id}")).to_have_text(re.compile(re.escape(error)))
        expect(page.locator(f"#{error_id}")).to_be_visible()

    who = page.get_by_role("group", name=re.compile("^Who is this for?"))
    expect(who).to_have_accessible_description(re.compile("Please tell us who this is for."))
    summary.get_by_role("link", name="Who is this for?").click()
    expect(page.get_by_label("Myself")).to_be_focused()
    summary.get_by_role("link", name="Your first name").click()
    expect(page.get_by_label("Your first name")).to_be_focused()


def test_reduced_motion_turns_every_transition_off(demo_site, browser, browser_context_args):
    durations = """() => [...document.querySelectorAll("*")].flatMap(el => {
        const s = getComputedStyle(el);
        return [s.transitionDuration, s.animationDuration]
            .flatMap(d => d.split(", ")).filter(d => parseFloat(d) > 0);
    })"""
    url = demo_site.url + reverse("website:home")
    motion = {}
    for preference in ("no-preference", "reduce"):
        context = browser.new_context(**browser_context_args, reduced_motion=preference)
        page = context.new_page()
        page.goto(url)
        motion[preference] = page.evaluate(durations)
        smooth = page.evaluate("getComputedStyle(document.documentElement).scrollBehavior")
        motion[preference].extend([smooth] if smooth == "smooth" else [])
        context.close()

    assert motion["no-preference"], "nothing moves at all: this test would prove nothing"
    assert motion["reduce"] == []
