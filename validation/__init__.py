"""`make validate`: the demo site checked as validators nobody here wrote check it.

The Nu Html Checker (what validator.w3.org runs; npm's `vnu-jar` with Debian's Java), the
feed and sitemap rules of `rules.py`, and axe-core in Chromium, over every page the
sitemap lists and the inquiry forms sent empty (their errors shown), in both languages.
"""

# axe-core's tags, here and in the accessibility tests: WCAG 2.0 to 2.2, A and AA, and
# axe's best practices (unique landmarks, one main, headings in order...).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
WIDTHS = {"phone": 390, "desktop": 1280}
