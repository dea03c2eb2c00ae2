"""Every rule of the checks' data files, in both languages, on its own examples: each must
find what its `flags` say and leave its `passes` alone (docs/checks.md). A new rule
without examples fails here."""

from datetime import date

import pytest

from articles.models import Post
from facility.models import Page
from website.checks.content import Context
from website.checks.engine import check_text
from website.checks.rules import KINDS, languages, rules_for
from website.models import MovedPage

ALL_RULES = [rule for language in languages() for rule in rules_for(language)]
TEXT_RULES = [rule for rule in ALL_RULES if rule.scope == "text"]
# Rules that read a whole post rather than a text have no examples in the data file:
# each is tested here, by name, so a new one fails until it has its test.
DOCUMENT_RULE_TESTS = {
    "fresh-medical-review": "tests/test_checks_content.py::test_medical_review_older_than_a_year",
    "fresh-translation": "tests/test_checks_content.py::test_spanish_older_than_english",
}


def rule_id(rule):
    return f"{rule.language}:{rule.id}"


@pytest.fixture
def rules_context(db, facility, make_post):
    """The centers' phone is 1-855-605-2135; /blog/a-draft/ (/es/blog/un-borrador/) is a
    draft; /old-address/ and /es/direccion-antigua/ moved; /outcomes/ (/es/resultados/) is
    a page: as the data files' examples say."""
    Page.objects.create(
        title="Outcomes", slug_en="outcomes", slug_es="resultados", body="<p>How we count.</p>"
    )
    draft = make_post(status=Post.Status.DRAFT)
    Post.objects.filter(pk=draft.pk).update(slug_en="a-draft", slug_es="un-borrador")
    MovedPage.objects.create(old_path="/old-address/", new_path="/services/")
    MovedPage.objects.create(old_path="/es/direccion-antigua/", new_path="/es/services/")
    return Context(today=date(2026, 12, 31))


def found(rule, example, context):
    return [f for f in check_text(rule.language, "body", example, context) if f.rule == rule]


def test_both_languages_have_rules_of_every_kind_but_document_ones():
    assert languages() == ["en", "es"]
    for language in languages():
        kinds = {rule.kind for rule in rules_for(language) if rule.scope == "text"}
        assert kinds == set(KINDS) - {"freshness"}, language


@pytest.mark.parametrize("rule", TEXT_RULES, ids=rule_id)
def test_rule_has_an_example_it_flags_and_one_it_passes(rule):
    assert rule.flags, f"{rule_id(rule)} needs `flags`: a text it finds"
    assert rule.passes, f"{rule_id(rule)} needs `passes`: a text it leaves alone"
    assert rule.reason and rule.suggestion


@pytest.mark.parametrize("rule", TEXT_RULES, ids=rule_id)
def test_rule_flags_its_examples(rule, rules_context):
    for example in rule.flags:
        findings = found(rule, example, rules_context)
        assert findings, f"{rule_id(rule)} missed: {example}"
        assert all(f.words and f.words in f.sentence for f in findings)


@pytest.mark.parametrize("rule", TEXT_RULES, ids=rule_id)
def test_rule_leaves_its_passes_alone(rule, rules_context):
    for example in rule.passes:
        assert found(rule, example, rules_context) == [], f"{rule_id(rule)} flagged: {example}"


@pytest.mark.parametrize(
    "rule", [rule for rule in ALL_RULES if rule.scope == "document"], ids=rule_id
)
def test_each_document_rule_has_its_own_test(rule):
    assert rule.id in DOCUMENT_RULE_TESTS, f"{rule_id(rule)} needs a test of its own"


# What the issue names, each flagged with the rule it belongs to.
NAMED = [
    ("en", "We guarantee a full recovery.", "claim-guarantee"),
    ("en", "Our detox is a cure for opioid addiction.", "claim-cure"),
    ("en", "We are 100 % sure it works.", "claim-hundred-percent"),
    ("en", "The #1 treatment center.", "claim-number-one"),
    ("en", "The best rehab you can find.", "claim-best"),
    ("en", "Our success rate is 90%.", "claim-success-rate"),
    ("en", "Your stay is 100% confidential.", "claim-confidential"),
    ("en", "Our records are HIPAA compliant.", "claim-hipaa"),
    ("en", "Free travel and free housing for every patient.", "claim-inducement"),
    ("en", "A gift card for every admission.", "claim-inducement"),
    ("en", "Call 1-877-555-0123 for help.", "claim-phone"),
    ("en", "Every addict can recover.", "stigma-addict"),
    ("en", "Drug abusers are welcome.", "stigma-abuser"),
    ("en", "His test came back dirty.", "stigma-clean-dirty"),
    ("en", "She stayed clean for a year.", "stigma-clean-dirty"),
    ("en", "Her father was an alcoholic.", "stigma-alcoholic"),
    ("en", "Nobody is a junkie.", "stigma-slang"),
    ("en", "A drug habit is hard to break.", "stigma-habit"),
    ("es", "Garantizamos la sobriedad.", "claim-guarantee"),
    ("es", "Curamos la adicción.", "claim-cure"),
    ("es", "Funciona al 100 %.", "claim-hundred-percent"),
    ("es", "El centro n.º 1 de Ohio.", "claim-number-one"),
    ("es", "El mejor tratamiento de Ohio.", "claim-best"),
    ("es", "Su estancia es 100 % confidencial.", "claim-confidential"),
    ("es", "Vivienda gratis durante el tratamiento.", "claim-inducement"),
    ("es", "Todo adicto puede recuperarse.", "stigma-adicto"),
    ("es", "Un drogadicto no es un caso perdido.", "stigma-drogadicto"),
    ("es", "Sigue limpio desde enero.", "stigma-limpio-sucio"),
    ("es", "Tratamos el abuso de sustancias.", "stigma-abuso"),
]


@pytest.mark.parametrize(("language", "example", "rule"), NAMED)
def test_what_the_issue_names_is_flagged(language, example, rule, rules_context):
    assert rule in {f.rule.id for f in check_text(language, "body", example, rules_context)}


def test_quoted_speech_is_not_flagged_for_stigma_but_claims_are(rules_context):
    html = (
        "<blockquote><p>I was an addict for ten years.</p></blockquote>"
        "<p>She said, <q>the junkies left</q>.</p>"
        "<p>Words like “addict” end conversations.</p>"
        "<blockquote><p>They cured me, guaranteed.</p></blockquote>"
    )
    rules = [f.rule.id for f in check_text("en", "body", html, rules_context)]
    assert rules == ["claim-guarantee", "claim-cure"]


def test_a_finding_quotes_its_sentence_with_the_words_marked(rules_context):
    html = "<p>We help people. Every <b>addict</b> &amp; family is welcome here.</p>"
    (finding,) = check_text("en", "body", html, rules_context)
    assert finding.sentence == "Every addict & family is welcome here."
    assert finding.highlighted() == "Every <mark>addict</mark> &amp; family is welcome here."
    assert finding.suggestion.startswith("Write “person with a substance use disorder”")


def test_overlapping_claims_are_told_once_by_the_first_rule(rules_context):
    findings = check_text("en", "body", "<p>Calls are 100% confidential.</p>", rules_context)
    assert [f.rule.id for f in findings] == ["claim-confidential"]
