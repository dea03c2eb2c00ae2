"""Site search over published posts, services and pages: one query per model.

PostgreSQL ranks with its full-text search (stemming, weights, websearch syntax); other
databases get a plain fallback that matches words in the text, never in the HTML markup.
Snippets and their highlighting are made here in Python, the same for both.

Search is in the visitor's language: only what exists in it, in its texts, with its
PostgreSQL configuration; the fallback matches Spanish words whatever their accents.
"""

import dataclasses
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F, Q, QuerySet
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from articles.models import Post
from facility.models import Page, Service
from plumbing.languages import active_language, default_language
from plumbing.richtext import plain_text

MAX_QUERY_LENGTH = 200
RESULTS_LIMIT = 200
SNIPPET_LENGTH = 200

# PostgreSQL's default weights for A, B and C, so both databases rank alike.
TITLE_WEIGHT, SUMMARY_WEIGHT, BODY_WEIGHT = 1.0, 0.4, 0.2

# PostgreSQL's text search configuration of each language; others search as English.
CONFIGS = {"en": "english", "es": "spanish"}
# In the fallback, a plain letter of a Spanish query word matches its accented forms too.
ACCENTED = {"a": "aá", "e": "eé", "i": "ií", "o": "oó", "u": "uúü", "n": "nñ"}

# Forms of one word (relapse, relapsing) share a prefix once a common ending is cut.
_ENDINGS = ("ing", "ies", "ied", "ed", "es", "ly", "s", "e", "y")
_MIN_STEM = 4


@dataclass(frozen=True)
class Result:
    kind: str
    title: str
    rank: float
    date: datetime | None = None
    # Made only for the results a page shows: the snippet needs the body's text, and
    # reading it out of the HTML of every one of 200 results, then reversing each one's
    # URL, was most of a search's time.
    obj: object = dataclasses.field(default=None, repr=False, compare=False)
    make_snippet: Callable[[], SafeString] = dataclasses.field(
        default=lambda: mark_safe(""), repr=False, compare=False
    )

    @cached_property
    def url(self):
        return self.obj.get_absolute_url()

    @cached_property
    def snippet(self):
        return self.make_snippet()

    @property
    def label(self):
        labels = {"Post": _("Blog post"), "Service": _("Treatment service"), "Page": _("Page")}
        return labels.get(self.kind, self.kind)


@dataclass(frozen=True)
class Source:
    """One searchable model: what the public may see of it and which fields hold what."""

    kind: str
    queryset: Callable[[], QuerySet]  # Called at search time: published() reads the clock.
    title: str
    summaries: tuple[str, ...]
    date: str | None = None
    # Stored, indexed vectors of the same fields per language (PostgreSQL), instead of
    # making one from every row's text at each search.
    vectors: dict[str, str] = dataclasses.field(default_factory=dict)

    def visible(self):
        """What the public may see of it in the active language."""
        return self.queryset().in_language()

    @property
    def fields(self):
        return [self.title, *self.summaries, "body", "slug", *([self.date] if self.date else [])]


SOURCES = [
    # published() is the one rule for which posts the public may see.
    Source(
        "Post",
        Post.objects.published,
        "title",
        ("excerpt", "search_description"),
        "pub_date",
        vectors={"en": "search_vector", "es": "search_vector_es"},
    ),
    Source("Service", Service.objects.all, "name", ("summary", "search_description")),
    Source("Page", Page.objects.all, "title", ("search_description",)),
]


def clean_query(raw):
    """The query as searched: single spaces, no control characters, at most 200 characters."""
    # PostgreSQL refuses NUL characters in a query; no control character means anything here.
    query = " ".join(re.sub(r"[\x00-\x1f\x7f]", " ", raw or "").split())
    if len(query) > MAX_QUERY_LENGTH:
        # Cut after a whole word where possible: a fragment would find nothing on PostgreSQL.
        query = query[: MAX_QUERY_LENGTH + 1].rsplit(" ", 1)[0][:MAX_QUERY_LENGTH]
    return query


def query_words(query):
    """Distinct lower-case words of two letters or more; punctuation is no word."""
    words = (word for word in re.findall(r"\w+", query.lower()) if len(word) > 1)
    return list(dict.fromkeys(words))


def search(query, limit=RESULTS_LIMIT):
    """The best `limit` results for `query`, best first; none, and no SQL, without words."""
    query = clean_query(query)
    words = query_words(query)
    if not words:
        return []
    find = _postgres_results if connection.vendor == "postgresql" else _fallback_results
    results = [result for source in SOURCES for result in find(source, query, words, limit)]
    # A stable sort: equal ranks keep posts first, each model in its own order.
    return sorted(results, key=lambda result: -result.rank)[:limit]


