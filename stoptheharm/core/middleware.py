from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware

ADMIN_PREFIX = "/admin/"
UNPREFIXED_PATHS = (ADMIN_PREFIX, "/api/", "/healthz", "/documents/", "/media/", "/photos/", "/static/")
# Browser features no page of the platform uses; denied so that injected content cannot use them either.
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()"


def admin_content_security_policy(get_response: Callable[[HttpRequest], HttpResponse]):
    """Give Wagtail's admin its own policy (style attributes, previews in frames); still no other host.

    Listed after ContentSecurityPolicyMiddleware so that it marks the response before that one writes
    the header.
    """

    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        if request.path.startswith(ADMIN_PREFIX) and not hasattr(response, "_csp_config"):
            response._csp_config = settings.ADMIN_CSP  # type: ignore[attr-defined]  # read by Django's CSP middleware
        return response

    return middleware


def permissions_policy(get_response: Callable[[HttpRequest], HttpResponse]):
    """Deny powerful browser features on every response (Django has no setting for this header)."""

    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response

    return middleware


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's, except that a 404 outside the language-prefixed site stays a 404.

    Django redirects any unprefixed 404 to its /<language>/ address, which the site's catch-all page
    route always accepts: /api/v1/petitions/nope/ would become a redirect instead of an API error.
    """

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        if request.path.startswith(UNPREFIXED_PATHS):
            return response
        return super().process_response(request, response)
