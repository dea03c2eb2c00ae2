"""The rules `make validate` holds feeds and sitemaps to, as pure functions of a
document's bytes: each returns the problems found, as sentences, an empty list when none.

Feeds: well-formed XML, and the elements RSS 2.0 (rssboard.org) and Atom (RFC 4287)
require, with dates each format accepts. Sitemaps: sitemaps.org's protocol (absolute
URLs on the sitemap's own host, at most 50,000 URLs and 50 MB, W3C dates for lastmod).
"""

import re
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit
from xml.etree import ElementTree

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
MAX_URLS = 50_000
MAX_BYTES = 50 * 1024 * 1024
MAX_URL_LENGTH = 2048
# W3C Datetime (www.w3.org/TR/NOTE-datetime): a date, or a date and time with its zone.
W3C_DATE = re.compile(
    r"^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?$"
)
# RFC 3339, which Atom's dates must be.
RFC_3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def parse(content):
    """The document's root element, or the sentence saying why it is not XML."""
    try:
        return ElementTree.fromstring(content), None
    except ElementTree.ParseError as error:
        return None, f"not well-formed XML: {error}"


def feed_problems(content):
    root, problem = parse(content)
    if problem:
        return [problem]
    if root.tag == "rss":
        return _rss_problems(root)
    if root.tag == f"{ATOM}feed":
        return _atom_problems(root)
    return [f"neither RSS nor Atom: the root element is <{root.tag}>"]


def _text(element, path):
    found = element.find(path)
    return (found.text or "").strip() if found is not None else ""


def _rss_problems(root):
    problems = []
    if root.get("version") != "2.0":
        problems.append(f"RSS version {root.get('version')!r}, not '2.0'")
    channel = root.find("channel")
    if channel is None:
        return [*problems, "RSS without its <channel>"]
    for name in ("title", "link", "description"):
        if not _text(channel, name):
            problems.append(f"the channel has no <{name}>")
    for n, item in enumerate(channel.findall("item"), 1):
        if not (_text(item, "title") or _text(item, "description")):
            problems.append(f"item {n} has neither <title> nor <description>")
        if not _absolute(_text(item, "link")):
            problems.append(f"item {n}'s <link> is not an absolute URL")
        date = _text(item, "pubDate")
        if date:
            try:
                parsedate_to_datetime(date)
            except (TypeError, ValueError):
                problems.append(f"item {n}'s <pubDate> {date!r} is not an RFC 822 date")
    return problems


def _atom_problems(root):
    problems = []
    for name in ("id", "title", "updated"):
        if not _text(root, f"{ATOM}{name}"):
            problems.append(f"the feed has no <{name}>")
    if not RFC_3339.match(_text(root, f"{ATOM}updated")):
        problems.append("the feed's <updated> is not an RFC 3339 date")
    if not any(link.get("rel") == "self" for link in root.findall(f"{ATOM}link")):
        problems.append('the feed has no <link rel="self">')
    feed_author = root.find(f"{ATOM}author") is not None
    for n, entry in enumerate(root.findall(f"{ATOM}entry"), 1):
        for name in ("id", "title", "updated"):
            if not _text(entry, f"{ATOM}{name}"):
                problems.append(f"entry {n} has no <{name}>")
        if _text(entry, f"{ATOM}updated") and not RFC_3339.match(_text(entry, f"{ATOM}updated")):
            problems.append(f"entry {n}'s <updated> is not an RFC 3339 date")
        if not feed_author and entry.find(f"{ATOM}author") is None:
            problems.append(f"entry {n} has no <author>, nor has the feed")
        if entry.find(f"{ATOM}link") is None and entry.find(f"{ATOM}content") is None:
            problems.append(f"entry {n} has neither <link> nor <content>")
    return problems


def _absolute(url):
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def sitemap_problems(content, sitemap_url):
    """The sitemap's (or sitemap index's) problems, and the addresses it lists."""
    if len(content) > MAX_BYTES:
        return [f"{len(content)} bytes: a sitemap may have at most {MAX_BYTES}"], []
    root, problem = parse(content)
    if problem:
        return [problem], []
    if root.tag not in (f"{SITEMAP}urlset", f"{SITEMAP}sitemapindex"):
        return [f"the root element is <{root.tag}>, not sitemaps.org's urlset"], []
    child = "url" if root.tag == f"{SITEMAP}urlset" else "sitemap"
    entries = root.findall(f"{SITEMAP}{child}")
    problems = []
    if len(entries) > MAX_URLS:
        problems.append(f"{len(entries)} entries: at most {MAX_URLS} are allowed")
    host = urlsplit(sitemap_url).netloc
    locations = []
    for n, entry in enumerate(entries, 1):
        loc = _text(entry, f"{SITEMAP}loc")
        if not _absolute(loc):
            problems.append(f"entry {n}'s <loc> {loc!r} is not an absolute URL")
        elif urlsplit(loc).netloc != host:
            problems.append(f"entry {n}'s <loc> {loc} is on another host than the sitemap")
        if len(loc) > MAX_URL_LENGTH:
            problems.append(f"entry {n}'s <loc> is longer than {MAX_URL_LENGTH} characters")
        lastmod = _text(entry, f"{SITEMAP}lastmod")
        if lastmod and not W3C_DATE.match(lastmod):
            problems.append(f"entry {n}'s <lastmod> {lastmod!r} is not a W3C date")
        locations.append(loc)
    return problems, locations
