"""Share links: plain URLs to each network's share page, no script, no tracking pixel."""

from urllib.parse import quote, urlencode

from django.utils.translation import gettext


def share_links(url, title):
    """The share targets for a page at absolute `url` called `title`: the networks by
    their own names, e-mail in the page's language."""
    return [
        {
            "network": "Facebook",
            "url": "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url}),
        },
        {
            "network": "LinkedIn",
            "url": "https://www.linkedin.com/sharing/share-offsite/?" + urlencode({"url": url}),
        },
        {
            "network": "X",
            "url": "https://x.com/intent/post?" + urlencode({"url": url, "text": title}),
        },
        {
            "network": gettext("E-mail"),
            "url": f"mailto:?subject={quote(title)}&body={quote(url)}",
        },
    ]
