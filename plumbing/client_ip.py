"""Which address a request comes from, for rate limits and login lockouts."""

from django.conf import settings


def client_ip(request):
    """REMOTE_ADDR, or behind trusted proxies the address the nearest of them saw.

    Each proxy appends the address it received the request from to X-Forwarded-For, so
    with N trusted proxies the client is the Nth entry from the right. Entries further left
    came from the client itself and prove nothing.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR", "")
