"""The blog post page: every element of PRODUCT.md's reference page, and its edges."""

import re
from datetime import timedelta
from pathlib import Path
from urllib.parse import quote

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Post
from tests import clock
from tests.factories import jpeg_file

pytestmark = pytest.mark.django_db


def test_post_page_shows_title_date_author_image_and_body(client, facility, make_post):
    post = make_post(
        title="What detox feels like",
        body="<h2>The first day</h2><p>Nurses check on you.</p><ul><li>Water</li></ul>",
        featured_image=jpeg_file(),
        featured_image_alt="A quiet room at sunrise",
    )
    # 4 March of last year, 10:00 in the site's zone: past whenever the tests run.
    year = timezone.localdate().year - 1
    post.pub_date = timezone.make_aware(timezone.datetime(year, 3, 4, 10, 0))
    post.save()

    html = client.get(post.get_absolute_url()).content.decode()

    assert "<h1>What detox feels like</h1>" in html
    assert "Posted on" in html and f"March 4, {year}" in html
    assert "by Dana Reyes" in html
    assert 'alt="A quiet room at sunrise"' in html
    assert f"{Path(post.featured_image.name).stem}-w64.jpg" in html  # its rendition
    assert "<h2>The first day</h2><p>Nurses check on you.</p><ul><li>Water</li></ul>" in html


def test_share_links_carry_the_absolute_url_and_no_script(client, facility, make_post):
    post = make_post(title="Sleep & recovery")
    response = client.get(post.get_absolute_url())
    html = response.content.decode()
    absolute = f"http://testserver{post.get_absolute_url()}"
    encoded = quote(absolute, safe="")

    assert f"https://www.facebook.com/sharer/sharer.php?u={encoded}" in html
    assert f"https://www.linkedin.com/sharing/share-offsite/?url={encoded}" in html
    assert f"https://x.com/intent/post?url={encoded}&amp;text=Sleep+%26+recovery" in html
    assert f"mailto:?subject=Sleep%20%26%20recovery&amp;body={quote(absolute)}" in html
    # No third-party script or pixel: the only scripts that run are our own, and the one
    # inline line marks the page as scripted before it is first drawn.
    runnable = re.findall(r"<script(?![^>]*application/ld\+json)[^>]*>(.*?)</script>", html)
    assert runnable == ['document.documentElement.classList.add("js")', ""]
    assert '<script src="/static/js/site.js" defer></script>' in html
    assert "<iframe" not in html


def test_previous_and_next_links_show_the_neighbours_titles(client, facility, make_post):
    older = make_post(title="Older post", days_ago=3)
    middle = make_post(title="Middle post", days_ago=2)
    newer = make_post(title="Newer post", days_ago=1)

    response = client.get(middle.get_absolute_url())

    assert response.context["previous_post"] == older
    assert response.context["next_post"] == newer
    html = response.content.decode()
    assert f'href="{older.get_absolute_url()}" rel="prev"' in html
    assert f'href="{newer.get_absolute_url()}" rel="next"' in html
    assert "Older post" in html and "Newer post" in html


def test_first_and_last_posts_have_one_neighbour(client, facility, make_post):
    first = make_post(days_ago=2)
    last = make_post(days_ago=1)

    first_page = client.get(first.get_absolute_url())
    last_page = client.get(last.get_absolute_url())

    assert not first_page.context["previous_post"]
    assert first_page.context["next_post"] == last
    assert 'rel="prev"' not in first_page.content.decode().split("post-nav")[-1]
    assert last_page.context["previous_post"] == first
    assert not last_page.context["next_post"]


def test_neighbours_skip_drafts_and_future_posts(client, facility, make_post):
    older = make_post(days_ago=5)
    make_post(days_ago=4, status=Post.Status.DRAFT)
    middle = make_post(days_ago=3)
    make_post(days_ago=-2)  # published, but dated in the future

    response = client.get(middle.get_absolute_url())

    assert response.context["previous_post"] == older
    assert not response.context["next_post"]


def test_posts_with_the_same_date_are_ordered_by_id(facility, make_post):
    first = make_post(days_ago=1)
    second = make_post()
    second.pub_date = first.pub_date
    second.save()

    assert first.next_post() == second
    assert second.previous_post() == first


def test_recommended_posts_are_the_picks_in_staff_order(client, facility, make_post, recommend):
    post = make_post()
    a, b, c = make_post(title="A"), make_post(title="B"), make_post(title="C")
    recommend(post, c, a, b)

    response = client.get(post.get_absolute_url())

    assert response.context["recommended_posts"] == [c, a, b]
    html = response.content.decode()
    assert "Recommended Posts" in html
    assert html.index(">C</a>") < html.index(">A</a>") < html.index(">B</a>")


