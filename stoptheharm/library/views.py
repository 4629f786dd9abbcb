from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.http import content_disposition_header

from stoptheharm.library import pdf
from stoptheharm.library.selectors import live_resources


def guide_pdf(request: HttpRequest, resource_id: int) -> HttpResponse:
    """A published guide's stages and chapters, ready to print."""
    resource = get_object_or_404(live_resources(), pk=resource_id)
    if not resource.guide_contents:
        raise Http404
    response = HttpResponse(pdf.guide_pdf(resource), content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(False, f"{resource.slug}.pdf")
    return response
