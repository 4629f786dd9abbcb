from typing import Any

from django.conf import settings
from django.http import HttpResponse
from django.utils.csp import CSP
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularSwaggerSplitView
from rest_framework.request import Request


class ApiDocsView(SpectacularSwaggerSplitView):
    """Swagger UI from the platform's own static files; it sets inline styles, so its page allows them."""

    @extend_schema(exclude=True)
    def get(self, request: Request, *args: Any, **kwargs: Any) -> HttpResponse:
        response = super().get(request, *args, **kwargs)
        response._csp_config = {**settings.SECURE_CSP, "style-src": [CSP.SELF, CSP.UNSAFE_INLINE]}  # type: ignore[attr-defined]  # read by Django's CSP middleware
        return response
