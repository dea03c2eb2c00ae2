"""The checks over whole posts, pages and services: review dates, the Spanish version's
age, every field in both languages, and the speed-independent parts of the report."""

from datetime import date, datetime, timedelta
from unittest import mock
from zoneinfo import ZoneInfo

import pytest

from facility.models import Page, StaffProfile
from website.checks.content import check, months_before
from website.checks.normal import sentence_digest
from website.checks.report import open_findings
from website.models import ClaimAcknowledgement, TextChange

pytestmark = pytest.mark.django_db
NEW_YORK = ZoneInfo("America/New_York")


def pinned(*parts):
    return mock.patch("django.utils.timezone.now", return_value=datetime(*parts, tzinfo=NEW_YORK))


def rules(findings):
    return [f.rule.id for f in findings]


@pytest.fixture
def reviewer(db):
    return StaffProfile.objects.create(name="Dr. Ada Okafor", is_listed=False)


@pytest.mark.parametrize(
    ("now", "reviewed_on", "flagged"),
    [
        ((2026, 6, 15, 12, 0), date(2025, 6, 15), False),  # twelve months to the day
        ((2026, 6, 15, 12, 0), date(2025, 6, 14), True),
        # 23:30 on 31 December in Ohio is already 1 January in UTC: still the 31st here.
        ((2026, 12, 31, 23, 30), date(2025, 12, 31), False),
        ((2026, 12, 31, 23, 30), date(2025, 12, 30), True),
        ((2028, 2, 29, 9, 0), date(2027, 2, 28), False),  # no 29 February a year before
    ],
)
def test_medical_review_older_than_a_year(make_post, reviewer, now, reviewed_on, flagged):
    post = make_post(reviewer_profile=reviewer, reviewed_on=reviewed_on)
    with pinned(*now):
        findings = [f for f in check(post) if f.rule.id == "fresh-medical-review"]
    assert bool(findings) is flagged
    if flagged:
        assert findings[0].words == reviewed_on.strftime("%B %-d, %Y")
        assert "more than 12 months old" in findings[0].reason


def test_months_before_keeps_the_day_or_the_months_last():
    assert months_before(date(2026, 3, 31), 1) == date(2026, 2, 28)
    assert months_before(date(2026, 1, 15), 12) == date(2025, 1, 15)


def test_spanish_older_than_english(make_post):
    with pinned(2026, 3, 1, 10, 0):
        post = make_post(body="<p>Walk every day.</p>", body_es="<p>Camine cada día.</p>")
    assert "fresh-translation" not in rules(check(post))

    with pinned(2026, 3, 2, 10, 0):
        post.body_en = "<p>Walk every day, slowly.</p>"
        post.save()
    (finding,) = [f for f in check(post) if f.rule.id == "fresh-translation"]
    assert finding.sentence == (
        "Spanish last changed March 1, 2026, 10:00 a.m.; English March 2, 2026, 10:00 a.m."
    )
    assert finding.words == "March 1, 2026, 10:00 a.m."

    with pinned(2026, 3, 3, 10, 0):
        post.body_es = "<p>Camine cada día, despacio.</p>"
        post.save()
    assert "fresh-translation" not in rules(check(post))
    stamps = TextChange.objects.filter(object_id=post.pk).order_by("language")
    assert [(s.language, s.changed.day) for s in stamps] == [("en", 2), ("es", 3)]


def test_no_spanish_no_translation_finding(make_post):
    with pinned(2026, 3, 1, 10, 0):
        post = make_post(body="<p>Walk.</p>")
    with pinned(2026, 3, 2, 10, 0):
        post.body_en = "<p>Walk daily.</p>"
        post.save()
    assert "fresh-translation" not in rules(check(post))


def test_every_text_of_each_model_is_checked_in_its_language(make_post, make_service):
    post = make_post(title="Addicts welcome", excerpt="A guaranteed result.", title_es="Adictos")
    service = make_service(summary="The best rehab in Ohio.", body_es="<p>Un drogadicto.</p>")
    page = Page.objects.create(title="About", slug="about", body="<p>Call 1-877-555-0100.</p>")
    assert {(f.rule.id, f.language, f.field) for f in check(post)} == {
        ("stigma-addict", "en", "title"),
        ("claim-guarantee", "en", "excerpt"),
        ("stigma-adicto", "es", "title"),
    }
    assert {(f.rule.id, f.language, f.field) for f in check(service)} == {
        ("claim-best", "en", "summary"),
        ("stigma-drogadicto", "es", "body"),
    }
    assert rules(check(page)) == ["claim-phone"]


def test_links_to_a_post_that_went_back_to_draft_or_was_deleted(make_post):
    target = make_post(title="Target")
    post = make_post(body=f'<p>See <a href="{target.get_absolute_url()}">the target</a>.</p>')
    assert rules(check(post)) == []
    target.status = target.Status.DRAFT
    target.save()
    assert rules(check(post)) == ["link-unpublished"]
    target.delete()
    assert rules(check(post)) == ["link-missing"]


def test_links_to_other_sites_are_left_alone(make_post):
    post = make_post(body='<p>See <a href="https://www.samhsa.gov/nope/">SAMHSA</a>.</p>')
    assert rules(check(post)) == []


def test_report_lists_content_with_open_findings_claims_first(make_post, make_service):
    make_post(title="Clean post")
    stigma = make_post(title="About addicts")
    claim = make_service(name="Zeta care", summary="We cure addiction.")
    items = open_findings()
    assert [(item.title, item.summary) for item in items] == [
        ("Zeta care", "1 claim"),
        ("About addicts", "1 stigma"),
    ]
    assert items[0].url == f"/admin/facility/service/{claim.pk}/change/"

    ClaimAcknowledgement.objects.create(
        content_type_id=_content_type(claim),
        object_id=claim.pk,
        claims=[["claim-cure", "en", "cure", sentence_digest("We cure addiction.")]],
    )
    assert [item.title for item in open_findings()] == [stigma.title]


def _content_type(obj):
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(obj).pk


def test_a_new_text_change_stamp_only_when_the_text_changes(make_post):
    with pinned(2026, 3, 1, 10, 0):
        post = make_post(body="<p>Same.</p>")
    with pinned(2026, 3, 5, 10, 0):
        post.pub_date = post.pub_date - timedelta(days=1)
        post.save()
    assert {s.changed.day for s in TextChange.objects.filter(object_id=post.pk)} == {1}


def test_the_demo_content_passes_all_but_its_long_sentences(demo_data):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    kinds = ["claim", "stigma", "form", "freshness"]
    call_command("check_content", *[arg for k in kinds for arg in ("--kind", k)], stdout=out)
    assert out.getvalue() == "0 open finding(s).\n"

    out = StringIO()
    call_command("check_content", "--kind", "plain", stdout=out)
    listed = out.getvalue()
    assert "page “Accessibility Statement”:" in listed
    assert "plain-long-sentence (body [en]): Every kind of page is tested" in listed
    assert "plain-reading-level" not in listed


def test_what_the_sanitizer_drops_is_not_checked(make_post):
    post = make_post()
    post.body_en = "<p>Fine words.</p><script>var addict = 1;</script>"
    assert rules(check(post)) == []
