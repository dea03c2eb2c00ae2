"""Every kind of public page, and what the browser tests check on each.

Used by the browser test modules with the `demo_site` fixture from conftest.py.
"""

from pathlib import Path

from django.urls import reverse
from django.utils import translation

import validation
from articles.models import Post
from facility.models import Page, Service
from tests.conftest import AXE
from website.management.commands.load_demo import read_content

SCREENSHOTS = Path(__file__).resolve().parent.parent / "screenshots"
WIDTHS = {"phone": 390, "desktop": 1280}
# The tags `make validate` runs too.
AXE_TAGS = validation.AXE_TAGS

# Pages reached by doing something rather than by address.
CONTACT_WITH_ERRORS = "contact-errors"
ADMISSIONS_WITH_ERRORS = "admissions-errors"
NOT_FOUND = "not-found"
# Each service has a page; their names are known before the database is.
DEMO_SERVICE_SLUGS = [service["slug"] for service in read_content()["services"]]
DEMO_CENTER_SLUGS = [center["slug"] for center in read_content()["centers"]]


def page_names():
    """The names of every page template's example, for parametrizing (no database)."""
    return [
        "home",
        "blog",
        "post",
        "category",
        "search",
        "search-results",
        "services",
        *(f"service-{slug}" for slug in DEMO_SERVICE_SLUGS),
        "tour",
        "locations",
        "our-team",
        *(f"center-{slug}" for slug in DEMO_CENTER_SLUGS),
        "contact",
        CONTACT_WITH_ERRORS,
        "contact-thanks",
        ADMISSIONS_WITH_ERRORS,
        "who-we-are",
        "admissions",
        "privacy-policy",
        "accessibility",
        "nondiscrimination-notice",
        "site-map",
        NOT_FOUND,
    ]


# Pages staff write, named by their English slug.
STAFF_PAGES = ("who-we-are", "privacy-policy", "accessibility", "nondiscrimination-notice")


def page_url(name):
    """The path of the page called `name` on the demo site, in the active language (a
    service or staff page at its own slug in that language: names are English slugs)."""
    if name.startswith("center-"):
        return reverse("facility:center", args=[name.removeprefix("center-")])
    if name.startswith("service-"):
        return Service.objects.get(slug_en=name.removeprefix("service-")).get_absolute_url()
    if name in STAFF_PAGES:
        return Page.objects.get(slug_en=name).get_absolute_url()
    if name in ("post", "category"):
        # A post in the middle of the blog, so it has both neighbours.
        posts = list(Post.objects.published())
        post = posts[len(posts) // 2]
        return post.get_absolute_url() if name == "post" else post.category.get_absolute_url()
    return {
        "home": reverse("website:home"),
        "blog": reverse("articles:list"),
        "search": reverse("website:search"),
        "search-results": reverse("website:search") + "?q=detox",
        "services": reverse("facility:services"),
        "tour": reverse("facility:tour"),
        "locations": reverse("facility:centers"),
        "our-team": reverse("facility:team"),
        "contact": reverse("inquiries:contact"),
        CONTACT_WITH_ERRORS: reverse("inquiries:contact"),
        "contact-thanks": reverse("inquiries:thanks"),
        ADMISSIONS_WITH_ERRORS: reverse("inquiries:admissions"),
        "admissions": reverse("inquiries:admissions"),
        "site-map": reverse("website:site_map"),
        "language-assistance": reverse("facility:language_assistance"),
        NOT_FOUND: reverse("website:home") + "no-such-page/",
    }[name]


# The inquiry form's button, by language.
SEND = {"en": "Send message", "es": "Enviar mensaje"}


def open_page(page, base_url, name, language="en"):
    """Show the page called `name` in `page`, in `language`, as a visitor would reach it;
    its status."""
    with translation.override(language):
        path = page_url(name)
    response = page.goto(base_url + path)
    if name in (CONTACT_WITH_ERRORS, ADMISSIONS_WITH_ERRORS):
        # Send the form empty: every required field gets its error. The form is sent by
        # static/js/inquiry.js, which shows the answer in place (no navigation).
        with page.expect_response(lambda answer: answer.request.method == "POST") as sent:
            page.get_by_role("button", name=SEND[language]).click()
        response = sent.value
        page.locator("#form-errors").wait_for()
    return response.status


def expected_status(name):
    return 404 if name == NOT_FOUND else 200


def show_every_image(page):
    """Load the lazy images too; the addresses of any images that are broken."""
    page.evaluate(
        "document.querySelectorAll('img[loading=lazy]').forEach(i => i.loading = 'eager')"
    )
    # A function, not a string: Playwright would eval a string, which our CSP forbids.
    page.wait_for_function("() => Array.from(document.images).every(i => i.complete)")
    return page.evaluate("Array.from(document.images).filter(i => !i.naturalWidth).map(i => i.src)")


def sideways_overflow(page):
    """How many pixels the page scrolls sideways (0 when it fits)."""
    return page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )


def axe_violations(page, disabled=()):
    """axe-core's violations of AXE_TAGS on the page, readably; `disabled` names rules
    left out (each with its reason where it is passed)."""
    page.add_script_tag(path=str(AXE))
    rules = {rule: {"enabled": False} for rule in disabled}
    result = page.evaluate(
        """async ([tags, rules]) => {
            const results = await axe.run(document, {runOnly: {type: "tag", values: tags}, rules});
            return results.violations.map(v => ({
                id: v.id,
                help: v.help,
                // The element's own markup too: a selector such as "li:nth-child(5) > a"
                // alone does not say which link it is.
                nodes: v.nodes.map(n => `${n.target.join(" ")} ${n.html.slice(0, 100)}: `
                    + n.failureSummary),
            }));
        }""",
        [AXE_TAGS, rules],
    )
    return [f"{v['id']} ({v['help']}): " + " | ".join(v["nodes"]) for v in result]


# The focused element's look, and whether it differs from its look unfocused. A post
# card shows focus on the card around its link, so the card's look counts too.
FOCUS_INDICATOR = """() => {
    const el = document.activeElement;
    const parts = [el, el.closest(".post-card")].filter(Boolean);
    // Colours ease in over a moment; compare where they end up.
    const look = () => document.getAnimations().forEach(a => a.finish()) || parts.map(part => {
        const s = getComputedStyle(part);
        return s.outlineStyle === "none" || parseFloat(s.outlineWidth) === 0
            ? "no outline " + s.boxShadow
            : `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor} ${s.boxShadow}`;
    }).join(" / ");
    // The page scrolls a focused element into view smoothly; finish that at once. One
    // placed off the page (left: -10000px) stays out of view and fails.
    el.scrollIntoView({block: "nearest", inline: "nearest", behavior: "instant"});
    const rect = el.getBoundingClientRect();
    const focused = look();
    el.blur();
    const unfocused = look();
    el.focus();
    return {
        element: el.outerHTML.slice(0, 120),
        inMain: Boolean(el.closest("main")),
        visible: rect.width > 0 && rect.height > 0 && rect.bottom > 0 && rect.right > 0
            && rect.top < innerHeight && rect.left < innerWidth,
        indicated: focused !== unfocused,
        body: el === document.body,
    };
}"""
