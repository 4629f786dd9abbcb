"""Who is asking: the client's address, as far as the platform's own proxies vouch for it."""

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    """The address of the client, trusting X-Forwarded-For only as far as TRUSTED_PROXY_COUNT proxies.

    Each trusted proxy appends the address it received the request from, so the client is the entry
    that many places from the right; anything further left was written by the client and is ignored.
    """
    remote_addr = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    if not proxies:
        return remote_addr
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    return hops[-proxies] if len(hops) >= proxies else remote_addr
