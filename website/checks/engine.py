"""Running one language's rules over one text, giving findings that quote their words."""

import posixpath
from dataclasses import dataclass
from functools import cache
from urllib.parse import urlsplit

from django.utils.html import escape
from django.utils.safestring import mark_safe
from textstat.textstat import textstatistics

from facility import phones

from . import text as rich_text
from .rules import rules_for
from .syllables import SpanishText


class _Values(dict):
    def __missing__(self, key):
        return "{" + key + "}"


@dataclass(frozen=True)
class Finding:
    rule: object
    field: str
    language: str
    sentence: str
    start: int
    end: int
    reason: str
    suggestion: str

    @property
    def kind(self):
        return self.rule.kind

    @property
    def words(self):
        return self.sentence[self.start : self.end]

    @property
    def fingerprint(self):
        """What a publisher acknowledges: this rule, in this language, on these words."""
        return (self.rule.id, self.language, " ".join(self.words.lower().split()))

    def highlighted(self):
        """The sentence, escaped, with the words found in a <mark>."""
        before, found, after = (
            self.sentence[: self.start],
            self.words,
            self.sentence[self.end :],
        )
        return mark_safe(f"{escape(before)}<mark>{escape(found)}</mark>{escape(after)}")


def finding(rule, field, sentence, start, end, **values):
    values = _Values(values)
    return Finding(
        rule=rule,
        field=field,
        language=rule.language,
        sentence=sentence,
        start=start,
        end=end,
        reason=rule.reason.format_map(values),
        suggestion=rule.suggestion.format_map(values),
    )


@cache
def readability(language):
    """A textstat instance of its own per language (textstat's module one is shared);
    Spanish syllables are counted by spelling (syllables.py), not by hyphenation."""
    stats = SpanishText() if language == "es" else textstatistics()
    stats.set_lang(language)
    return stats


def sentence_at(block, start, end):
    """The (start, end) of the block's sentence holding the span."""
    for s, e in block.sentences():
        if s <= start < e or (start == end == e):
            return s, e
    return 0, len(block.text)


def quote(block, start, end):
    """The sentence holding [start, end) and the span's place in it."""
    s, e = sentence_at(block, start, end)
    return block.text[s:e], start - s, min(end, e) - s, (s, e)


def word_findings(rule, field, text, context, taken):
    allowed = {phones.parse(number).digits for number in rule.option("allowed", ())}
    for index, block in enumerate(text.blocks):
        for match in rule.pattern.finditer(block.text):
            start, end = match.span()
            if start == end:
                continue
            if rule.skips_quotes and block.is_quoted(start, end):
                continue
            sentence, s, e, (sent_start, sent_end) = quote(block, start, end)
            if rule.unless is not None and rule.unless.search(sentence):
                continue
            if rule.unless_linked and any(
                link.start < sent_end and sent_start < link.end for link in block.links
            ):
                continue
            if rule.check == "phone":
                digits = phones.parse(match.group()).digits
                if digits in context.phones or digits in allowed:
                    continue
            spans = taken.setdefault((field, index), [])
            if any(a < end and start < b for a, b in spans):
                continue
            spans.append((start, end))
            yield finding(rule, field, sentence, s, e)


def link_text_findings(rule, field, text, context):
    vague = {word.lower() for word in rule.option("words", ())}
    for block in text.blocks:
        for link in block.links:
            words = block.text[link.start : link.end].strip(" .,:;!?»«“”\"'").lower()
            if words in vague:
                sentence, s, e, _ = quote(block, link.start, link.end)
                yield finding(rule, field, sentence, s, e)


def image_findings(rule, field, text, context):
    for image in text.images:
        if not (image.alt or "").strip():
            name = posixpath.basename(urlsplit(image.src).path) or image.src or "(no address)"
            sentence = f"Picture {name}"
            yield finding(rule, field, sentence, len("Picture "), len(sentence))


def heading_findings(rule, field, text, context):
    above = 1  # the page's title is its h1
    for heading in text.headings:
        if heading.level > above + 1:
            label = f"h{heading.level} “{heading.text}” after h{above}"
            yield finding(rule, field, label, 0, len(label), level=heading.level, above=above)
        above = heading.level


def internal_link_findings(rule, field, text, context):
    if context.links is None:
        return
    for block in text.blocks:
        for link in block.links:
            problem, new_path = context.links.problem(link.href)
            if problem == rule.option("problem"):
                sentence, s, e, _ = quote(block, link.start, link.end)
                yield finding(rule, field, sentence, s, e, new_path=new_path, href=link.href)


def longest_sentence(text):
    best = None
    for block in text.blocks:
        for s, e in block.sentences():
            count = len(rich_text.words(block.text[s:e]))
            if best is None or count > best[0]:
                best = (count, block.text[s:e])
    return best


def reading_level_findings(rule, field, text, context):
    if field != "body":
        return
    plain = text.plain()
    if len(rich_text.words(plain)) < rule.option("min_words", 0):
        return
    stats = readability(rule.language)
    score = getattr(stats, rule.option("formula"))(plain)
    highest, lowest = rule.option("highest"), rule.option("lowest")
    if (highest is not None and score > highest) or (lowest is not None and score < lowest):
        _, sentence = longest_sentence(text)
        yield finding(rule, field, sentence, 0, len(sentence), score=f"{score:.1f}")


def long_sentence_findings(rule, field, text, context):
    most = rule.option("max_words")
    for block in text.blocks:
        if block.tag in rich_text.HEADINGS:
            continue
        for s, e in block.sentences():
            sentence = block.text[s:e]
            found = list(rich_text.WORD.finditer(sentence))
            if len(found) > most:
                start = found[most].start()
                yield finding(
                    rule, field, sentence, start, len(sentence), count=len(found), max=most
                )


TEXT_CHECKS = {
    "link_text": link_text_findings,
    "image_alt": image_findings,
    "heading_order": heading_findings,
    "internal_link": internal_link_findings,
    "reading_level": reading_level_findings,
    "long_sentence": long_sentence_findings,
}


def check_text(language, field, html, context, rich=True):
    """The findings of `language`'s text rules in one field's text (HTML when `rich`)."""
    text = rich_text.read(html) if rich else rich_text.read(escape(html or ""))
    findings, taken = [], {}
    for rule in rules_for(language):
        if rule.scope != "text":
            continue
        if rule.check in {"words", "phone"}:
            findings.extend(word_findings(rule, field, text, context, taken))
        elif rich:
            findings.extend(TEXT_CHECKS[rule.check](rule, field, text, context))
    return findings
