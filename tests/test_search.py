"""Site search: what a visitor finds, in what order, and how the results page reads."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.timezone import localtime

from articles.models import Post
from website.search import search

pytestmark = pytest.mark.django_db

# The context processor's facility, its centers and their hours, holidays and credentials,
# on every page, when not yet cached.
LAYOUT_QUERIES = 5
# One query per searched model: posts, services, pages.
SEARCH_QUERIES = 3


def get(client, q=None, **params):
    if q is not None:
        params["q"] = q
    return client.get(reverse("website:search"), params)


def titles(response):
    """Result titles in the order the page lists them."""
    html = response.content.decode()
    return re.findall(r'<h2 class="search-result-title"><a href="[^"]*">([^<]*)</a>', html)


def status(response):
    match = re.search(
        r'<p class="search-status" role="status">([^<]*)</p>', response.content.decode()
    )
    return match and match.group(1)


def test_finds_a_published_post_by_a_title_word(client, facility, make_post):
    post = make_post(title="Understanding relapse")
    make_post(title="Something else")

    response = get(client, "relapse")

    assert response.status_code == 200
    assert titles(response) == ["Understanding relapse"]
    assert status(response) == "1 result for “relapse”"
    assert f'href="{post.get_absolute_url()}"' in response.content.decode()


def test_finds_a_post_by_a_body_word(client, facility, make_post):
    make_post(title="A letter", body="<p>Your family can heal with you.</p>")

    assert titles(get(client, "family")) == ["A letter"]


def test_an_edited_post_is_found_by_its_new_words_only(client, facility, make_post):
    post = make_post(title="Morning routines", body="<p>Gardening helps.</p>")
    post.title = "Evening routines"
    post.body = "<p>Swimming helps.</p>"
    post.save()

    assert titles(get(client, "evening swimming")) == ["Evening routines"]
    assert titles(get(client, "morning")) == []
    assert titles(get(client, "gardening")) == []


def test_the_stored_search_vector_follows_the_text_however_it_is_changed(make_post):
    post = make_post(body="<p>Gardening helps.</p>")
    Post.objects.filter(pk=post.pk).update(body="<p>Swimming helps.</p>")

    stored = Post.objects.values_list("search_vector", flat=True).get(pk=post.pk)
    if connection.vendor == "postgresql":
        # Kept by the database: stems of the new text, none of the old.
        assert "'swim'" in stored and "'garden'" not in stored
    else:
        # Other databases search the text itself and store nothing.
        assert stored is None


def test_title_match_ranks_above_excerpt_match_above_body_match(client, facility, make_post):
    # Newest first by date, so only ranking can reverse the order.
    make_post(title="Old title hit: relapse", days_ago=30)
    make_post(title="Excerpt hit", excerpt="What relapse means.", days_ago=20)
    make_post(title="Body hit", body="<p>Talk about relapse early.</p>", days_ago=10)

    assert titles(get(client, "relapse")) == [
        "Old title hit: relapse",
        "Excerpt hit",
        "Body hit",
    ]


def test_finds_services_and_pages_with_their_kind(client, facility, make_service, pages):
    service = make_service(
        name="Medical Detox", summary="Safe withdrawal with round-the-clock care."
    )

    response = get(client, "detox")
    html = response.content.decode()
    assert titles(response) == ["Medical Detox"]
    assert f'href="{service.get_absolute_url()}"' in html
    assert ">Treatment service</p>" in html

    response = get(client, "admissions")
    assert titles(response) == ["Admissions"]
    assert f'href="{reverse("facility:page", args=["admissions"])}"' in response.content.decode()


def test_drafts_and_future_posts_are_never_found(client, facility, make_post):
    make_post(title="Hidden draft about relapse", status=Post.Status.DRAFT)
    make_post(title="Scheduled piece about relapse", days_ago=-2)
    make_post(title="Public piece about relapse")

    assert titles(get(client, "relapse")) == ["Public piece about relapse"]
    assert titles(get(client, "Hidden draft about relapse")) == []
    assert titles(get(client, "Scheduled piece about relapse")) == []


def test_posts_show_their_date_services_do_not(client, facility, make_post, make_service):
    post = make_post(title="Holiday stress")
    make_service(name="Stress management")

    html = get(client, "stress").content.decode()
    post_item, service_item = html.split('<li class="search-result">')[1:]

    assert ">Blog post</p>" in post_item
    assert f"{date_format(localtime(post.pub_date), 'F j, Y')}</time>" in post_item
    assert ">Treatment service</p>" in service_item
    assert "<time" not in service_item


def test_snippet_marks_the_matching_words_around_the_first_match(client, facility, make_post):
    filler = "Every morning brings a new chance to begin. " * 10
    make_post(
        title="A long story", excerpt="", body=f"<p>{filler}Relapse is not failure. {filler}</p>"
    )

    html = get(client, "RELAPSE").content.decode()
    snippet = re.search(r'<p class="search-snippet">(.*?)</p>', html).group(1)

    assert "<mark>Relapse</mark> is not failure." in snippet
    assert snippet.startswith("…") and snippet.endswith("…")
    assert len(re.sub(r"<[^>]+>", "", snippet)) < 230


def test_snippet_prefers_a_matching_excerpt_over_the_body(client, facility, make_post):
    make_post(excerpt="Coping with cravings.", body="<p>Cravings pass; this one will too.</p>")

    html = get(client, "cravings").content.decode()

    assert '<p class="search-snippet">Coping with <mark>cravings</mark>.</p>' in html


def test_html_in_the_text_is_shown_escaped_never_live(client, facility, make_post):
    make_post(
        title="Safe forms",
        excerpt="",
        body="<p>Never paste &lt;script&gt;alert(1)&lt;/script&gt; into a form.</p>",
    )

    html = get(client, "paste").content.decode()

    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert" not in html


def test_tag_and_attribute_names_in_the_markup_are_not_matched(client, facility, make_post):
    make_post(
        title="Links",
        body='<p><strong>Hope</strong> and <a href="https://example.org/guide">a guide</a>.</p>',
    )

    for word in ["strong", "href", "https", "noopener"]:
        assert titles(get(client, word)) == [], word
    assert titles(get(client, "hope guide")) == ["Links"]


def test_words_in_neighbouring_blocks_stay_apart(client, facility, make_post):
    make_post(title="Steps", excerpt="", body="<h2>Detox</h2><p>Counselling follows.</p>")

    response = get(client, "counselling")

    assert titles(response) == ["Steps"]
    assert "Detox <mark>Counselling</mark> follows." in response.content.decode()


@pytest.mark.parametrize("q", [None, "", "   ", "\t\n"])
def test_blank_queries_show_the_form_without_searching(
    client, facility, make_post, django_assert_num_queries, q
):
    make_post(title="A post")

    with django_assert_num_queries(LAYOUT_QUERIES):
        response = get(client, q)

    assert response.status_code == 200
    assert 'name="q" value=""' in response.content.decode()
    assert status(response) is None
    assert titles(response) == []


@pytest.mark.parametrize("q", ["!!!", "a", "? - ."])
def test_queries_without_words_find_nothing_without_searching(
    client, facility, make_post, django_assert_num_queries, q
):
    make_post(title="A post")

    with django_assert_num_queries(LAYOUT_QUERIES):
        response = get(client, q)

    assert response.status_code == 200
    assert status(response) == f"0 results for “{q}”"


def test_search_without_words_runs_no_sql(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert search("  ?!  ") == []


def test_a_1000_character_query_is_cut_not_an_error(client, facility, make_post):
    make_post(title="On relapse")

    response = get(client, "relapse " * 125)
    html = response.content.decode()

    assert response.status_code == 200
    assert titles(response) == ["On relapse"]
    typed = re.search(r'name="q" value="([^"]*)"', html).group(1)
    assert len(typed) <= 200 and typed.endswith("relapse")
    assert get(client, "x" * 1000).status_code == 200


def test_control_characters_in_the_query_are_no_error(client, facility, make_post):
    make_post(title="On relapse")

    response = get(client, "relapse\x00")

    assert response.status_code == 200
    assert titles(response) == ["On relapse"]


def test_pagination_links_keep_the_query(client, facility, make_post):
    for n in range(12):
        make_post(title=f"Family support {n}", days_ago=n + 1)

    first = get(client, "family support")

    assert status(first) == "12 results for “family support”"
    assert len(titles(first)) == 10
    assert 'href="?q=family%20support&amp;page=2" rel="next"' in first.content.decode()
    second = get(client, "family support", page=2)
    assert len(titles(second)) == 2
    assert 'href="?q=family%20support&amp;page=1" rel="prev"' in second.content.decode()


def test_every_word_must_match(client, facility, make_post):
    make_post(title="Family support groups")
    make_post(title="Family dinners")

    assert titles(get(client, "family support")) == ["Family support groups"]
    assert titles(get(client, "support, family!")) == ["Family support groups"]


def test_search_ignores_case(client, facility, make_post):
    make_post(title="Relapse prevention", body="<p>A plan for HARD days.</p>")

    assert titles(get(client, "rElApSe")) == ["Relapse prevention"]
    assert titles(get(client, "hard days")) == ["Relapse prevention"]


def test_other_forms_of_a_word_depend_on_the_database(client, facility, make_post):
    make_post(title="Notes", excerpt="", body="<p>Relapsing is part of many stories.</p>")

    response = get(client, "relapse")

    if connection.vendor == "postgresql":
        # English stemming: relapse and relapsing are one word, and both are marked.
        assert titles(response) == ["Notes"]
        assert "<mark>Relapsing</mark> is part" in response.content.decode()
    else:
        # The fallback matches the start of words only: "relaps" would find it.
        assert titles(response) == []
        assert titles(get(client, "relaps")) == ["Notes"]


def test_query_count_does_not_grow_with_the_content(client, facility, make_post, make_service):
    def count():
        cache.clear()  # both counts from a cold cache, facility and hours included
        with CaptureQueriesContext(connection) as queries:
            response = get(client, "recovery")
        assert response.status_code == 200
        return len(queries), len(titles(response))

    def add(n):
        for _ in range(n):
            make_post(body="<p>Recovery takes time.</p>")
            make_service(summary="Recovery care.")

    add(3)
    small = count()
    add(27)
    large = count()

    assert small == (LAYOUT_QUERIES + SEARCH_QUERIES, 6)
    assert large == (LAYOUT_QUERIES + SEARCH_QUERIES, 10)


def test_page_has_one_h1_and_the_form_keeps_the_typed_query(client, facility, make_post):
    for q, heading in [(None, "Search"), ("family support", "Search results")]:
        html = get(client, q).content.decode()
        assert re.findall(r"<h1[\s>].*?</h1>", html) == [f"<h1>{heading}</h1>"]
        assert 'role="search"' in html and 'method="get"' in html
        assert '<label for="search-q" id="search-label">' in html
        assert 'id="search-q" name="q"' in html
        # Named by its label: the header's search form is another search landmark.
        assert 'role="search" aria-labelledby="search-label"' in html

    html = get(client, 'family "support" <b>').content.decode()
    assert 'value="family &quot;support&quot; &lt;b&gt;"' in html
    assert "<title>Search results for “family &quot;support&quot; &lt;b&gt;” · Manor Hill" in html


def test_nothing_found_offers_a_call_the_blog_and_the_services(client, facility):
    response = get(client, "zebra")
    html = response.content.decode()

    assert status(response) == "0 results for “zebra”"
    assert 'href="tel:+18556052135">1-855-605-2135</a>' in html
    assert f'href="{reverse("articles:list")}"' in html
    assert f'href="{reverse("facility:services")}"' in html


def test_results_are_kept_out_of_search_engines(client, facility):
    response = get(client, "detox")

    assert response.headers["X-Robots-Tag"] == "noindex"
    assert '<meta name="robots" content="noindex">' in response.content.decode()
