"""The blog list and the category archive."""

import pytest
from django.urls import reverse

from articles.models import Post

pytestmark = pytest.mark.django_db


def test_blog_lists_published_posts_newest_first(client, facility, make_post):
    old = make_post(title="Old news", days_ago=3)
    new = make_post(title="Fresh news", days_ago=1)
    make_post(title="Secret draft", status=Post.Status.DRAFT)
    make_post(title="Tomorrow's post", days_ago=-1)

    response = client.get(reverse("articles:list"))

    assert list(response.context["posts"]) == [new, old]
    html = response.content.decode()
    assert html.index("Fresh news") < html.index("Old news")
    assert "Secret draft" not in html
    assert "Tomorrow&#x27;s post" not in html and "Tomorrow's post" not in html


def test_blog_is_paginated(client, facility, make_post, settings):
    settings.POSTS_PER_PAGE = 2
    posts = [make_post(title=f"Numbered {n}", days_ago=n) for n in range(1, 6)]

    first = client.get(reverse("articles:list"))
    third = client.get(reverse("articles:list"), {"page": 3})

    assert list(first.context["posts"]) == posts[:2]
    assert list(third.context["posts"]) == posts[4:]
    assert "Page 1 of 3" in first.content.decode()
    assert 'href="?page=2" rel="next"' in first.content.decode()
    assert client.get(reverse("articles:list"), {"page": 9}).status_code == 404


def test_category_archive_lists_only_its_posts(client, facility, make_post, make_category):
    family = make_category("For Families")
    theirs = make_post(title="Talking to your son", category=family)
    make_post(title="A different topic")
    make_post(title="Family draft", category=family, status=Post.Status.DRAFT)

    response = client.get(family.get_absolute_url())

    assert response.status_code == 200
    assert list(response.context["posts"]) == [theirs]
    html = response.content.decode()
    assert "<h1>For Families</h1>" in html
    assert "A different topic" not in html and "Family draft" not in html


def test_unknown_category_is_404(client, facility):
    assert client.get(reverse("articles:category", args=["nothing-here"])).status_code == 404
