"""The claims the third adversarial review hid from the checks (F4): invisible characters,
look-alike letters, a negation anywhere in the sentence, any link, tel: links, and
attributes. The English ones are `flags` examples in rules/en.toml (run by
test_checks_rules.py); the Spanish ones, and the end-to-end save, are here."""

from datetime import date

import pytest
from django.urls import reverse

from facility.models import Page
from website.checks.admin import PUBLISHER_MUST_ACKNOWLEDGE
from website.checks.content import Context
from website.checks.engine import check_text
from website.checks.normal import visible

pytestmark = pytest.mark.django_db


@pytest.fixture
def context(facility):
    Page.objects.create(title="Outcomes", slug_en="outcomes", body="<p>How we count.</p>")
    return Context(today=date(2026, 12, 31))


def rules(language, html, context):
    return [f.rule.id for f in check_text(language, "body", html, context)]


@pytest.mark.parametrize(
    ("html", "rule"),
    [
        ("Curamos la adicción sin medicamentos.", "claim-cure"),
        ("Recuperación garantizada, no importa cuánto tiempo lleve.", "claim-guarantee"),
        ("<p>Cu&shy;ramos la adicción.</p>", "claim-cure"),
        ("Garanti\u200bzamos su recuperación.", "claim-guarantee"),
        ("El centro \uff03\uff11 de Ohio.", "claim-number-one"),
        ('<p><a href="tel:+18885550199">Llame a admisiones</a></p>', "claim-phone"),
        ('<p><img src="/media/a.jpg" alt="Curamos la adicción"></p>', "claim-cure"),
        ('<p><a href="/es/" title="Sobriedad garantizada">Inicio</a></p>', "claim-guarantee"),
    ],
)
def test_spanish_evasions_are_flagged(html, rule, context):
    assert rule in rules("es", html, context)


def test_a_negation_of_the_claim_itself_still_exempts(context):
    assert rules("es", "Ningún programa garantiza la recuperación.", context) == []
    assert rules("en", "Detox alone is not a cure.", context) == []
    # A "no" elsewhere does not.
    assert rules("en", "No wonder: we cure addiction.", context) == ["claim-cure"]


def test_a_link_to_a_page_that_explains_the_figure_still_exempts(context):
    linked = '<p>85% of our patients stay sober (<a href="/outcomes/">how we count</a>).</p>'
    assert rules("en", linked, context) == []
    home = '<p>85% of our patients stay sober (<a href="/">how we count</a>).</p>'
    assert rules("en", home, context) == ["claim-success-rate"]


def test_findings_quote_the_words_as_they_read(context):
    (finding,) = check_text("en", "body", "<p>We cu&shy;re addiction.</p>", context)
    assert finding.words == "cure"
    (finding,) = check_text("en", "body", '<p><img src="/a.jpg" alt="We cure it"></p>', context)
    assert (finding.words, finding.place) == ("cure", "alternative text")


def test_visible_keeps_spanish_and_english_as_they_are():
    text = "Año nuevo: «¿Qué tal?», dijo—“fine”… 100 % sí"
    assert visible(text) == "Año nuevo: «¿Qué tal?», dijo—“fine”... 100 % sí"


def test_an_editor_cannot_publish_hidden_claims_on_a_service(editor_client, make_service):
    service = make_service(name="Detox")
    data = {
        "name_en": "Detox",
        "slug_en": service.slug,
        "summary_en": "Medical detox.",
        "sort_order": "0",
        "seo_title_en": "",
        "search_description_en": "",
    }
    url = reverse("admin:facility_service_change", args=[service.pk])
    for hidden in [
        "<p>We will cu&shy;re your addiction, guaranteed.</p>",
        "<p>The #1 rehab in Ohio: step #1 is to call.</p>",
        '<p>95% of our patients stay sober (<a href="/">learn more</a>).</p>',
        '<p><a href="tel:+18885550199">Call our admissions line</a></p>',
        "<p>We guarantee you will never drink again.</p>",
    ]:
        refused = editor_client.post(url, {**data, "body_en": hidden})
        assert refused.status_code == 200, hidden
        assert PUBLISHER_MUST_ACKNOWLEDGE in refused.content.decode()
        service.refresh_from_db()
        assert service.body_en != hidden


def test_bulk_publishing_holds_a_claim_with_a_never_after_it(publisher_client, make_post):
    from articles.models import Post

    post = make_post(
        title="Hidden",
        status=Post.Status.REVIEW,
        body="<p>We guarantee you will never drink again.</p>",
    )
    response = publisher_client.post(
        reverse("admin:articles_post_changelist"),
        {"action": "publish_selected", "_selected_action": [post.pk]},
        follow=True,
    )
    assert "Not published: “Hidden”" in response.content.decode()
    post.refresh_from_db()
    assert post.status == Post.Status.REVIEW
