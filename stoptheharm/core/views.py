from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError, connection
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django.views.static import serve

from stoptheharm.core.private_photos import photo_response, registered_folder


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


@require_safe
def public_photo(request: HttpRequest, name: str) -> HttpResponse:
    """An uploaded photo, only while its feature shows it publicly; 404 before, after, and for any other name.

    The answer is the same for everyone (staff included: they use `staff_photo`), so a proxy may keep it.
    """
    if not registered_folder(name).is_public(name):
        raise Http404
    return photo_response(request, name, public=True)


@require_safe
def staff_photo(request: HttpRequest, name: str) -> HttpResponse:
    """Any uploaded photo, approved or not, for staff with its feature's permission (an admin URL: login required)."""
    folder = registered_folder(name)
    if not any(request.user.has_perm(permission) for permission in folder.staff_permissions):
        raise PermissionDenied
    return photo_response(request, name, public=False)
