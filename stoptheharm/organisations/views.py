from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.views.decorators.http import require_safe

from stoptheharm.organisations.forms import DirectoryFilterForm
from stoptheharm.organisations.models import Organisation
from stoptheharm.organisations.profile_sections import profile_sections
from stoptheharm.organisations.selectors import directory_organisations, member_count, organisation_counts_by_country

ORGANISATIONS_PER_PAGE = 50


@require_safe
def directory(request: HttpRequest) -> HttpResponse:
    country_counts = organisation_counts_by_country(Organisation.objects.all())
    form = DirectoryFilterForm(request.GET, countries=country_counts)
    organisations = Paginator(directory_organisations(form.filters()), ORGANISATIONS_PER_PAGE)
    page = organisations.get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page_obj": page,
        "country_counts": country_counts,
        "member_count": member_count(),
        "query_string": query.urlencode(),
    }
    return TemplateResponse(request, "organisations/directory.html", context)


@require_safe
def detail(request: HttpRequest, organisation_id: int) -> HttpResponse:
    organisation = get_object_or_404(Organisation.objects.select_related("logo"), pk=organisation_id)
    context = {"organisation": organisation, "sections": profile_sections(organisation, request)}
    return TemplateResponse(request, "organisations/organisation_detail.html", context)
