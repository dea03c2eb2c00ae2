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

- `http://` or `https://`: a Varnish running deploy/varnish/default.vcl, sent
  `PURGE /` with the tags in `xkey-purge`;
- `fastly+https://.../service/<id>`: Fastly's purge by surrogate key
  (`POST <base>/purge`, `Fastly-Key: FASTLY_API_TOKEN`);
- `cloudflare+https://.../zones/<id>`: Cloudflare's purge by cache tag
  (`POST <base>/purge_cache`, `Authorization: Bearer CLOUDFLARE_API_TOKEN`).

The first try is made at once (a visitor sees a save within a second); one that fails is
logged and tried again from a thread, RETRIES times, and never fails the save.
"""

import json
import logging
import threading
import time
import urllib.error
import urllib.request

from django.conf import settings
from django.utils.cache import patch_cache_control

logger = logging.getLogger(__name__)

TIMEOUT_SECONDS = 2
RETRIES = (1, 3, 10)  # seconds before each try after the first


def shared(response, tags, seconds):
    """Mark `response`, a page any anonymous visitor may be given, for the edge."""
    seconds = max(0, int(seconds))
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


def varnish(base, tags):
    return urllib.request.Request(
        base.rstrip("/") + "/", method="PURGE", headers={"xkey-purge": " ".join(sorted(tags))}
    )


def fastly(base, tags):
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


def cloudflare(base, tags):
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


def purge_one(url, tags):
    """Purge `tags` at the edge `url`; True when it said it did."""
    request = adapter(url)(url, tags)
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as answer:
            answer.read()
            return 200 <= answer.status < 300
    except (urllib.error.URLError, OSError) as error:
        logger.warning("Edge purge of %s at %s failed: %s", sorted(tags), url, error)
        return False


def purge(tags):
    """Purge `tags` at every edge of EDGE_PURGE_URLS: at once, then retried in the
    background where that failed."""
    failed = [url for url in settings.EDGE_PURGE_URLS if not purge_one(url, tags)]
    if failed:
        threading.Thread(
            target=retry, args=(failed, set(tags)), name="edge-purge", daemon=True
        ).start()


def retry(urls, tags):
    for delay in RETRIES:
        time.sleep(delay)
        urls = [url for url in urls if not purge_one(url, tags)]
        if not urls:
            return
    logger.error(
        "Edge purge of %s gave up at %s: those pages expire by themselves.", sorted(tags), urls
    )
