"""In a real browser: an inquiry that no server took is never lost in silence.

When the answer to the inquiry form is not the site's (the edge's outage page, a proxy's
413, no server answering at all), static/js/inquiry.js keeps the visitor on the page with
every field as they filled it, photos included, and tells them it was not sent, with the
center's phone as a tap-to-call link and 988. With the site back, the same press sends it
once. The site's own answers are shown as a plain post shows them.
"""

import io

import pytest
from django.urls import reverse
from PIL import Image
from playwright.sync_api import expect

from facility.models import Facility
from inquiries.models import Inquiry, InsuranceCheck

from .fault_proxy import FaultProxy

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MESSAGE = "My daughter relapsed this weekend. She is safe now but wants to come back in."
MEMBER_ID = "WQ55120983"
# What Varnish says when no backend answers: no phone, no 988, not the site's page.
EDGE_OUTAGE = (
    "<!DOCTYPE html><html><head><title>503 Backend fetch failed</title></head>"
    "<body><h1>Error 503 Backend fetch failed</h1><p>Guru Meditation:</p></body></html>"
)


def card_photo(color):
    buffer = io.BytesIO()
    Image.new("RGB", (320, 200), color).save(buffer, "JPEG")
    return buffer.getvalue()


def fill_admissions_form(page):
    page.get_by_label("Someone I care about").check()
    page.get_by_label("Your first name").fill("Lee")
    page.get_by_role("textbox", name="Phone").fill("419-555-0188")
    page.get_by_label("You may leave a voicemail").check()
    page.get_by_role("combobox", name="Which center?").select_option(
        label="Manor Hill Recovery Center"
    )
    page.get_by_role("combobox", name="How do you expect to pay?").select_option(
        value="private-insurance"
    )
    page.get_by_label("Insurance company").fill("Acme Health")
    page.get_by_label("Member ID").fill(MEMBER_ID)
    page.get_by_label("Photo of the card, front").set_input_files(
        {"name": "front.jpg", "mimeType": "image/jpeg", "buffer": card_photo((200, 30, 90))}
    )
    page.get_by_label("Photo of the card, back").set_input_files(
        {"name": "back.jpg", "mimeType": "image/jpeg", "buffer": card_photo((20, 160, 40))}
    )
    page.get_by_label("Anything you would like us to know?").fill(MESSAGE)


UNANSWERED = "Our website is not answering just now."
TOO_LARGE = "It is too large to send, most likely because of the photos."


def expect_told_and_kept(page, facility, why=UNANSWERED):
    """The notice saying `why`, the phone to tap and 988, and everything typed still in
    the form."""
    notice = page.get_by_role("alert")
    expect(notice).to_contain_text("Your message was not sent yet.")
    expect(notice.get_by_text(why)).to_be_visible()
    for other in {UNANSWERED, TOO_LARGE} - {why}:
        expect(notice.get_by_text(other)).to_be_hidden()
    expect(notice).to_be_focused()
    expect(notice.get_by_role("link", name=facility.phone)).to_have_attribute(
        "href", facility.phone_href
    )
    expect(notice.get_by_role("link", name="988", exact=True)).to_have_attribute("href", "tel:988")
    expect(notice.get_by_role("link", name="text 988")).to_have_attribute("href", "sms:988")
    expect(page.get_by_role("button", name="Send message")).to_be_enabled()
    expect(page.get_by_label("Anything you would like us to know?")).to_have_value(MESSAGE)
    expect(page.get_by_label("Your first name")).to_have_value("Lee")
    expect(page.get_by_label("Someone I care about")).to_be_checked()
    expect(page.get_by_label("You may leave a voicemail")).to_be_checked()


def chosen_files(page, label):
    return page.get_by_label(label).evaluate("input => [...input.files].map(f => f.name)")


def nothing_stored(page):
    return page.evaluate("[localStorage.length, sessionStorage.length]") == [0, 0]


