"""Whole journeys in a real browser: a visitor reading and writing to the center, and
staff writing a post and changing the hours, as people do it, click by click."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from playwright.sync_api import expect

from articles.models import Post
from facility.models import Center, StaffProfile
from inquiries.models import Inquiry
from tests.factories import PASSWORD, jpeg_file, make_staff
from tests.page_checks import page_names, page_url

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def phone(page):
    page.set_viewport_size({"width": 390, "height": 844})
    return page


def test_phone_visitor_reads_a_post_then_next_previous_and_recommended(demo_site, phone):
    page = phone
    post = Post.objects.published()[3]
    newer, older = post.next_post(), post.previous_post()
    recommended = post.recommended_posts()[0]

    page.goto(demo_site.url + reverse("articles:list"))
    page.get_by_role("link", name=post.title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(post.title)
    expect(page.get_by_text(re.compile(r"^Posted on "))).to_be_visible()

    more_posts = page.get_by_role("navigation", name="More posts")
    more_posts.get_by_role("link", name=re.compile("^Next post")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(newer.title)

    page.go_back()
    more_posts.get_by_role("link", name=re.compile("^Previous post")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(older.title)

    page.go_back()
    picks = page.get_by_role("region", name="Recommended Posts")
    picks.get_by_role("link", name=recommended.title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(recommended.title)
    assert page.url == demo_site.url + recommended.get_absolute_url()


def test_visitor_fixes_a_mistake_in_the_contact_form_and_is_thanked(demo_site, phone):
    page = phone
    page.goto(demo_site.url + reverse("inquiries:contact"))
    page.get_by_label("Someone I care about").check()
    page.get_by_label("Your first name").fill("Alex")
    page.get_by_label("Anything you would like us to know?").fill(
        "I would like to ask about detox for my dad."
    )
    page.get_by_role("button", name="Send message").click()

    summary = page.get_by_role("alert")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Please give a phone number or an e-mail address")
    expect(page.get_by_label("Anything you would like us to know?")).to_have_value(
        "I would like to ask about detox for my dad."
    )
    expect(page.get_by_label("Someone I care about")).to_be_checked()
    assert Inquiry.objects.count() == 0

    summary.get_by_role("link", name="Phone").click()
    page.keyboard.type("419-555-0123")
    page.get_by_role("button", name="Send message").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you, your message is with us")
    message = Inquiry.objects.get()
    assert (message.first_name, message.phone) == ("Alex", "419-555-0123")
    assert message.message == "I would like to ask about detox for my dad."
    assert len(mail.outbox) == 1 and "detox" not in mail.outbox[0].body


def log_in(page, base_url, username):
    page.goto(base_url + reverse("admin:login"))
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()


@pytest.fixture
def editor():
    return make_staff("robin", "Editors")


@pytest.fixture
def publisher():
    user = make_staff("robin", "Publishers")  # Editors' rights, and publishing
    user.first_name, user.last_name = "Robin", "Hale"
    user.save()
    return user


def choose_in_autocomplete(page, field, search, option):
    """Pick `option` in a Django admin autocomplete (select2) box, searching for it."""
    field.locator("xpath=following-sibling::span[1]").get_by_role("combobox").click()
    page.locator(".select2-search__field").fill(search)
    page.locator(".select2-results__option", has_text=option).click()


def test_staff_member_writes_illustrates_and_publishes_a_post(demo_site, page, publisher, tmp_path):
    first_pick, second_pick = Post.objects.published()[4], Post.objects.published()[1]
    photo = tmp_path / "garden-bench.jpg"
    photo.write_bytes(jpeg_file(size=(800, 450)).read())
    log_in(page, demo_site.url, "robin")

    page.goto(demo_site.url + reverse("admin:articles_post_add"))
    page.get_by_label("Title [en]:", exact=True).fill("Small Steps for the First Week Home")
    page.get_by_label("Excerpt [en]:", exact=True).fill(
        "Gentle routines that help the first days feel steadier."
    )

    # The real editor: choose a heading, type into its editing area.
    editor = page.frame_locator("#cke_id_body_en iframe.cke_wysiwyg_frame").locator("body")
    editor.click()
    page.locator("#cke_id_body_en .cke_combo__format .cke_combo_button").click()
    page.frame_locator("iframe.cke_panel_frame").get_by_text("Heading 2").click()
    page.keyboard.type("Start with sleep")
    page.keyboard.press("Enter")
    page.keyboard.type("Go to bed and get up at the same time each day.")
    page.keyboard.press("Enter")

    # An image, sent to the server from the editor's own Upload tab.
    page.locator("#cke_id_body_en .cke_button__image").click()
    dialog = page.locator(".cke_dialog")
    dialog.locator(".cke_dialog_tab", has_text="Upload").click()
    upload = page.frame_locator(".cke_dialog iframe.cke_dialog_ui_input_file")
    upload.locator("input[type=file]").set_input_files(photo)
    dialog.get_by_role("button", name="Send it to the Server").click()
    image_url = dialog.get_by_label(re.compile("^URL")).filter(visible=True)  # Image Info tab
    expect(image_url).to_have_value(re.compile(r"/media/uploads/.+\.jpg$"))
    dialog.get_by_label("Alternative Text").fill("A wooden bench in a quiet garden")
    dialog.get_by_role("button", name="OK").click()
    expect(editor.locator("img")).to_have_attribute("alt", "A wooden bench in a quiet garden")

    choose_in_autocomplete(page, page.locator("#id_category"), "Rec", "Recovery")
    # The public byline is a staff profile, never the account.
    StaffProfile.objects.create(name="Robin Hale", credentials="LSW", is_listed=False)
    choose_in_autocomplete(page, page.locator("#id_author_profile"), "Robin", "Robin Hale")
    page.get_by_label("Status:", exact=True).select_option("published")
    choose_in_autocomplete(
        page, page.locator("#id_recommended_links-0-recommended"), first_pick.title[:12],
        first_pick.title,
    )  # fmt: skip
    page.get_by_role("button", name=re.compile("Add another recommended post", re.I)).click()
    choose_in_autocomplete(
        page, page.locator("#id_recommended_links-1-recommended"), second_pick.title[:12],
        second_pick.title,
    )  # fmt: skip
    page.locator("#id_recommended_links-1-sort_order").fill("1")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")

    page.goto(demo_site.url + reverse("articles:list"))
    page.get_by_role("link", name="Small Steps for the First Week Home").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Small Steps for the First Week Home")
    article = page.get_by_role("article").first
    expect(article.get_by_role("heading", level=2, name="Start with sleep")).to_be_visible()
    expect(article).to_contain_text("Go to bed and get up at the same time each day.")
    expect(article).to_contain_text("by Robin Hale, LSW")
    picture = article.get_by_role("img", name="A wooden bench in a quiet garden")
    expect(picture).to_have_attribute("src", re.compile(r"/media/uploads/"))
    assert picture.evaluate("img => img.complete && img.naturalWidth") > 0
    titles = page.get_by_role("region", name="Recommended Posts").get_by_role("heading", level=3)
    expect(titles.nth(0)).to_have_text(first_pick.title)
    expect(titles.nth(1)).to_have_text(second_pick.title)


def test_staff_change_the_hours_and_every_footer_shows_them_at_once(
    demo_site, browser, page, editor, settings
):
    # As in production, visitors get pages from the cache; open every page once to fill it.
    settings.PAGE_CACHE_SECONDS = 600
    visitor = browser.new_page()
    saturday_hours = {}
    for name in page_names():
        visitor.goto(demo_site.url + page_url(name))
        saturday_hours[name] = visitor.locator("footer .hours-row", has_text="Saturdays")
        expect(saturday_hours[name]).to_contain_text("24 Hours")

    log_in(page, demo_site.url, "robin")
    main = Center.objects.get(is_main=True)
    page.goto(demo_site.url + reverse("admin:facility_center_change", args=[main.pk]))
    saturdays = page.locator("tr.form-row", has=page.locator("option[selected][value=saturdays]"))
    saturdays.locator("input[name$=-is_24_hours]").uncheck()
    saturdays.locator("input[name$=-opens]").fill("08:00")
    saturdays.locator("input[name$=-closes]").fill("20:30")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    # A visitor arriving now: the browser that opened the pages before may keep each for
    # EDGE_BROWSER_SECONDS (Cache-Control max-age, by design); the site's caches may not.
    visitor.context.close()
    arriving = browser.new_page()
    for name in page_names():
        arriving.goto(demo_site.url + page_url(name))
        footer_hours = arriving.locator("footer .hours-row", has_text="Saturdays")
        expect(footer_hours, name).to_have_text(
            re.compile(r"Saturdays\s*8:00 a\.m\. – 8:30 p\.m\.")
        )
    arriving.context.close()
