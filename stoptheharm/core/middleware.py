from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

ADMIN_PREFIX = "/admin/"


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
