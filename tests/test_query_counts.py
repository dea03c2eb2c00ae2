"""Pages run a fixed number of SQL queries, however much content there is."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Post

pytestmark = pytest.mark.django_db


@pytest.fixture
def grow(facility, make_post, make_service, make_hours, make_photo, recommend, make_category):
    """Add `n` more of everything, with `n` recommendations on the first post."""
    days = iter(["monday", "tuesday", "wednesday", "thursday", "friday"] * 10)
    state = {"posts": []}

    def add(n):
        categories = [make_category() for _ in range(2)]
        # One more post the first time, so that `n` others exist to recommend.
        for i in range(n if state["posts"] else n + 1):
            state["posts"].append(
                make_post(days_ago=len(state["posts"]) + 2, category=categories[i % 2])
            )
        for i in range(n):
            make_service()
            make_photo(caption=f"Room {i}")
            if len(facility.hours.all()) < 9:
                make_hours(next(days), sort_order=10 + i)
        first = state["posts"][0]
        already = set(first.recommended_links.values_list("recommended_id", flat=True))
        recommend(first, *[p for p in state["posts"][1 : n + 1] if p.pk not in already])
        return first

    return add


def count_queries(client, url):
    cache.clear()  # a cold cache: the facility and its hours are among the queries
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "url_name, expected",
    [
        ("website:home", 8),
        ("articles:list", 8),
        ("facility:services", 6),
        ("facility:tour", 6),
        ("website:site_map", 9),
        # The footer (5: the form's centers and their levels of care are among them), the
        # privacy notice (and the admissions text).
        ("inquiries:contact", 6),
        ("inquiries:admissions", 7),
    ],
)
def test_list_pages_query_count_does_not_grow(client, grow, url_name, expected):
    grow(3)
    small = count_queries(client, reverse(url_name))
    grow(27)
    large = count_queries(client, reverse(url_name))

    assert small == large == expected


def test_post_page_query_count_does_not_grow(client, grow):
    post = grow(3)
    small = count_queries(client, post.get_absolute_url())
    grow(27)
    large = count_queries(client, post.get_absolute_url())

    # Post with author and category, previous, next, recommended picks, footer (5).
    assert small == large == 9
    assert len(client.get(post.get_absolute_url()).context["recommended_posts"]) == 3


def test_post_page_with_no_picks_adds_at_most_two_fallback_queries(
    client, facility, make_post, make_category
):
    other = make_category()
    for n in range(3, 33):
        make_post(days_ago=n)
    post = make_post(days_ago=2)
    make_post(days_ago=1, category=other)
    # Enough posts in its category: picks, then the same category; nothing more.
    assert count_queries(client, post.get_absolute_url()) == 10

    lonely = make_post(days_ago=0, category=make_category())
    # Alone in its category: picks, same category, then the newest posts.
    assert count_queries(client, lonely.get_absolute_url()) == 11


def test_query_counts_stay_the_same_with_ten_thousand_posts(client, grow, make_category):
    post = grow(3)
    pages = [
        reverse("website:home"),
        reverse("articles:list"),
        post.get_absolute_url(),
        reverse("website:search") + "?q=steps",
    ]
    small = [count_queries(client, url) for url in pages]
    category = make_category()
    now = timezone.now()
    Post.objects.bulk_create(
        Post(
            title=f"Bulk post {n}: small steps",
            slug=f"bulk-post-{n}",
            category=category,
            status=Post.Status.PUBLISHED,
            pub_date=now - timedelta(days=40, minutes=n),
            excerpt="One of ten thousand.",
            body=f"<p>Small steps, day {n}.</p>",
        )
        for n in range(10_000)
    )
    assert Post.objects.published().count() > 10_000

    large = [count_queries(client, url) for url in pages]

    # Home, blog list, a post, a search (posts, services, pages), each with the layout's 5.
    assert small == large == [8, 8, 9, 8]
    # The last page of the list costs the same as the first.
    last = (Post.objects.published().count() - 1) // settings.POSTS_PER_PAGE + 1
    assert count_queries(client, f"{reverse('articles:list')}?page={last}") == 8