def _postgres_results(source, query, words, limit):
    code = active_language()
    config = CONFIGS.get(code, "english")
    if code in source.vectors:
        vector = F(source.vectors[code])
    else:

        def column(name):
            return f"{name}_{code}"  # the language's own text, never the fallback

        vector = (
            SearchVector(column(source.title), weight="A", config=config)
            + SearchVector(*map(column, source.summaries), weight="B", config=config)
            # The parser drops HTML tags and their attributes, so markup is never matched.
            + SearchVector(column("body"), weight="C", config=config)
        )
    search_query = SearchQuery(query, search_type="websearch", config=config)
    visible = source.visible()
    found = (
        # alias() filters on the vector without also sending it back with each row.
        visible.alias(document=vector)
        .filter(document=search_query)
        .annotate(rank=SearchRank(vector, search_query))
        .only(*source.fields)
        .order_by(F("rank").desc(), *visible.model._meta.ordering)[:limit]
    )
    return [_result(source, obj, obj.rank, words) for obj in found]


def _fallback_results(source, query, words, limit):
    # The database narrows by substring, markup included; Python then checks the text.
    fields = [source.title, *source.summaries, "body"]
    narrowed = source.visible().only(*source.fields)
    for word in words:
        narrowed = narrowed.filter(_any_contains(fields, word))
    patterns = [_word_start(word) for word in words]
    results = []
    for obj in narrowed.iterator():
        body = plain_text(obj.body)
        rank = _fallback_rank(source, obj, body, patterns)
        if rank:
            results.append(_result(source, obj, rank, words, body))
    return sorted(results, key=lambda result: -result.rank)[:limit]


def _any_contains(fields, word):
    # Field names are the active language's columns (the translation library's lookups).
    lookup, value = "icontains", word
    if active_language() != default_language():
        lookup, value = "iregex", _accent_tolerant(word)
    condition = Q()
    for field in fields:
        condition |= Q(**{f"{field}__{lookup}": value})
    return condition


def _accent_tolerant(word):
    """A pattern of `word` whose letters match with or without accents, in any case."""
    plain = "".join(
        char
        for char in unicodedata.normalize("NFD", word.lower())
        if not unicodedata.combining(char)
    )
    return "".join(f"[{ACCENTED[char]}]" if char in ACCENTED else re.escape(char) for char in plain)


def _fallback_rank(source, obj, body, patterns):
    """Title hits above summary hits above body hits; 0 unless every word is somewhere."""
    texts = [
        (TITLE_WEIGHT, getattr(obj, source.title)),
        (SUMMARY_WEIGHT, " ".join(getattr(obj, field) for field in source.summaries)),
        (BODY_WEIGHT, body),
    ]
    rank = 0.0
    for pattern in patterns:
        weights = [weight for weight, text in texts if pattern.search(text)]
        if not weights:
            return 0.0
        rank += sum(weights)
    return rank


def _result(source, obj, rank, words, body=None):
    """A result; `body` is the body's text where it was already read, else it is read
    when the snippet is wanted."""
    return Result(
        kind=source.kind,
        title=getattr(obj, source.title),
        rank=rank,
        date=getattr(obj, source.date) if source.date else None,
        obj=obj,
        make_snippet=lambda: _snippet(
            source, obj, words, plain_text(obj.body) if body is None else body
        ),
    )


def _snippet(source, obj, words, body):
    """The first summary field holding a match, else the body, else what there is."""
    pattern = _highlight_pattern(words)
    texts = [getattr(obj, field) for field in source.summaries] + [body]
    texts = [text for text in texts if text] or [""]
    text = next((text for text in texts if pattern.search(text)), texts[0])
    return highlight(_excerpt_around(text, pattern.search(text)), pattern)


def _excerpt_around(text, match, length=SNIPPET_LENGTH):
    """About `length` characters of `text`, the match a third of the way in, cut at spaces."""
    if len(text) <= length:
        return text
    start = max(0, match.start() - length // 3) if match else 0
    end = min(len(text), start + length)
    start = max(0, end - length)
    excerpt = text[start:end]
    if start > 0:
        if not text[start - 1].isspace():
            excerpt = excerpt.split(" ", 1)[-1]
        excerpt = "…" + excerpt.lstrip()
    if end < len(text):
        if not text[end].isspace():
            excerpt = excerpt.rsplit(" ", 1)[0]
        excerpt = excerpt.rstrip() + "…"
    return excerpt


def highlight(text, pattern):
    """`text` escaped, with whatever `pattern` matches wrapped in <mark>."""
    # Matching the raw text, then escaping each piece, never splits an entity like &lt;.
    # With one group in the pattern, split() alternates unmatched and matched pieces.
    pieces = pattern.split(text)
    marked = (
        f"<mark>{escape(piece)}</mark>" if i % 2 else escape(piece)
        for i, piece in enumerate(pieces)
    )
    return mark_safe("".join(marked))


def _stem(word):
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= _MIN_STEM:
            return word[: -len(ending)]
    return word


def _word_start(word):
    if active_language() != default_language():
        return re.compile(rf"\b{_accent_tolerant(word)}", re.IGNORECASE)
    return re.compile(rf"\b{re.escape(word)}", re.IGNORECASE)


def _highlight_pattern(words):
    """Whole words starting with a query word's stem, so "relapse" marks "relapsing" too.

    A little more generous than the fallback's matching, as PostgreSQL's stemming is.
    """
    stems = sorted({_stem(word) for word in words}, key=len, reverse=True)
    escape = re.escape if active_language() == default_language() else _accent_tolerant
    return re.compile(rf"\b((?:{'|'.join(map(escape, stems))})\w*)", re.IGNORECASE)
