"""Running one language's rules over one text, giving findings that quote their words."""

import posixpath
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from urllib.parse import urlsplit

from django.utils.html import escape
from django.utils.safestring import mark_safe
from textstat.textstat import textstatistics

from facility import phones

from . import normal
from . import text as rich_text
from .rules import rules_for
from .syllables import SpanishText


class _Values(dict):
    def __missing__(self, key):
        return "{" + key + "}"


# A finding quotes its sentence, but no more than about this many characters of it
# around the words found: a paragraph with no full stop is one long "sentence", and a
# whole one per finding would make the panel grow with the square of the text.
QUOTE_AROUND = 150
QUOTE_WORDS = 200


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
    # What a publisher acknowledges with the words: the whole sentence, as read, named
    # by normal.sentence_digest() (worked out once per sentence, not per finding).
    digest: str = ""
    place: str = ""  # an attribute ("alternative text") or a link's target, when not text

    @property
    def kind(self):
        return self.rule.kind

    @property
    def words(self):
        return self.sentence[self.start : self.end]

    @property
    def fingerprint(self):
        """What a publisher acknowledges: this rule, in this language, on these words, in
        this sentence. The same words in another sentence need their own."""
        digest = self.digest or normal.sentence_digest(self.sentence)
        return (self.rule.id, self.language, " ".join(self.words.lower().split()), digest)

    def highlighted(self):
        """The sentence, escaped, with the words found in a <mark>."""
        before, found, after = (
            self.sentence[: self.start],
            self.words,
            self.sentence[self.end :],
        )
        return mark_safe(f"{escape(before)}<mark>{escape(found)}</mark>{escape(after)}")


def clip(text, start, end, first=0, last=None):
    """The sentence text[first:last] around the words text[start:end], at most
    QUOTE_AROUND characters either side of them (and their first QUOTE_WORDS), cut at a
    space where one is near, with "…" where something was left; and the words' place
    in it. Only the quoted stretch is copied, however long the sentence."""
    last = len(text) if last is None else last
    if last - first <= 2 * QUOTE_AROUND + QUOTE_WORDS:
        return text[first:last], start - first, min(end, last) - first
    end = min(end, start + QUOTE_WORDS, last)
    left, right = max(first, start - QUOTE_AROUND), min(last, end + QUOTE_AROUND)
    if left > first:
        space = text.find(" ", left, start)
        left = space + 1 if space != -1 else left
    if right < last:
        space = text.rfind(" ", end, right)
        right = space if space != -1 else right
    head = "…" if left > first else ""
    tail = "…" if right < last else ""
    quoted = head + text[left:right] + tail
    return quoted, start - left + len(head), end - left + len(head)


@cache
def plain_texts(rule):
    """A rule's reason and suggestion when a check gives no values to put in them: the
    same for each of its findings, so formatted once."""
    values = _Values()
    return rule.reason.format_map(values), rule.suggestion.format_map(values)


def finding(rule, field, sentence, start, end, place="", digest="", within=None, **values):
    """A finding of `rule` on sentence[start:end]; with `within` (first, last), the
    sentence is sentence[first:last] and start and end count from the text's start."""
    if values:
        values = _Values(values)
        reason, suggestion = rule.reason.format_map(values), rule.suggestion.format_map(values)
    else:
        reason, suggestion = plain_texts(rule)
    first, last = within or (0, len(sentence))
    quoted, start, end = clip(sentence, start, end, first, last)
    return Finding(
        rule=rule,
        field=field,
        language=rule.language,
        sentence=quoted,
        start=start,
        end=end,
        reason=reason,
        suggestion=suggestion,
        digest=digest,
        place=place,
    )


@cache
def readability(language):
    """A textstat instance of its own per language (textstat's module one is shared);
    Spanish syllables are counted by spelling (syllables.py), not by hyphenation."""
    stats = SpanishText() if language == "es" else textstatistics()
    stats.set_lang(language)
    return stats


def sentence_digest(block, first, last):
    """The digest of the block's sentence [first, last), worked out once per sentence."""
    if first not in block.digests:
        block.digests[first] = normal.sentence_digest(block.text[first:last])
    return block.digests[first]


def finding_at(rule, field, block, start, end, **values):
    """A finding of `rule` on block.text[start:end], quoting its sentence."""
    first, last = block.sentence_at(start, end)
    return finding(
        rule, field, block.text, start, end, place=values.pop("place", block.place),
        digest=sentence_digest(block, first, last), within=(first, last), **values,
    )  # fmt: skip


# A negation exempts a claim only when it stands just before it, in the same clause:
# "we do not guarantee a cure", not "we cure addiction, no matter how long it took".
NEGATION_WORDS = 4
NEGATION_REACH = 80  # characters: the window's words are short ones
CLAUSE_BREAKS = ",;:()[]—–"


