"""The admissions journey in a real browser: someone asks on a phone for a loved one,
and a member of the admissions team works the inquiry to "admitted"."""

import re
import time
from base64 import b32decode

import pytest
from django.core import mail
from django.urls import reverse
from playwright.sync_api import expect

from inquiries.models import Inquiry, InquiryAccess
from tests.factories import PASSWORD, make_staff
from tests.page_checks import SCREENSHOTS
from tests.second_factor import totp

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MESSAGE = "My son has been using pills for a year and says he is ready to stop."


def shoot(page, name):
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)


def test_a_loved_one_asks_on_a_phone_and_admissions_works_it_to_admitted(demo_site, browser):
    make_staff("avery", "Admissions")
    visitor = browser.new_context(viewport={"width": 390, "height": 844})
    page = visitor.new_page()

    page.goto(demo_site.url + reverse("website:home"))
    page.get_by_role("link", name="Ask us to call you back").first.click()
    expect(page).to_have_url(demo_site.url + reverse("inquiries:admissions"))
    page.get_by_label("Someone I care about").check()
    # The form now speaks of the loved one.
    help_wanted = page.get_by_role(
        "combobox", name="What kind of help is your loved one looking for?"
    )
    expect(help_wanted).to_be_visible()
    page.get_by_label("Your first name").fill("Dana")
    page.get_by_role("textbox", name="Phone").fill("419-555-0147")
    page.get_by_label("You may text this number.").check()
    page.get_by_role("combobox", name=re.compile("^Best time to call")).select_option(
        label="Evening"
    )
    # The demo has two centers: the form asks which, and names who gives what.
    page.get_by_role("combobox", name="Which center?").select_option(
        label="Manor Hill Recovery Center"
    )
    help_wanted.select_option(label="Residential detox – Manor Hill Recovery Center")
    page.get_by_role("combobox", name=re.compile("^How do you expect to pay")).select_option(
        value="medicaid"
    )
    page.get_by_label("Anything you would like us to know?").fill(MESSAGE)
    expect(page.get_by_role("complementary", name="Your privacy")).to_contain_text("deleted")
    shoot(page, "admissions-form-phone")

    page.get_by_role("button", name="Send message").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you, your message is with us")
    expect(page.locator("main")).to_contain_text("within 15 minutes, day or night")
    expect(page.locator("main")).to_contain_text("988")
    shoot(page, "admissions-thanks-phone")
    inquiry = Inquiry.objects.get()
    assert (inquiry.for_whom, inquiry.first_name, inquiry.level_of_care) == (
        "loved-one",
        "Dana",
        "Residential detox",
    )
    assert inquiry.center.slug == "findlay"
    assert (inquiry.voicemail_ok, inquiry.text_ok, inquiry.payment) == (False, True, "medicaid")
    assert [message.subject for message in mail.outbox] == [f"New inquiry #{inquiry.reference}"]
    visitor.close()

    staff = browser.new_context(viewport={"width": 1280, "height": 900})
    page = staff.new_page()
    page.goto(demo_site.url + reverse("admin:login"))
    page.get_by_label("Username").fill("avery")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    # The first login of one who reads inquiries: setting up the authenticator app, with
    # the key the page shows as text (a phone would scan the QR code beside it).
    expect(page.get_by_role("heading", level=1)).to_have_text("Set up your sign-in code")
    expect(page.locator(".sign-in-qr svg")).to_be_visible()
    shoot(page, "admin-sign-in-code-set-up")
    key = b32decode(page.locator("#sign-in-key").inner_text().replace(" ", ""))
    page.get_by_label("Six-digit code").fill(totp(key, int(time.time() // 30)))
    page.get_by_role("button", name="Confirm and continue").click()
    waiting = page.locator("#admissions-summary")
    expect(waiting).to_contain_text(f"#{inquiry.reference}")
    expect(waiting).to_contain_text(re.compile(r"waiting \d+ min"))
    shoot(page, "admin-inquiries-waiting")

    waiting.get_by_role("link", name=f"#{inquiry.reference}").click()
    expect(page.locator("main")).to_contain_text("419-555-0147 (voicemail: no; texts: yes)")
    expect(page.locator("main")).to_contain_text(MESSAGE)
    shoot(page, "admin-inquiry-change")
    page.locator("textarea[name='notes-0-text']").fill("Texted Dana; call booked at 7 pm.")
    page.get_by_label("Status").select_option(label="Contacted")
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator("main")).to_contain_text("Texted Dana; call booked at 7 pm.")
    for status in ["Assessment scheduled", "Admitted"]:
        page.get_by_label("Status").select_option(label=status)
        page.get_by_role("button", name="Save and continue editing").click()
        expect(page.get_by_label("Status")).to_have_value(
            {"Assessment scheduled": "assessment-scheduled", "Admitted": "admitted"}[status]
        )

    inquiry.refresh_from_db()
    assert inquiry.status == "admitted" and inquiry.first_contact is not None
    assert [note.text for note in inquiry.notes.all()] == ["Texted Dana; call booked at 7 pm."]
    actions = InquiryAccess.objects.filter(reference=inquiry.reference).values_list(
        "action", flat=True
    )
    assert list(actions).count("change") == 3
    page.goto(demo_site.url + reverse("admin:index"))
    expect(page.locator("#admissions-summary")).to_contain_text("No inquiry is waiting.")
    staff.close()
