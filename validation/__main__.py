"""`make validate` (python -m validation): build a throwaway copy of the demo site with
production settings, serve it with gunicorn on 127.0.0.1, read every page its sitemap
lists, in both languages, and the inquiry forms sent empty; check the HTML with the Nu
Html Checker (one Java process for every document), the feeds the pages link and the
sitemap with rules.py, and every page with axe-core in Chromium at phone and desktop
widths. Prints what it checked and every error; exits 1 on any.

Needs Java (VNU_JAVA, `java` by default), vnu.jar (VNU_JAR, npm ci's by default) and
Chromium (CHROMIUM_PATH, /usr/bin/chromium by default); `make validate` installs them.
"""

import base64
import http.cookiejar
import json
import os
import re
import secrets
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from benchmarks.lighthouse import free_port, manage, wait_until_up
from validation import AXE_TAGS, WIDTHS
from validation.rules import feed_problems, sitemap_problems

ROOT = Path(__file__).resolve().parent.parent
VNU_JAR = Path(
    os.environ.get("VNU_JAR", ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar")
)
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]  # fmt: skip
FEED_LINK = re.compile(
    r'<link rel="alternate" type="application/(?:rss|atom)\+xml"[^>]*href="([^"]+)"'
)
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
# The site's own pages linked from the home pages' menus, the sitemap leaves some out
# (the locations, the team, admissions...): local addresses of pages, not files.
PAGE_LINK = re.compile(r'<a [^>]*href="(/[^"?#]*/)"')
SKIPPED = ("/static/", "/media/", "/admin/")


def site_env(workdir):
    """Production settings for a throwaway site on plain HTTP in `workdir`."""
    keys = [os.urandom(32) for _ in range(2)]
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "GUNICORN_"))},
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_SECURE_COOKIES": "false",
        "DATABASE_URL": f"sqlite:///{workdir / 'site.sqlite3'}",
        "REDIS_URL": "",
        "DJANGO_STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(workdir / "media"),
        "DJANGO_SERVE_MEDIA": "true",
        "CONTACT_NOTIFY_EMAILS": "",
        # Each form is sent empty several times (once read, once per width): the limit
        # on one client's inquiries would soon answer in their place.
        "CONTACT_RATE_LIMIT": "1000/3600",
        "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        "INQUIRY_ENCRYPTION_KEYS": base64.urlsafe_b64encode(keys[0]).decode(),
        "RATE_LIMIT_KEY": base64.urlsafe_b64encode(keys[1]).decode(),
    }


class Reader:
    """Reads the site's documents, keeping cookies (the forms' CSRF cookie)."""

    def __init__(self, base):
        self.base = base
        jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

    def get(self, url):
        with self.opener.open(urllib.parse.urljoin(self.base, url), timeout=30) as response:
            return response.read()

    def post_empty(self, url, html):
        """The form at `url` sent with nothing filled in: the page with its errors."""
        token = CSRF_FIELD.search(html.decode()).group(1)
        data = urllib.parse.urlencode({"csrfmiddlewaretoken": token}).encode()
        try:
            with self.opener.open(self.base + url, data=data, timeout=30) as response:
                return response.read()
        except urllib.error.HTTPError as error:  # a form with errors may answer 400
            return error.read()


def read_site(reader, problems):
    """Every document: {name: html}, the feeds {url: bytes}, which pages hold an
    inquiry form, and how many pages the sitemap lists."""
    sitemap_url = reader.base + "/sitemap.xml"
    found, locations = sitemap_problems(reader.get(sitemap_url), sitemap_url)
    problems.extend(f"{sitemap_url}: {p}" for p in found)
    pages, feeds, forms = {}, {}, []
    queue = list(locations)
    listed = 0
    while queue:
        url = queue.pop(0)
        if url.endswith(".xml"):  # a sitemap index's sitemap
            found, more = sitemap_problems(reader.get(url), url)
            problems.extend(f"{url}: {p}" for p in found)
            queue.extend(more)
            continue
        path = urllib.parse.urlsplit(url).path
        listed += 1
        html = reader.get(path)
        pages[path] = html
        for feed in FEED_LINK.findall(html.decode()):
            feeds.setdefault(urllib.parse.urljoin(reader.base, feed), None)
        if b'class="inquiry-form"' in html:
            forms.append(path)
    menus = [pages[home] for home in ("/", "/es/") if home in pages]
    for path in sorted({p for html in menus for p in PAGE_LINK.findall(html.decode())}):
        if path not in pages and not path.startswith(SKIPPED):
            pages[path] = reader.get(path)
            forms += [path] if b'class="inquiry-form"' in pages[path] else []
    for path in forms:
        pages[f"{path} sent empty"] = reader.post_empty(path, pages[path])
    for url in feeds:
        feeds[url] = reader.get(url)
    return pages, feeds, forms, listed


