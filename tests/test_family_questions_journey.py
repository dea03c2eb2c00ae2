"""Issue 22's journey in a real browser at 390 px: someone asks for a loved one with
insurance and both card photos; Admissions opens it, views the photos through the logged
view and marks benefits checked; an Editor reaches none of it by any admin address."""

import io
import re

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from PIL import Image
from playwright.sync_api import expect

from inquiries.models import Inquiry, InquiryAccess
from tests.factories import PASSWORD, make_staff
from tests.page_checks import SCREENSHOTS
from tests.second_factor import enrolled_device, give_code_in_browser
from website.logins.policy import needs_second_factor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
MEMBER_ID = "QZX9941207"


def shoot(page, name):
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)


def card(tmp_path, name, color):
    path = tmp_path / name
    picture = Image.new("RGB", (640, 400), color)
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG")
    path.write_bytes(buffer.getvalue())
    return path


def log_in(browser, site, username):
    user = User.objects.get(username=username)
    device = enrolled_device(user) if needs_second_factor(user) else None
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(site.url + reverse("admin:login"))
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    if device is not None:
        give_code_in_browser(page, device)
    return context, page


def test_a_family_asks_with_insurance_admissions_checks_it_and_an_editor_sees_nothing(
    demo_site, browser, tmp_path
):
    make_staff("avery", "Admissions")
    make_staff("eddie", "Editors")
    visitor = browser.new_context(viewport=PHONE)
    page = visitor.new_page()
    page.goto(demo_site.url + reverse("inquiries:admissions"))
    page.get_by_label("Someone I care about").check()
    page.get_by_label("Your first name").fill("Dana")
    page.get_by_role("textbox", name="Phone").fill("419-555-0147")
    page.get_by_role("combobox", name=re.compile("^How do you expect to pay")).select_option(
        "private-insurance"
    )
    check = page.locator("fieldset.insurance-check")
    expect(check).to_contain_text("This is a check, not a promise of payment")
    check.get_by_label("Insurance company").fill("Acme Health")
    check.get_by_label("Member ID").fill(MEMBER_ID)
    check.get_by_label("Group number").fill("GRP-77310")
    check.get_by_label(re.compile("^Name of the person the plan")).fill("Sam Marsh")
    check.get_by_label("Subscriber's date of birth").fill("1971-04-25")
    check.get_by_label("Relationship of the subscriber").select_option(label="Parent or guardian")
    check.get_by_label("Photo of the card, front").set_input_files(card(tmp_path, "f.jpg", "red"))
    check.get_by_label("Photo of the card, back").set_input_files(card(tmp_path, "b.jpg", "blue"))
    shoot(page, "insurance-check-form-phone")
    page.get_by_role("button", name="Send message").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you, your message is with us")
    expect(page.locator("main")).to_contain_text("This is a check, not a promise of payment")
    shoot(page, "insurance-check-thanks-phone")
    inquiry = Inquiry.objects.get()
    assert inquiry.insurance_check.member_id == MEMBER_ID
    visitor.close()

    staff, page = log_in(browser, demo_site, "avery")
    page.get_by_role("link", name=f"#{inquiry.reference}").first.click()
    expect(page.locator("main")).to_contain_text(MEMBER_ID)
    front = page.get_by_role("link", name="front of the card")
    photo_url = front.get_attribute("href")
    response = page.request.get(demo_site.url + photo_url)
    assert response.status == 200 and response.headers["content-type"] == "image/jpeg"
    assert "no-store" in response.headers["cache-control"]
    page.get_by_label("Benefits checked").select_option(label="in network")
    shoot(page, "insurance-check-admin-phone")
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.get_by_label("Benefits checked")).to_have_value("in-network")
    result = Inquiry.objects.get().insurance_check
    assert (result.result, result.checked_by) == ("in-network", "avery")
    assert InquiryAccess.objects.filter(action="card", reference=inquiry.reference).count() == 1
    staff.close()

    editor, page = log_in(browser, demo_site, "eddie")
    for url in [
        photo_url,
        photo_url.replace("front", "back"),
        reverse("admin:inquiries_inquiry_change", args=[inquiry.pk]),
        reverse("admin:inquiries_inquiry_changelist") + "?benefits=checked",
        "/admin/inquiries/insurancecheck/",
    ]:
        response = page.goto(demo_site.url + url)
        assert response.status in (403, 404), url
        assert MEMBER_ID not in page.content()
    editor.close()