def test_an_inquiry_the_edge_answered_for_stays_whole_and_goes_once_the_site_is_back(
    demo_site, context, page
):
    facility = Facility.objects.get()
    page.goto(demo_site.url + reverse("inquiries:admissions"))
    cookies_before = context.cookies()
    fill_admissions_form(page)
    page.route(
        "**/admissions/",
        lambda route: (
            route.fulfill(status=503, content_type="text/html", body=EDGE_OUTAGE)
            if route.request.method == "POST"
            else route.fallback()
        ),
    )

    page.get_by_role("button", name="Send message").click()

    expect_told_and_kept(page, facility)
    expect(page.get_by_label("Member ID")).to_have_value(MEMBER_ID)
    expect(page.get_by_label("Insurance company")).to_have_value("Acme Health")
    assert chosen_files(page, "Photo of the card, front") == ["front.jpg"]
    assert chosen_files(page, "Photo of the card, back") == ["back.jpg"]
    assert page.url == demo_site.url + reverse("inquiries:admissions")
    # What was typed lives in the open page only: nothing in the browser's storage, and
    # no cookie beyond what the page had before sending.
    assert nothing_stored(page)
    assert context.cookies() == cookies_before
    assert Inquiry.objects.count() == 0

    page.unroute("**/admissions/")
    page.get_by_role("button", name="Send message").click()

    expect(page).to_have_url(demo_site.url + reverse("inquiries:thanks_insurance"))
    inquiry = Inquiry.objects.get()
    assert inquiry.message == MESSAGE and inquiry.first_name == "Lee"
    check = InsuranceCheck.objects.get()
    assert check.member_id == MEMBER_ID
    assert check.photo("front")[0] and check.photo("back")[0]


@pytest.mark.parametrize(
    ("failure", "why"),
    [
        (
            lambda route: route.fulfill(status=413, content_type="text/html", body="Too large"),
            TOO_LARGE,
        ),
        (
            lambda route: route.fulfill(status=502, content_type="text/plain", body="Bad gateway"),
            UNANSWERED,
        ),
        (lambda route: route.abort("connectionreset"), UNANSWERED),
    ],
    ids=["413 from a proxy", "502", "connection cut"],
)
def test_any_answer_but_the_sites_keeps_the_message(demo_site, page, failure, why):
    facility = Facility.objects.get()
    page.goto(demo_site.url + reverse("inquiries:contact"))
    fill_contact_form(page)
    page.route(
        "**/contact/",
        lambda route: failure(route) if route.request.method == "POST" else route.fallback(),
    )

    page.get_by_role("button", name="Send message").click()

    expect_told_and_kept(page, facility, why)
    assert Inquiry.objects.count() == 0


def fill_contact_form(page):
    page.get_by_label("Someone I care about").check()
    page.get_by_label("Your first name").fill("Lee")
    page.get_by_role("textbox", name="Phone").fill("419-555-0188")
    page.get_by_label("You may leave a voicemail").check()
    page.get_by_label("Anything you would like us to know?").fill(MESSAGE)


def test_with_no_server_answering_the_message_waits_in_the_page_until_one_does(demo_site, page):
    """A real outage: the site is reached through a proxy that stops accepting
    connections, as when every app server is down."""
    facility = Facility.objects.get()
    port = int(demo_site.url.rsplit(":", 1)[1])
    with FaultProxy(port) as front:
        url = f"http://127.0.0.1:{front.port}"
        page.goto(url + reverse("inquiries:contact"))
        fill_contact_form(page)
        front.refusing()

        page.get_by_role("button", name="Send message").click()

        expect_told_and_kept(page, facility)
        assert nothing_stored(page)
        assert Inquiry.objects.count() == 0

        front.passing()
        page.get_by_role("button", name="Send message").click()

        expect(page.get_by_role("heading", level=1)).to_have_text(
            "Thank you, your message is with us"
        )
    assert [inquiry.message for inquiry in Inquiry.objects.all()] == [MESSAGE]


def test_what_to_correct_is_shown_as_a_plain_post_shows_it(demo_site, page):
    page.goto(demo_site.url + reverse("inquiries:contact"))
    fill_contact_form(page)
    page.get_by_label("Your first name").fill("")

    page.get_by_role("button", name="Send message").click()

    summary = page.locator("#form-errors")
    expect(summary).to_contain_text("Please check this field:")
    expect(summary).to_contain_text("Please tell us your first name.")
    expect(summary).to_be_focused()
    expect(page).to_have_title("Please check the form · Contact · Manor Hill Recovery Center")
    expect(page.locator("#inquiry-not-sent")).to_be_hidden()
    expect(page.get_by_label("Anything you would like us to know?")).to_have_value(MESSAGE)
    assert Inquiry.objects.count() == 0

    page.get_by_label("Your first name").fill("Lee")
    page.get_by_role("button", name="Send message").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you, your message is with us")
    assert Inquiry.objects.get().first_name == "Lee"


def test_without_javascript_the_form_posts_as_a_plain_form(demo_site, browser):
    visitor = browser.new_context(java_script_enabled=False)
    page = visitor.new_page()
    page.goto(demo_site.url + reverse("inquiries:contact"))
    fill_contact_form(page)

    page.get_by_role("button", name="Send message").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you, your message is with us")
    assert Inquiry.objects.get().message == MESSAGE
    visitor.close()
