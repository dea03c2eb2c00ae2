"""The demo site in headless Chromium, at phone and desktop widths.

Screenshots land in `screenshots/` for a person to look at.
"""

import os
from pathlib import Path
from urllib.parse import urlparse

import pytest
from django.core.management import call_command
from django.urls import reverse

from articles.models import Post

# Playwright's sync API runs an event loop; Django must allow its ORM beside it.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = Path(__file__).resolve().parent.parent / "screenshots"
WIDTHS = {"phone": 390, "desktop": 1280}


@pytest.fixture
def demo(live_server):
    call_command("load_demo", verbosity=0)
    return live_server


def page_urls():
    post = Post.objects.published().first()
    return {
        "home": reverse("facility:home"),
        "blog": reverse("articles:list"),
        "post": post.get_absolute_url(),
        "category": post.category.get_absolute_url(),
        "services": reverse("facility:services"),
        "tour": reverse("facility:tour"),
        "contact": reverse("facility:contact"),
        "who-we-are": reverse("facility:page", args=["who-we-are"]),
        "site-map": reverse("facility:site_map"),
        "search": reverse("facility:search") + "?q=detox",
        "not-found": "/no-such-page/",
    }


def show_every_image(page):
    """Scroll down so lazy images load, then check none is broken."""
    height = page.evaluate("document.documentElement.scrollHeight")
    for _ in range(0, height, 600):
        page.mouse.wheel(0, 600)
    page.wait_for_function("Array.from(document.images).every(i => i.complete)")
    broken = page.evaluate(
        "Array.from(document.images).filter(i => !i.naturalWidth).map(i => i.src)"
    )
    assert broken == []
    page.evaluate("window.scrollTo(0, 0)")


@pytest.mark.parametrize("screen", WIDTHS)
def test_pages_fit_the_screen_and_stay_on_our_host(demo, page, screen):
    page.set_viewport_size({"width": WIDTHS[screen], "height": 900})
    own_host = urlparse(demo.url).netloc
    elsewhere = []
    page.on(
        "request",
        lambda request: (
            urlparse(request.url).netloc in ("", own_host) or elsewhere.append(request.url)
        ),
    )
    SCREENSHOTS.mkdir(exist_ok=True)

    for name, url in page_urls().items():
        response = page.goto(demo.url + url)
        assert response.status == (404 if name == "not-found" else 200), name
        page.wait_for_load_state("networkidle")
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{name} scrolls sideways by {overflow}px at {screen} width"
        assert page.locator("h1").count() == 1, name
        show_every_image(page)
        page.screenshot(path=SCREENSHOTS / f"{name}-{screen}.png", full_page=True)

    assert elsewhere == []


def test_phone_menu_opens_and_closes_from_the_keyboard(demo, page):
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(demo.url + reverse("facility:home"))
    toggle = page.get_by_role("button", name="Menu")
    nav_link = page.get_by_role("navigation", name="Main").get_by_role("link", name="Admissions")

    assert toggle.get_attribute("aria-expanded") == "false"
    assert not nav_link.is_visible()
    toggle.focus()
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    assert nav_link.is_visible()
    page.keyboard.press("Escape")
    assert not nav_link.is_visible()


def test_map_loads_from_openstreetmap_only_when_asked(demo, page):
    asked = []
    page.route(
        "https://www.openstreetmap.org/**",
        lambda route: asked.append(route.request.url) or route.fulfill(body="map"),
    )
    page.goto(demo.url + reverse("facility:contact"))
    page.wait_for_load_state("networkidle")
    assert asked == []

    page.locator("main").get_by_role("button", name="Show map here").click()

    frame = page.locator("main iframe")
    assert "openstreetmap.org/export/embed.html" in frame.get_attribute("src")
    page.wait_for_timeout(300)
    assert len(asked) == 1


def test_contact_form_mistake_then_confirmation(demo, page):
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto(demo.url + reverse("facility:contact"))
    page.get_by_label("Your name").fill("Alex")
    page.get_by_label("How can we help?").fill("I would like to ask about detox for my dad.")
    page.get_by_label("You may contact me").check()
    page.get_by_role("button", name="Send message").click()

    summary = page.get_by_role("alert")
    assert "Please give an e-mail address or a phone number" in summary.inner_text()
    assert page.get_by_label("How can we help?").input_value().startswith("I would like")
    page.screenshot(path=SCREENSHOTS / "contact-errors-phone.png", full_page=True)

    page.get_by_label("Phone", exact=True).fill("419-555-0123")
    page.get_by_role("button", name="Send message").click()

    assert page.get_by_role("heading", level=1).inner_text() == (
        "Thank you, your message is with us"
    )
