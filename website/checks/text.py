"""Rich text as the checks read it: blocks of text (a paragraph, a list item, a heading),
their sentences, which stretches are quoted speech or link text, the pictures and the
headings. Python's own HTML parser reads the sanitized HTML the editors produce."""

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from html.parser import HTMLParser

from .normal import visible

BLOCKS = {
    "p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "td", "th", "dd", "dt",
    "figcaption", "div", "pre", "caption", "ul", "ol", "table", "tr", "section", "br",
}  # fmt: skip
HEADINGS = {f"h{level}": level for level in range(1, 7)}
QUOTES = {"blockquote", "q"}
# Attributes whose words readers get: a picture's alternative text (read aloud by screen
# readers), a link's or any element's title (shown on hover), and aria-label (read
# instead of the element's text).
READ_ATTRIBUTES = {"alt": "alternative text", "title": "title", "aria-label": "aria-label"}
# Text between quotation marks also counts as quoted: words mentioned, not used.
QUOTATION_MARKS = (("“", "”"), ('"', '"'), ("«", "»"), ("‘", "’"))


def quoted_spans(text):
    """The (start, end) of each stretch between a pair of quotation marks, each opening
    mark closed by the next closing one. A search from each opening mark to the end would
    go over the text once per unclosed mark; once a mark is left unclosed, no later one
    of its kind can be closed, so this stops there."""
    spans = []
    for opening, closing in QUOTATION_MARKS:
        position = 0
        while (start := text.find(opening, position)) != -1:
            end = text.find(closing, start + 1)
            if end == -1:
                break
            spans.append((start, end + 1))
            position = end + 1
    return spans


SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’»)]*\s+")
WORD = re.compile(r"[^\W_]+(?:[’'-][^\W_]+)*")


@dataclass
class Link:
    href: str
    start: int
    end: int


@dataclass
class Block:
    text: str = ""
    tag: str = "p"
    place: str = ""  # what an attribute's text is ("alternative text"); "" for the text
    quoted: list = field(default_factory=list)  # (start, end) spans
    links: list = field(default_factory=list)
    digests: dict = field(default_factory=dict)  # sentence start -> its digest (engine.py)

    @cached_property
    def sentence_spans(self):
        """(start, end) of each sentence in the block, worked out once (the block is
        complete by the time anything asks)."""
        spans, start = [], 0
        for match in SENTENCE_END.finditer(self.text):
            spans.append((start, match.start()))
            start = match.end()
        if start < len(self.text):
            spans.append((start, len(self.text)))
        return spans

    def sentences(self):
        return self.sentence_spans

    @cached_property
    def _sentence_starts(self):
        return [s for s, _ in self.sentence_spans]

    def sentence_at(self, start, end):
        """The (start, end) of the sentence holding the span: a binary search, so that
        many findings in one long block cost no more than one each."""
        spans = self.sentence_spans
        index = bisect_right(self._sentence_starts, start) - 1
        if index >= 0:
            s, e = spans[index]
            if s <= start < e or start == end == e:
                return s, e
        return 0, len(self.text)

    @cached_property
    def _quoted_spans(self):
        """The quoted spans merged and sorted, for a binary search."""
        merged = []
        for s, e in sorted(self.quoted):
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        return merged

    def is_quoted(self, start, end):
        spans = self._quoted_spans
        index = bisect_right(spans, [start, float("inf")]) - 1
        return index >= 0 and spans[index][0] <= start and end <= spans[index][1]

    @cached_property
    def _linked_sentences(self):
        """Each sentence's index -> the links that reach into it."""
        found = {}
        for link in self.links:
            index = bisect_right(self._sentence_starts, link.start) - 1
            for position in range(max(index, 0), len(self.sentence_spans)):
                s, e = self.sentence_spans[position]
                if s >= link.end:
                    break
                if link.start < e and s < link.end:
                    found.setdefault(s, []).append(link)
        return found

    def links_in(self, sentence_start):
        """The links in the sentence starting at `sentence_start`."""
        return self._linked_sentences.get(sentence_start, [])


@dataclass
class Image:
    src: str
    alt: str | None


@dataclass
class Heading:
    level: int
    text: str


@dataclass
class Text:
    blocks: list = field(default_factory=list)
    images: list = field(default_factory=list)
    headings: list = field(default_factory=list)
    attributes: list = field(default_factory=list)  # Blocks of attributes' words

    def readable(self):
        """Every block whose words readers get: the text's, then its attributes'."""
        return self.blocks + self.attributes

    def plain(self):
        """The text for a reading level: each block a sentence of its own."""
        parts = []
        for block in self.blocks:
            text = block.text.strip()
            if text:
                parts.append(text if text[-1] in ".!?…:;" else text + ".")
        return " ".join(parts)


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.result = Text()
        self.block = Block()
        # The block's text so far, in pieces: joined once when the block ends, since
        # adding to one string each time would copy it again for every piece.
        self.parts, self.length = [], 0
        self.quote_depth = 0
        self.quote_start = None
        self.link = None
        self.heading = None

    def flush(self):
        block = self.block
        if self.quote_start is not None:
            block.quoted.append((self.quote_start, self.length))
        if self.link is not None:
            block.links.append(Link(self.link, self.link_start, self.length))
        block.text = "".join(self.parts).rstrip()
        self.parts, self.length = [], 0
        if block.text:
            block.quoted.extend(quoted_spans(block.text))
            self.result.blocks.append(block)
        self.block = Block(tag=block.tag)
        self.quote_start = 0 if self.quote_depth else None
        self.link_start = 0

    def handle_starttag(self, tag, attrs):
        attrs = {name: visible(value or "") for name, value in attrs}
        for name, place in READ_ATTRIBUTES.items():
            words = " ".join(attrs.get(name, "").split())
            if words:
                block = Block(text=words, tag=tag, place=place)
                block.quoted = quoted_spans(words)
                self.result.attributes.append(block)
        if tag in BLOCKS:
            self.flush()
            self.block.tag = tag
        if tag in QUOTES:
            self.quote_depth += 1
            if self.quote_start is None:
                self.quote_start = self.length
        if tag in HEADINGS:
            self.heading = (HEADINGS[tag], len(self.result.blocks))
        if tag == "a" and attrs.get("href"):
            self.link = attrs["href"]
            self.link_start = self.length
        if tag == "img":
            self.result.images.append(Image(attrs.get("src") or "", attrs.get("alt")))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in {"img", "br"}:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag == "a" and self.link is not None:
            self.block.links.append(Link(self.link, self.link_start, self.length))
            self.link = None
        if tag in QUOTES and self.quote_depth:
            self.quote_depth -= 1
            if not self.quote_depth and self.quote_start is not None:
                self.block.quoted.append((self.quote_start, self.length))
                self.quote_start = None
        if tag in HEADINGS and self.heading is not None:
            level, _ = self.heading
            text = "".join(self.parts).strip()
            self.result.headings.append(Heading(level, text))
            self.heading = None
        if tag in BLOCKS:
            self.flush()

    def handle_data(self, data):
        text = re.sub(r"\s+", " ", visible(data))
        if not self.length or self.parts[-1].endswith(" "):
            text = text.lstrip()
        if text:
            self.parts.append(text)
            self.length += len(text)

    def close(self):
        super().close()
        self.flush()
        return self.result


def read(html):
    """The Text of a rich text (or of a plain one: it has no tags)."""
    reader = _Reader()
    reader.feed(html or "")
    return reader.close()


def words(text):
    return WORD.findall(text)
