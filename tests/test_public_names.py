"""A staff member's user name and e-mail address never reach the public.

A user name is half of what someone guessing passwords needs. A post whose author has
no full name is shown as the center's, everywhere a visitor or a robot can read it.
"""

import json
import re
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import User
from django.test import Client, RequestFactory
from django.urls import reverse

from articles import structured_data
from facility.models import StaffProfile

pytestmark = pytest.mark.django_db

USERNAME = "zq-login-7731"
EMAIL = "zq.private.7731@example.org"
TITLE = "Sleeping through the first weeks"


@pytest.fixture
def nameless_post(make_post, facility, pages):
    author = User.objects.create_user(USERNAME, email=EMAIL, is_staff=True)
    return make_post(title=TITLE, author=author, excerpt="Why nights are hard at first.")


def public_urls(post):
    return [
        post.get_absolute_url(),
        reverse("website:home"),
        reverse("articles:list"),
        post.category.get_absolute_url(),
        reverse("articles:feed"),
        reverse("articles:atom"),
        reverse("articles:category_feed", args=[post.category.slug]),
        reverse("sitemap"),
        reverse("website:site_map"),
        reverse("website:search") + "?q=sleeping",
        reverse("robots_txt"),
    ]


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


def assert_no_login_name(response):
    body = response.content.decode()
    assert response.status_code == 200
    assert USERNAME not in body
    assert EMAIL not in body
    assert "zq.private" not in body


def test_no_public_page_feed_or_sitemap_shows_the_user_name_or_e_mail(client, nameless_post):
    for url in public_urls(nameless_post):
        assert_no_login_name(client.get(url))


def test_pages_served_from_the_page_cache_do_not_either(nameless_post, settings):
    settings.PAGE_CACHE_SECONDS = 600
    for url in public_urls(nameless_post):
        Client().get(url)  # builds and stores the page
        assert_no_login_name(Client().get(url))


def test_the_center_is_named_as_author_when_the_author_has_no_full_name(client, nameless_post):
    html = client.get(nameless_post.get_absolute_url()).content.decode()

    assert "by Manor Hill Recovery Center" in html
    article = next(item for item in json_ld(html) if item["@type"] == "BlogPosting")
    assert article["author"] == {"@type": "Organization", "name": "Manor Hill Recovery Center"}
    rss = client.get(reverse("articles:feed")).content.decode()
    assert '">Manor Hill Recovery Center</dc:creator>' in rss
    atom = client.get(reverse("articles:atom")).content.decode()
    assert "<author><name>Manor Hill Recovery Center</name></author>" in atom


def test_a_byline_profile_is_shown_once_it_is_set_never_the_account(client, nameless_post):
    User.objects.filter(username=USERNAME).update(first_name="Account", last_name="Holder")
    assert "Account Holder" not in client.get(nameless_post.get_absolute_url()).text

    nameless_post.author_profile = StaffProfile.objects.create(name="Robin Hale", credentials="RN")
    nameless_post.save()
    html = client.get(nameless_post.get_absolute_url()).content.decode()

    assert "by Robin Hale, RN" in html
    assert USERNAME not in html and "Account Holder" not in html


def test_staff_still_see_who_wrote_a_post_in_the_admin(nameless_post, publisher_client):
    nameless_post.status = nameless_post.Status.REVIEW
    nameless_post.save()

    html = publisher_client.get(reverse("admin:index")).content.decode()

    assert f"by {USERNAME}" in html


def test_without_a_facility_or_an_author_no_author_is_made_up(client, make_post):
    post = make_post(title=TITLE, author=None)

    html = client.get(post.get_absolute_url()).content.decode()

    assert response_ok_without_byline(html)
    # The layout leaves JSON-LD out without a facility; its builder must not invent one.
    request = RequestFactory().get(post.get_absolute_url())
    article = structured_data.blog_posting(request, post, None, SimpleNamespace(url="/x.jpg"))
    assert "author" not in article


def response_ok_without_byline(html):
    return "<h1" in html and 'class="post-author"' not in html
