"""In a real browser: a visitor whose CSRF cookie is gone keeps what they wrote."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from facility.models import Facility
from inquiries.models import Inquiry

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MESSAGE = "My brother overdosed last night and is home now. What should we do next?"


def test_a_visitor_whose_cookie_is_gone_sends_the_same_message_with_a_second_press(
    demo_site, context, page
):
    phone = Facility.objects.get().phone
    page.goto(demo_site.url + reverse("inquiries:contact"))
    page.get_by_label("Someone I care about").check()
    page.get_by_label("Your first name").fill("Sam")
    page.get_by_role("textbox", name="Phone").fill("419-555-0123")
    page.get_by_label("You may leave a voicemail").check()
    page.get_by_label("Anything you would like us to know?").fill(MESSAGE)
    context.clear_cookies()  # the tab was open for hours, or cookies are blocked

    page.get_by_role("button", name="Send message").click()

    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Your message was not sent yet.")
    expect(summary).to_contain_text("please press Send message again")
    expect(summary).to_be_focused()
    expect(page.locator("header.site-header")).to_be_visible()
    expect(page.get_by_role("complementary", name="Help in a crisis")).to_contain_text("988")
    expect(page.locator("main")).to_contain_text(phone)
    expect(page.get_by_label("Anything you would like us to know?")).to_have_value(MESSAGE)
    expect(page.get_by_label("Your first name")).to_have_value("Sam")
    expect(page.get_by_label("You may leave a voicemail")).to_be_checked()
    expect(page.get_by_label("Someone I care about")).to_be_checked()
    assert Inquiry.objects.count() == 0

    page.get_by_role("button", name="Send message").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you, your message is with us")
    assert [inquiry.message for inquiry in Inquiry.objects.all()] == [MESSAGE]
