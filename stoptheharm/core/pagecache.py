"""Whole public pages served from each process's memory for a moment (PAGE_CACHE_SECONDS).

A petition that goes viral is read thousands of times a second, and none of its readers needs a
count fresher than a few seconds. Only what is the same for everyone is kept: a GET or HEAD from a
visitor without any cookie, answered 200 with no cookie set, no `private` or `no-store`, and no
`Vary` but on Cookie (the language is in the address). Staff, who carry a session cookie, and every
form's answer are never served from here.

Sits right after SecurityMiddleware, so a page served from memory skips the rest of the stack. When a
page's moment is over, one request renders it again while the others still get the previous one:
readers never queue behind a render.

Such pages say `Cache-Control: max-age` with the time left of their moment (rounded up), and that
they may be shown `STALE_SECONDS` longer while a fresh copy is fetched, so a caching proxy in front
(deploy/nginx/proxy.conf) shows a page at most PAGE_CACHE_SECONDS + 1 + STALE_SECONDS after it was
rendered: 4 seconds by default.
"""

import math
import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control, patch_response_headers

CACHEABLE_VARY = frozenset({"cookie"})
STALE_SECONDS = 1
UNCACHEABLE_DIRECTIVES = ("private", "no-cache", "no-store", "max-age=0")


def page_cache(get_response: Callable[[HttpRequest], HttpResponse]) -> Callable[[HttpRequest], HttpResponse]:
    store = caches["local"]

    def middleware(request: HttpRequest) -> HttpResponse:
        seconds = settings.PAGE_CACHE_SECONDS
        if not seconds or request.method not in ("GET", "HEAD") or request.META.get("HTTP_COOKIE"):
            return get_response(request)
        key = f"page:{request.build_absolute_uri()}"
        kept = store.get(key)
        if kept is not None:
            fresh_until, status, headers, content = kept
            if time.monotonic() < fresh_until or not store.add(f"{key}:rendering", True, timeout=30):
                return _rebuild(status, headers, content, seconds_left=math.ceil(fresh_until - time.monotonic()))
        response = get_response(request)
        if _is_the_same_for_everyone(response):
            _mark_shareable(response, seconds)
            kept = (time.monotonic() + seconds, response.status_code, list(response.items()), response.content)
            store.set(key, kept, timeout=seconds * 5)  # past its moment, served while a fresh one renders
        store.delete(f"{key}:rendering")
        return response

    return middleware


def _is_the_same_for_everyone(response: HttpResponse) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(directive in cache_control for directive in UNCACHEABLE_DIRECTIVES):
        return False
    vary = {header.strip().lower() for header in response.get("Vary", "").split(",") if header.strip()}
    return vary <= CACHEABLE_VARY


def _rebuild(status: int, headers: list[tuple[str, str]], content: bytes, *, seconds_left: int) -> HttpResponse:
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    del response["Cache-Control"], response["Expires"]
    _mark_shareable(response, max(seconds_left, 0))  # 0: past its moment, a proxy keeps it not at all
    return response


def _mark_shareable(response: HttpResponse, seconds: int) -> None:
    patch_response_headers(response, seconds)
    patch_cache_control(response, stale_while_revalidate=STALE_SECONDS)
