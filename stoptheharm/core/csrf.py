"""Cross-site request protection for the public's forms, without a cookie or a token.

Signing, confirming and the other forms the public sends are anonymous: there is no session for a
forged request to ride on, and a cookie would be the only thing marking a reader of a petition page.
Instead the browser says where a POST comes from: `Sec-Fetch-Site` (every current browser), else
`Origin`. A POST that a browser marks as coming from another site is refused; one that carries
neither header is not a browser's cross-site form (curl, API clients) and goes on to the usual checks
(limits, time trap, double opt-in). Staff screens keep Django's token-based protection.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseForbidden
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

SAME_ORIGIN_FETCH_SITES = frozenset({"same-origin", "none"})  # "none": typed in the address bar, a bookmark


def is_cross_site(request: HttpRequest) -> bool:
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        return fetch_site not in SAME_ORIGIN_FETCH_SITES
    origin = request.headers.get("Origin")
    if origin is None:
        return False
    return origin != f"{request.scheme}://{request.get_host()}" and origin not in settings.CSRF_TRUSTED_ORIGINS


def public_form(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Protect an anonymous form's view by where the request comes from instead of a cookie."""

    @wraps(view)
    def checked(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method == "POST" and is_cross_site(request):
            return HttpResponseForbidden(_("This form can only be sent from this site."))
        return view(request, *args, **kwargs)

    return csrf_exempt(checked)