def nu_errors(pages, workdir):
    """The Nu Html Checker's errors on every page, read by one Java process."""
    folder = workdir / "html"
    folder.mkdir()
    files = {}
    for n, (name, html) in enumerate(pages.items()):
        file = folder / f"{n:03}.html"
        file.write_bytes(html)
        files[file.as_uri()] = name
    java = os.environ.get("VNU_JAVA", "java")
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always", *map(str, files)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    try:
        messages = json.loads(result.stderr)["messages"]
    except (json.JSONDecodeError, KeyError):
        raise SystemExit(f"The Nu Html Checker failed:\n{result.stderr[-3000:]}") from None
    return [
        f"{files.get(m.get('url'), m.get('url'))}:{m.get('lastLine')}: {m['message']}"
        f" [{m.get('extract', '').strip()}]"
        for m in messages
        if m["type"] in ("error", "non-document-error")
    ]


AXE_RUN = """async (tags) => {
    const results = await axe.run(document, {runOnly: {type: "tag", values: tags}});
    return results.violations.map(v => `${v.id} (${v.help}): ` + v.nodes.map(
        n => `${n.target.join(" ")} ${n.html.slice(0, 100)}`).join(" | "));
}"""


def axe_errors(base, paths, forms):
    """axe-core's violations on every page at each width, the forms also sent empty."""
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    errors, runs = [], 0
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for width in WIDTHS.values():
            # axe goes in as an inline script, which the site's policy rightly refuses.
            context = browser.new_context(viewport={"width": width, "height": 900}, bypass_csp=True)
            page = context.new_page()
            for path in [*paths, *(f"{form} sent empty" for form in forms)]:
                page.goto(base + path.removesuffix(" sent empty"))
                if path.endswith(" sent empty"):
                    # The form's script sends it and shows the answer in place; without
                    # the script the browser would load the answer: wait for either.
                    try:
                        with page.expect_response(lambda r: r.request.method == "POST"):
                            page.locator(".inquiry-form [type=submit]").last.click()
                        page.locator('[aria-invalid="true"]').first.wait_for()
                    except PlaywrightError as error:
                        errors.append(f"{path} at {width} px: the form was not sent: {error}")
                        continue
                page.add_script_tag(path=str(AXE))
                runs += 1
                for violation in page.evaluate(AXE_RUN, AXE_TAGS):
                    errors.append(f"{path} at {width} px: {violation}")
            context.close()
        browser.close()
    return errors, runs


def main():
    for need, what in [(VNU_JAR, "vnu.jar: run npm ci"), (AXE, "axe-core: run npm ci")]:
        if not need.exists():
            raise SystemExit(f"{what} (make validate does it).")
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="recovery-site-validate-") as tmp:
        workdir = Path(tmp)
        env = site_env(workdir)
        manage(env, "migrate", "--noinput", "--verbosity=0")
        manage(env, "collectstatic", "--noinput", "--verbosity=0")
        manage(env, "load_demo", "--verbosity=0")
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "gunicorn"), "recovery_site.wsgi",
                f"--bind=127.0.0.1:{port}", "--workers=2", "--log-level=warning",
                "--access-logfile=/dev/null",
            ],
            cwd=ROOT, env=env,
        )  # fmt: skip
        try:
            wait_until_up(base + "/healthz")
            problems = []
            pages, feeds, forms, listed = read_site(Reader(base), problems)
            for url, content in feeds.items():
                problems.extend(f"{url}: {p}" for p in feed_problems(content))
            html = nu_errors(pages, workdir)
            paths = [name for name in pages if not name.endswith(" sent empty")]
            axe, runs = axe_errors(base, paths, forms)
        finally:
            server.terminate()
            server.wait(timeout=30)

    languages = sorted({"es" if p.startswith("/es/") else "en" for p in paths})
    print(f"Nu Html Checker: {len(pages)} documents ({len(forms)} forms sent empty), "
          f"{len(html)} errors")  # fmt: skip
    print(f"Feeds and sitemap: {len(feeds)} feeds, the sitemap of {listed} pages (and "
          f"{len(paths) - listed} more its menus link), "
          f"{len(problems)} errors")  # fmt: skip
    print(f"axe-core ({', '.join(AXE_TAGS)}): {runs} runs ({len(paths) + len(forms)} pages in "
          f"{'/'.join(languages)} at {len(WIDTHS)} widths), {len(axe)} violations")  # fmt: skip
    for error in [*html, *problems, *axe]:
        print("  " + error)
    print(f"In {time.monotonic() - started:.0f} s.")
    return 1 if html or problems or axe else 0


if __name__ == "__main__":
    sys.exit(main())
