from contextlib import suppress

from django.db import IntegrityError
from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from bench.ceiling.models import CeilingRow


@csrf_exempt
@require_POST
def insert_row(request: HttpRequest) -> HttpResponse:
    """The benchmark's ceiling: a bare view that only inserts a row under a unique constraint."""
    with suppress(IntegrityError):
        CeilingRow.objects.create(petition_id=1, email=request.POST.get("email", ""))
    return HttpResponse(status=202)
