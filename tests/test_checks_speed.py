"""The checks cost what the text's length costs, not its length times its findings (F6 of
the third adversarial review: 2,000 repeated words took seconds, and one Checks panel was
51 MB). The times themselves are measured by benchmarks/checks.py, not here."""

import re
from unittest import mock

import pytest
from django.urls import reverse

from articles.models import Post
from website.checks import text
from website.checks.admin import SHOWN_PER_RULE
from website.checks.content import Context
from website.checks.engine import QUOTE_AROUND, QUOTE_WORDS, check_text

pytestmark = pytest.mark.django_db
REPEATED = "<p>" + "addicts " * 2000 + "</p>"


class Counting:
    """A compiled pattern that counts its scans."""

    def __init__(self, pattern):
        self.pattern, self.scans = pattern, 0

    def finditer(self, string):
        self.scans += 1
        return self.pattern.finditer(string)


@pytest.mark.parametrize("repeats", [500, 2000])
def test_sentences_are_found_once_per_block_whatever_the_findings(facility, repeats):
    counting = Counting(text.SENTENCE_END)
    html = "<p>" + "addicts " * repeats + "</p><p>Call 1-888-555-0199. " * 3 + "</p>"
    with mock.patch.object(text, "SENTENCE_END", counting):
        findings = check_text("en", "body", html, Context())
    assert len([f for f in findings if f.rule.id == "stigma-addict"]) == repeats
    assert counting.scans == 4  # one per block


def test_a_finding_quotes_a_bounded_stretch_of_its_sentence(facility):
    findings = check_text("en", "body", REPEATED, Context())
    longest = 2 * QUOTE_AROUND + QUOTE_WORDS + 2  # and the two "…"
    assert all(len(f.sentence) <= longest for f in findings)
    first = findings[0]
    assert first.words == "addicts" and first.sentence.endswith("…")
    assert re.fullmatch(r"…?(addicts ?)+…?", first.sentence)


def test_the_panel_shows_a_bounded_number_of_findings_per_rule(editor_client, editor, make_post):
    post = make_post(status=Post.Status.DRAFT, body=REPEATED)
    url = reverse("admin:articles_post_change", args=[post.pk])
    html = editor_client.get(url).content.decode()
    start = html.index('<section class="module checks-panel"')
    shown = html[start : html.index("</section>", start)]
    assert "2002 findings:</strong>" in shown  # all counted: 2,000 words, 2 plain language
    assert shown.count('data-rule="stigma-addict"') == SHOWN_PER_RULE + 1
    assert f"And {2000 - SHOWN_PER_RULE} more of the same rule (stigma-addict)" in shown
    assert len(shown) < 40_000
    assert len(html) < 200_000


def test_eight_long_drafts_leave_the_publishers_home_small(
    publisher_client, make_post, django_assert_max_num_queries
):
    for number in range(8):
        make_post(title=f"Draft {number}", status=Post.Status.DRAFT, body=REPEATED)
    # The report's queries do not grow with the findings: a few per model, not per word.
    with django_assert_max_num_queries(60):
        html = publisher_client.get(reverse("admin:index")).content.decode()
    report = html[html.index('id="checks-report"') :]
    report = report[: report.index("</div>")]
    assert report.count("post: 2000 stigma, 2 plain language") == 8
    assert len(html) < 100_000


def test_quotation_marks_pair_as_before_and_unclosed_ones_quote_nothing(facility):
    # Found without a search from each unclosed mark to the paragraph's end (which read
    # a paragraph of 2,000 unclosed marks 2,000 times).
    assert text.quoted_spans('a “b” c "d" «e» ‘f’ “g “h') == [(2, 5), (8, 11), (12, 15), (16, 19)]
    block = text.read("<p>" + "“addict " * 2000 + "</p>").blocks[0]
    assert block.quoted == []