def excepted(rule, text, sentence_start, start, end, sentence_end=None):
    """Whether the rule's `unless` matches from the few words just before the match (in
    its clause) or from the match itself: "we do not guarantee", "paga el 100 % de". A
    pattern may read on past the match to the end of its clause ("garantiza el derecho"),
    but a match starting after the claim ("guarantees you will never drink") exempts
    nothing. The window's words are joined by single spaces, which the rules' patterns
    read as they read any space."""
    before = text[max(sentence_start, start - NEGATION_REACH) : start]
    cut = max(before.rfind(mark) for mark in CLAUSE_BREAKS)
    if cut != -1:
        before = before[cut + 1 :]
    words = before.split()[-NEGATION_WORDS:]
    joint = " " if words and before[-1:].isspace() else ""
    after = text[
        end : min(len(text) if sentence_end is None else sentence_end, end + NEGATION_REACH)
    ]
    stops = [at for at in (after.find(mark) for mark in CLAUSE_BREAKS) if at != -1]
    after = after[: min(stops)] if stops else after
    window = " ".join(words) + joint + text[start:end]
    return any(found.start() < len(window) for found in rule.unless.finditer(window + after))


class Taken:
    """The spans already told in one block: kept sorted, so that the overlap test is a
    binary search rather than a pass over every earlier finding."""

    def __init__(self):
        self.starts, self.ends = [], []

    def overlaps(self, start, end):
        index = bisect_right(self.starts, start)
        if index and self.ends[index - 1] > start:
            return True
        return index < len(self.starts) and self.starts[index] < end

    def add(self, start, end):
        index = bisect_right(self.starts, start)
        self.starts.insert(index, start)
        self.ends.insert(index, end)


def evidence_linked(block, sentence_start, context):
    """Whether the sentence links to a page of this site that can say how a figure was
    measured (a page or a published post): a link to anything else, such as the home
    page, is no evidence."""
    if context.links is None:
        return False
    return any(context.links.is_evidence(link.href) for link in block.links_in(sentence_start))


def phone_allowed(rule, number, context):
    allowed = {phones.parse(n).digits for n in rule.option("allowed", ())}
    digits = phones.parse(number).digits
    return digits in context.phones or digits in allowed


def tel_number(href):
    """The number a tel: (or sms:) link dials, or None for any other link."""
    scheme, _, rest = href.partition(":")
    if scheme.strip().lower() not in {"tel", "sms", "callto"}:
        return None
    return rest.split(";")[0].split("?")[0]


def word_findings(rule, field, text, context, taken):
    is_phone = rule.check == "phone"
    for index, block in enumerate(text.readable()):
        spans = taken.get((field, index))
        if spans is None:
            spans = taken[(field, index)] = Taken()
        linked = {}  # sentence start -> whether it links to evidence: asked once each
        searched = normal.phone_digits(block.text) if is_phone else block.text
        for match in rule.pattern.finditer(searched):
            start, end = match.span()
            if start == end:
                continue
            if rule.skips_quotes and block.is_quoted(start, end):
                continue
            sent_start, sent_end = block.sentence_at(start, end)
            if rule.unless is not None and excepted(
                rule, searched, sent_start, start, end, sent_end
            ):
                continue
            if rule.unless_linked:
                if sent_start not in linked:
                    linked[sent_start] = evidence_linked(block, sent_start, context)
                if linked[sent_start]:
                    continue
            if is_phone and phone_allowed(rule, match.group(), context):
                continue
            if spans.overlaps(start, end):
                continue
            spans.add(start, end)
            yield finding(
                rule, field, block.text, start, end, place=block.place,
                digest=sentence_digest(block, sent_start, sent_end),
                within=(sent_start, sent_end),
            )  # fmt: skip
        if is_phone:
            yield from dialled_findings(rule, field, block, context, spans)


def dialled_findings(rule, field, block, context, spans):
    """A link that dials a number (tel:) that is not a center's, whatever its words say."""
    for link in block.links:
        number = tel_number(link.href)
        # Three-digit service codes (711 relay, 988 crisis line, 911) are the public's.
        if number is None or len(phones.parse(number).digits) <= 3:
            continue
        if phone_allowed(rule, number, context):
            continue
        start, end = link.start, max(link.end, link.start)
        if start < end and spans.overlaps(start, end):
            continue
        spans.add(start, end)
        yield finding_at(rule, field, block, start, end, place=f"link to {link.href}")


def link_text_findings(rule, field, text, context):
    vague = {word.lower() for word in rule.option("words", ())}
    for block in text.blocks:
        for link in block.links:
            words = block.text[link.start : link.end].strip(" .,:;!?»«“”\"'").lower()
            if words in vague:
                yield finding_at(rule, field, block, link.start, link.end)


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
                yield finding_at(
                    rule, field, block, link.start, link.end, new_path=new_path, href=link.href
                )


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
