from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django.views.static import serve


@never_cache
@require_safe
def health(request: HttpRequest) -> JsonResponse:
    """For load balancers and deploy scripts: 200 when the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@require_safe
def media(request: HttpRequest, path: str) -> HttpResponse:
    """Uploads (video captions ...), from MEDIA_ROOT as set at the time of the request, not of the URL map's import."""
    return serve(request, path, document_root=settings.MEDIA_ROOT)
