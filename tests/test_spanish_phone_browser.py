"""The Spanish pages on a 390 px phone in Chromium: the crisis bar takes no more lines
than the English one, "5:00 p. m." never breaks, and the language assistance link sits
in the header, above the fold."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
# The number of rendered lines of the crisis bar's sentence.
LINES = """() => {
  const range = document.createRange();
  range.selectNodeContents(document.querySelector('.crisis-help p'));
  return new Set(Array.from(range.getClientRects()).map(r => Math.round(r.top))).size;
}"""


@pytest.fixture
def phone(browser, browser_context_args):
    context = browser.new_context(**browser_context_args, viewport=PHONE)
    yield context.new_page()
    context.close()


def test_the_spanish_crisis_bar_is_as_short_as_the_english(demo_site, phone):
    phone.goto(demo_site.url + "/")
    english = phone.evaluate(LINES)
    phone.goto(demo_site.url + "/es/")
    spanish = phone.evaluate(LINES)

    assert "envíe AYUDA por mensaje de texto al 988" in phone.inner_text(".crisis-help")
    assert english == 3
    assert spanish <= english


def test_times_do_not_break_and_language_help_is_at_the_top(demo_site, phone):
    phone.goto(demo_site.url + "/es/centros/tiffin/")
    # Each time with its "a. m." or "p. m." is on one line, wherever the row breaks.
    lines_per_time = phone.evaluate(
        """() => Array.from(document.querySelectorAll('.hours dd')).flatMap(dd => {
             const text = dd.firstChild, found = [];
             for (const match of text.data.matchAll(/\\d+:\\d\\d\\s[ap]\\.\\sm\\./g)) {
               const range = document.createRange();
               range.setStart(text, match.index);
               range.setEnd(text, match.index + match[0].length);
               const tops = Array.from(range.getClientRects()).map(r => Math.round(r.top));
               found.push(new Set(tops).size);
             }
             return found;
           })"""
    )
    assert lines_per_time and set(lines_per_time) == {1}
    link = phone.locator(".language-help")
    box = link.bounding_box()
    assert box["y"] < PHONE["height"] / 2
    assert link.locator('[lang="so"]').inner_text() == "Caawimaad luqadeed"