def test_recommendations_fall_back_to_same_category_then_newest(facility, make_post, make_category):
    other = make_category()
    post = make_post(days_ago=10)
    newest_elsewhere = make_post(days_ago=1, category=other)
    same_category_old = make_post(days_ago=20)
    same_category_newer = make_post(days_ago=15)
    make_post(days_ago=5, category=other)

    assert post.recommended_posts(limit=3) == [
        same_category_newer,
        same_category_old,
        newest_elsewhere,
    ]


def test_recommendations_never_include_the_post_or_a_draft(facility, make_post, recommend):
    post = make_post(days_ago=3)
    draft = make_post(status=Post.Status.DRAFT)
    future = make_post(days_ago=-1)
    recommend(post, draft, future)

    assert post.recommended_posts() == []


def test_a_picked_post_unpublished_later_drops_out(facility, make_post, recommend):
    post = make_post(days_ago=5)
    first, second = make_post(days_ago=4), make_post(days_ago=3)
    recommend(post, first, second)
    second.status = Post.Status.DRAFT
    second.save()

    assert post.recommended_posts(limit=2) == [first]
    assert post.recommended_posts(limit=1) == [first]


def test_partial_picks_are_topped_up_without_repeats(facility, make_post, recommend):
    post = make_post(days_ago=9)
    pick = make_post(days_ago=8)
    filler = make_post(days_ago=1)
    recommend(post, pick)

    assert post.recommended_posts(limit=2) == [pick, filler]


def test_call_to_action_links_phone_and_contact(client, facility, make_post):
    html = client.get(make_post().get_absolute_url()).content.decode()
    cta = html[html.index('class="cta"') :]

    assert "If you need help, get in touch today" in cta
    assert 'href="tel:+18556052135"' in cta
    assert f'href="{reverse("inquiries:contact")}"' in cta


@pytest.mark.parametrize(
    "status, days_ago",
    [(Post.Status.DRAFT, 1), (Post.Status.PUBLISHED, -1), (Post.Status.DRAFT, -1)],
)
def test_drafts_and_future_posts_are_404_for_visitors(
    client, facility, make_post, status, days_ago
):
    post = make_post(status=status, days_ago=days_ago)

    response = client.get(post.get_absolute_url())

    assert response.status_code == 404
    assert post.title not in response.content.decode()


def test_scheduled_post_appears_at_its_time_without_a_job(client, facility, make_post):
    post = make_post(days_ago=0)
    post.pub_date = timezone.now() + timedelta(hours=1)
    post.save()
    assert client.get(post.get_absolute_url()).status_code == 404

    later = post.pub_date + timedelta(seconds=1)
    with clock.pinned(later):
        response = client.get(post.get_absolute_url())

    assert response.status_code == 200


def test_staff_preview_drafts_with_a_banner_and_no_caching(editor_client, facility, make_post):
    draft = make_post(title="Work in progress", status=Post.Status.DRAFT)

    response = editor_client.get(draft.get_absolute_url())

    assert response.status_code == 200
    html = response.content.decode()
    assert "Preview: not published." in html and "<h1>Work in progress</h1>" in html
    assert "no-cache" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex"


def test_published_post_has_no_preview_banner(editor_client, facility, make_post):
    response = editor_client.get(make_post().get_absolute_url())
    assert "Preview: not published." not in response.content.decode()
    assert "X-Robots-Tag" not in response


def test_neighbours_agree_with_django_for_every_post_even_on_equal_dates(facility, make_post):
    # Every post, equal dates among them, must get what Django's get_next_by_FOO() gives.
    same_moment = timezone.now() - timedelta(days=2)
    posts = [make_post(days_ago=days) for days in (9, 7, 5)]
    for _ in range(3):
        post = make_post(days_ago=2)
        Post.objects.filter(pk=post.pk).update(pub_date=same_moment)
        posts.append(Post.objects.get(pk=post.pk))
    make_post(days_ago=-1)  # not yet public
    published = Post.objects.published()

    def django_says(post, later):
        try:
            step = post.get_next_by_pub_date if later else post.get_previous_by_pub_date
            return step(pk__in=published)
        except Post.DoesNotExist:
            return None

    for post in posts:
        assert post.next_post() == django_says(post, later=True), post.title
        assert post.previous_post() == django_says(post, later=False), post.title
    assert posts[0].previous_post() is None and posts[-1].next_post() is None
