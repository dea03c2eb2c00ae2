"""What a Spanish reader sees on a page: its text, and the English in it left unmarked.

`visible_text(html)` gives the text nodes and the read-aloud attributes (alt, title,
aria-label, placeholder) of a page, except inside an element marked with another
language (`lang="en"`, a tagline's `lang="so"`) and except scripts and styles.
`english_words(text)` finds English: words that are common in English and are no Spanish
word (function words, and the few content words the site's chrome would show). The
organization's and centers' names (Manor Hill Recovery Center) are proper names and
not looked for.
"""

import re
from html.parser import HTMLParser

VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}
READ_ALOUD = ("alt", "title", "aria-label", "placeholder")
# English words that are never Spanish ones ("a", "no", "me", "son", "come" are both).
ENGLISH = frozenset(
    """
    the and of to for with from is are was were this that these those your you our we
    they it its by at on be been has have had not but will would can could should all any
    more about here there what which who when where how why if or into than then some only
    also just very such other each every both few most day days data email e-mail christmas
    new year's year call text read share home menu search hours open closed help contact us
    privacy policy notice page site map services locations team tour admissions treatment
    license accreditation verify valid through licensed accredited weekdays saturdays
    sundays holidays noon midnight skip content attn coordinator section department
    health human suicide lifeline demo
    """.split()  # noqa: SIM905 (a list of words reads best as words)
)
# E-mail addresses and web addresses are not words of a sentence.
ADDRESSES = re.compile(r"\S+@\S+|https?://\S+")
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


class _Text(HTMLParser):
    def __init__(self, language):
        super().__init__(convert_charrefs=True)
        self.language = language
        self.stack = []  # (tag, language of its content, hidden)
        self.parts = []

    def _lang(self):
        return self.stack[-1][1] if self.stack else self.language

    def _skipped(self):
        return any(tag in ("script", "style", "template") for tag, _ in self.stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        lang = (attrs.get("lang") or self._lang()).split("-")[0].lower()
        if lang == self.language and not self._skipped():
            self.parts += [attrs[name] for name in READ_ALOUD if attrs.get(name)]
        if tag not in VOID:
            self.stack.append((tag, lang))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack and self.stack[-1][0] == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data):
        if data.strip() and not self._skipped() and self._lang() == self.language:
            self.parts.append(data.strip())


def visible_text(html, language="es"):
    """The page's text in `language` (marked parts in other languages left out)."""
    parser = _Text(language)
    parser.feed(html)
    return parser.parts


def english_words(text):
    text = ADDRESSES.sub(" ", text)
    return sorted({word for word in WORD.findall(text) if word.lower() in ENGLISH})


SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def texting_988_without_ayuda(text):
    """Sentences telling the reader to text 988 without the word AYUDA (which reaches
    the Spanish service)."""
    return [
        sentence
        for sentence in SENTENCE_END.split(text)
        if "988" in sentence
        and re.search(r"\btext|texto", sentence, re.IGNORECASE)
        and "AYUDA" not in sentence
    ]
