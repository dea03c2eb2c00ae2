"""Parts of pages kept in the shared cache (plumbing/fragments.py): a page built again finds
them there, with fewer queries, and any save that changes what one shows replaces it at
once; what a visitor typed is never kept; what changes by itself (a scheduled post, the
day) is never shown late."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Post
from facility.models import Center, Credential, Page
from plumbing import invalidation
from plumbing.fragments import context as fragment_context

from . import clock
from .test_unsent_messages import TYPED, assert_form_given_back

pytestmark = pytest.mark.django_db

NEW_YORK = ZoneInfo("America/New_York")


@pytest.fixture(autouse=True)
def fragments(settings):
    settings.FRAGMENT_CACHE_SECONDS = 3600


def get(client, url, **kwargs):
    """(queries run, the page's HTML)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **kwargs)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def without_token(html):
    start = html.index('name="csrfmiddlewaretoken"')
    return html[:start] + html[html.index(">", start) :]


def test_the_admissions_form_comes_from_the_cache_and_follows_the_centers(client, facility, pages):
    center = Center.objects.get()
    center.care_levels = ["detox-residential"]
    center.save()
    cache.clear()
    cold, first = get(client, reverse("inquiries:admissions"))
    warm, again = get(client, reverse("inquiries:admissions"))

    # Cold: the facility and its centers (5), the admissions text, the privacy notice, and
    # the moments the data changes by itself (plumbing/invalidation.py's current(): 3).
    # Warm, nothing: the form's centers are the cached facility's, the admissions text
    # and the privacy notice are kept, and the form's fields too.
    assert (cold, warm) == (10, 0)
    assert without_token(again) == without_token(first)
    assert '<option value="Residential detox">Residential detox</option>' in again
    assert "Outpatient detox" not in again

    center.care_levels = ["detox-residential", "detox-outpatient"]
    center.save()
    _, after = get(client, reverse("inquiries:admissions"))
    assert '<option value="Outpatient detox">Outpatient detox</option>' in after


def test_a_form_with_what_a_visitor_typed_is_never_kept(client, facility, pages):
    client.get(reverse("inquiries:contact"))  # the empty form, kept
    typed = {"for_whom": "myself", "first_name": "Avery Typed", "phone": "", "email": ""}

    refused = client.post(reverse("inquiries:contact"), typed).content.decode()
    empty = client.get(reverse("inquiries:contact")).content.decode()

    assert 'value="Avery Typed"' in refused
    assert "Avery Typed" not in empty


def test_the_footer_comes_from_the_cache_and_follows_the_center(client, facility):
    _, html = get(client, reverse("website:home"))
    assert "1800 Manor Hill Road" in html

    center = Center.objects.get()
    center.street = "22 Riverside Drive"
    center.save()

    _, html = get(client, reverse("website:home"))
    footer = html[html.index("<footer") :]
    assert "22 Riverside Drive" in footer and "1800 Manor Hill Road" not in footer
    # Each language has its own.
    _, spanish = get(client, "/es/")
    assert "Horario de atención" in spanish[spanish.index("<footer") :]


def test_the_footer_is_kept_for_its_day_only(client, facility):
    Credential.objects.create(
        center=Center.objects.get(), issuer="Ohio Board", number="L-2026",
        valid_until=date(2026, 12, 31),
    )  # fmt: skip
    with clock.pinned(datetime(2026, 12, 31, 23, 30, tzinfo=NEW_YORK)):
        _, html = get(client, reverse("website:home"))
    assert "L-2026" in html[html.index("<footer") :]
    with clock.pinned(datetime(2027, 1, 1, 0, 0, 1, tzinfo=NEW_YORK)):
        _, html = get(client, reverse("website:home"))
    assert "L-2026" not in html[html.index("<footer") :]


def test_the_post_page_keeps_its_neighbours_and_picks_until_a_post_changes(
    client, facility, make_post, recommend
):
    older, post = make_post(title="The older post", days_ago=5), make_post(title="The post")
    recommend(post, older)
    cold, first = get(client, post.get_absolute_url())
    warm, again = get(client, post.get_absolute_url())

    # Warm: the post only; not the facility (5), previous and next (2), the picks and the
    # posts filling up after them (3), nor the moments the data changes by itself
    # (plumbing/invalidation.py's current(): when the next scheduled post is due...).
    assert (cold, warm) == (14, 1)
    assert again == first and "The older post" in again

    older.title = "A renamed older post"
    older.save()
    _, html = get(client, post.get_absolute_url())
    assert "A renamed older post" in html and "The older post" not in html


def test_a_scheduled_post_appears_in_kept_fragments_when_it_is_due(client, facility, make_post):
    make_post(title="Already out", days_ago=3)
    moment = datetime(2026, 12, 31, 23, 30, tzinfo=NEW_YORK)
    with clock.pinned(moment):
        scheduled = make_post(title="Due at midnight", days_ago=0)
        Post.objects.filter(pk=scheduled.pk).update(pub_date=moment + timedelta(minutes=31))
        _, html = get(client, reverse("website:home"))
        assert "Already out" in html and "Due at midnight" not in html
    with clock.pinned(moment + timedelta(minutes=32)):
        _, html = get(client, reverse("website:home"))
        _, blog = get(client, reverse("articles:list"))
    assert "Due at midnight" in html and "Due at midnight" in blog


def test_a_change_made_behind_django_s_back_waits_for_the_fragment_to_end(client, facility, pages):
    center = Center.objects.get()
    center.care_levels = ["detox-residential"]
    center.save()
    get(client, reverse("inquiries:admissions"))
    Center.objects.filter(pk=center.pk).update(care_levels=["outpatient"])
    # No save, no new version: the kept form stands until FRAGMENT_CACHE_SECONDS end...
    _, html = get(client, reverse("inquiries:admissions"))
    assert ">Residential detox</option>" in html
    # ...a save is seen at once.
    center.refresh_from_db()
    center.save()
    _, html = get(client, reverse("inquiries:admissions"))
    assert ">Outpatient</option>" in html and ">Residential detox</option>" not in html


def test_the_form_asked_about_a_center_is_kept_for_that_center_only(client, facility, pages):
    Center.objects.create(
        name="Tiffin Outpatient", slug="tiffin", street="9 Main St", city="Tiffin",
        state="OH", postal_code="44883", phone="419-555-0199", care_levels=["outpatient"],
    )  # fmt: skip
    url = reverse("inquiries:admissions")
    get(client, url)  # the form for no center in particular, kept

    _, tiffin = get(client, url, data={"center": "tiffin"})
    _, plain = get(client, url)
    _, made_up = get(client, url, data={"center": "nowhere"})

    assert '<option value="tiffin" selected>' in tiffin
    assert "selected>Tiffin" not in plain and '<option value="tiffin" selected>' not in plain
    assert '<option value="tiffin" selected>' not in made_up


def test_the_admissions_text_is_kept_and_an_edit_shows_at_once(client, facility, pages):
    admissions = Page.objects.get(slug="admissions")
    get(client, reverse("inquiries:admissions"))
    warm, html = get(client, reverse("inquiries:admissions"))
    assert warm == 0 and "Admissions text." in html

    admissions.body = "<p>We answer within the hour, day or night.</p>"
    admissions.save()
    _, html = get(client, reverse("inquiries:admissions"))

    assert "We answer within the hour, day or night." in html and "Admissions text." not in html


def test_a_message_given_back_never_gets_the_kept_empty_form(facility):
    client = Client(enforce_csrf_checks=True)
    client.get(reverse("inquiries:contact"))
    client.get(reverse("inquiries:contact"))  # the empty form's fields are kept now
    client.cookies.pop("csrftoken")

    response = client.post(reverse("inquiries:contact"), {**TYPED, "csrfmiddlewaretoken": "x"})

    assert_form_given_back(response, 403, "please press Send message again")


def test_the_moments_data_changes_by_itself_are_kept_until_a_save(facility, make_post):
    make_post(title="Already out", days_ago=3)
    first = invalidation.current()[1]["posts"]
    assert first is None  # nothing scheduled

    with CaptureQueriesContext(connection) as queries:
        assert invalidation.current()[1]["posts"] is None
    assert len(queries) == 0  # kept

    scheduled = make_post(title="Tomorrow's post", days_ago=-1)  # a save: worked out again
    assert invalidation.current()[1]["posts"] == scheduled.pub_date


def test_the_moments_are_worked_out_again_once_one_is_past_or_the_clock_reads_earlier(
    facility, make_post
):
    now = timezone.now()
    soon, later = make_post(days_ago=-1), make_post(days_ago=-2)
    assert invalidation.current()[1]["posts"] == soon.pub_date

    with clock.pinned(now + timedelta(days=1, hours=1)):
        assert invalidation.current()[1]["posts"] == later.pub_date  # the first is past
    # Worked out "later" than the clock now reads (a clock set back): not trusted.
    assert invalidation.current()[1]["posts"] == soon.pub_date


def test_the_blog_list_keeps_its_category_menu_until_a_category_changes(
    client, facility, make_post, make_category
):
    category = make_category(name="Family support")
    make_post(title="For families", category=category)
    get(client, reverse("articles:list"))
    warm, html = get(client, reverse("articles:list"))
    # Warm, only the count of posts the pagination needs: not the categories.
    assert warm == 1 and ">Family support</a>" in html

    category.name = "Support for families"
    category.save()
    _, html = get(client, reverse("articles:list"))
    assert ">Support for families</a>" in html and ">Family support</a>" not in html
    # A category's own page marks itself in the menu: a fragment of its own.
    _, archive = get(client, category.get_absolute_url())
    assert f'<a href="{category.get_absolute_url()}" aria-current="page">' in archive


def test_the_home_page_reads_no_service_body(client, facility, make_service):
    make_service()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("website:home")).status_code == 200
    service_query = next(q["sql"] for q in queries if 'FROM "facility_service"' in q["sql"])
    assert '"body' not in service_query and '"summary' in service_query


def test_a_tag_no_model_bumps_still_has_a_version_for_a_fragments_key():
    versions = fragment_context()["versions"]
    # Never an empty string in a key, which a template would make of a missing one.
    assert versions["a-tag-only-a-template-names"] and versions["facility"]
