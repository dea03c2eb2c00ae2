"""The edge: HTTP caches in front of the site (Varnish, a CDN), told what they may keep
and purged by cache tag when a save makes pages stale.

Headers (`shared()` and `private()`, called by plumbing/page_cache.py): a page the page
cache keeps for anonymous visitors is `Cache-Control: public`, kept by browsers for
EDGE_BROWSER_SECONDS and by the edge (`s-maxage`) for EDGE_CACHE_SECONDS at most, never
past the moment it changes by itself (`plumbing.invalidation.lifetime()`), and names its tags in
EDGE_KEY_HEADER. Anything else without a Cache-Control of its own (forms with their CSRF
token, the admin, previews, anything for a session) is `private, no-store`.

Purges (`purge()`, after the commit of every save that bumps tags): each of
EDGE_PURGE_URLS is told to drop what carries those tags, by the adapter its scheme names:

- `http://` or `https://`: a Varnish running deploy/varnish/default.vcl, on its purge
  address (a port of its own that visitors cannot reach), sent `PURGE /` with the tags in
  `xkey-purge` and the moment of the purge in `xkey-purged-at`; once purged, it is asked
  to fetch its outage pages again (website/edge_pages.py), in the background;
- `fastly+https://.../service/<id>`: Fastly's purge by surrogate key
  (`POST <base>/purge`, `Fastly-Key: FASTLY_API_TOKEN`);
- `cloudflare+https://.../zones/<id>`: Cloudflare's purge by cache tag
  (`POST <base>/purge_cache`, `Authorization: Bearer CLOUDFLARE_API_TOKEN`).

The first try is made at once (a visitor sees a save within a second); one that fails is
logged and tried again from a thread, RETRIES times, and never fails the save.

No purge race: a page is stamped (BUILT_HEADER) with the moment its request started,
before anything was read for it, and a purge carries its own moment, taken after the
save's commit. The Varnish of default.vcl keeps no page stamped before the last purge it
was sent, so a page built from the rows of before a save, and fetched after its purge,
is never kept (it still answers the request that fetched it).
"""

import json
import logging
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

from django.conf import settings
from django.utils.cache import patch_cache_control

logger = logging.getLogger(__name__)

TIMEOUT_SECONDS = 2
RETRIES = (1, 3, 10)  # seconds before each try after the first
BUILT_HEADER = "X-Edge-Built"
# The pages a Varnish serves when the site cannot answer (website/edge_pages.py).
EDGE_PAGES = [f"/edge/{page}/{code}/" for page in ("outage", "too-long") for code in ("en", "es")]


def now():
    """The moment, as pages and purges are stamped with it: seconds since the epoch."""
    return time.time()


def shared(response, tags, seconds, started=None):
    """Mark `response`, a page any anonymous visitor may be given, for the edge; `started`
    is the moment (now()) its request started, before anything was read for it."""
    seconds = max(0, int(seconds))
    if started is not None:
        response[BUILT_HEADER] = f"{started:.6f}"
    patch_cache_control(
        response,
        public=True,
        max_age=min(settings.EDGE_BROWSER_SECONDS, seconds),
        s_maxage=min(settings.EDGE_CACHE_SECONDS, seconds),
    )
    separator = "," if settings.EDGE_KEY_HEADER == "Cache-Tag" else " "
    response[settings.EDGE_KEY_HEADER] = separator.join(sorted(tags))
    return response


def private(response):
    """Keep `response` out of every shared cache, unless it said otherwise itself."""
    if not response.has_header("Cache-Control"):
        patch_cache_control(response, private=True, no_store=True)
    return response


def varnish(base, tags, moment=None):
    return urllib.request.Request(
        base.rstrip("/") + "/",
        method="PURGE",
        headers={
            "xkey-purge": " ".join(sorted(tags)),
            "xkey-purged-at": f"{now() if moment is None else moment:.6f}",
        },
    )


def fastly(base, tags, moment=None):
    return urllib.request.Request(
        base.removeprefix("fastly+").rstrip("/") + "/purge",
        method="POST",
        data=json.dumps({"surrogate_keys": sorted(tags)}).encode(),
        headers={
            "Fastly-Key": settings.FASTLY_API_TOKEN,
            "Content-Type": "application/json",
            "Accept": "application/json",
        },
    )


def cloudflare(base, tags, moment=None):
    return urllib.request.Request(
        base.removeprefix("cloudflare+").rstrip("/") + "/purge_cache",
        method="POST",
        data=json.dumps({"tags": sorted(tags)}).encode(),
        headers={
            "Authorization": f"Bearer {settings.CLOUDFLARE_API_TOKEN}",
            "Content-Type": "application/json",
        },
    )


def adapter(url):
    if url.startswith("fastly+"):
        return fastly
    if url.startswith("cloudflare+"):
        return cloudflare
    return varnish


def purge_one(url, tags, moment=None):
    """Purge `tags` at the edge `url`; True when it said it did."""
    request = adapter(url)(url, tags, moment)
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as answer:
            answer.read()
            return 200 <= answer.status < 300
    except (urllib.error.URLError, OSError) as error:
        logger.warning("Edge purge of %s at %s failed: %s", sorted(tags), url, error)
        return False


def purge(tags):
    """Purge `tags` at every edge of EDGE_PURGE_URLS: at once, then retried in the
    background where that failed; then the Varnishes fetch their outage pages again."""
    moment = now()  # after the commit: a page whose request started later reads it
    urls = settings.EDGE_PURGE_URLS
    failed = [url for url in urls if not purge_one(url, tags, moment)]
    if urls:
        threading.Thread(
            target=retry, args=(urls, failed, set(tags), moment), name="edge-purge", daemon=True
        ).start()


def retry(urls, failed, tags, moment):
    purged = [url for url in urls if url not in failed]
    refresh_edge_pages(purged)
    for delay in RETRIES if failed else ():
        time.sleep(delay)
        done = [url for url in failed if purge_one(url, tags, moment)]
        refresh_edge_pages(done)
        failed = [url for url in failed if url not in done]
        if not failed:
            return
    if failed:
        logger.error(
            "Edge purge of %s gave up at %s: those pages expire by themselves.",
            sorted(tags),
            failed,
        )


def site_host():
    """A Host the site answers to, for the requests it sends through its edge."""
    if settings.SITE_URL:
        return urllib.parse.urlsplit(settings.SITE_URL).netloc
    named = [host for host in settings.ALLOWED_HOSTS if host and not host.startswith((".", "*"))]
    return named[0] if named else "localhost"


def refresh_edge_pages(urls):
    """Have each Varnish among `urls` fetch its outage pages again, with the facility as
    it is now (its purge address answers a GET of them with a fresh fetch)."""
    for url in urls:
        if adapter(url) is not varnish:
            continue
        for path in EDGE_PAGES:
            request = urllib.request.Request(url.rstrip("/") + path, headers={"Host": site_host()})
            try:
                with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS * 5) as answer:
                    answer.read()
            except (urllib.error.URLError, OSError) as error:
                logger.warning("Edge page %s not refreshed at %s: %s", path, url, error)
