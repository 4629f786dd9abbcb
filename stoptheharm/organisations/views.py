from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from stoptheharm.core.clients import client_ip
from stoptheharm.core.csrf import public_form
from stoptheharm.core.tokens import InvalidToken
from stoptheharm.organisations import services
from stoptheharm.organisations.forms import ApplicationForm, DirectoryFilterForm, ModerationDecision, ModerationForm
from stoptheharm.organisations.models import Organisation, OrganisationApplication
from stoptheharm.organisations.profile_sections import profile_sections
from stoptheharm.organisations.selectors import (
    applications_awaiting_moderation,
    directory_organisations,
    member_count,
    organisation_counts_by_country,
)

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


@never_cache
@public_form
@require_http_methods(["GET", "POST"])
@sensitive_post_parameters("contact_name", "contact_email")
def join(request: HttpRequest) -> HttpResponse:
    """The application form; whatever happens to a valid application, the applicant sees the same next page."""
    form = ApplicationForm(request.POST) if request.method == "POST" else ApplicationForm()
    if form.is_bound and form.is_valid():
        if not (form.is_bot or form.looks_automated):
            services.submit_application(
                language=get_language(), ip_address=client_ip(request), **form.application_fields()
            )
        return redirect("organisations:join-thank-you")
    return TemplateResponse(request, "organisations/join.html", {"form": form})


@require_safe
def join_thank_you(request: HttpRequest) -> HttpResponse:
    return TemplateResponse(request, "organisations/join_thank_you.html")


@never_cache
@public_form
@require_http_methods(["GET", "POST"])
def join_confirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET only shows a button: a mail scanner opening the link must not confirm anything."""
    if request.method == "GET":
        return TemplateResponse(request, "organisations/join_confirm.html", {"token": token})
    try:
        application = services.confirm_application(token=token)
    except InvalidToken:
        return TemplateResponse(request, "organisations/join_invalid_link.html", status=404)
    return TemplateResponse(request, "organisations/join_confirmed.html", {"application": application})


@never_cache
@permission_required("organisations.moderate_applications", raise_exception=True)
@require_safe
def moderation_queue(request: HttpRequest) -> HttpResponse:
    """Applications awaiting a decision, each with the directory entries that may be the same organisation."""
    context = {"entries": applications_awaiting_moderation(), "decisions": ModerationDecision}
    return TemplateResponse(request, "organisations/admin/moderation_queue.html", context)


@never_cache
@permission_required("organisations.moderate_applications", raise_exception=True)
@require_POST
def decide_application(request: HttpRequest, application_id: int) -> HttpResponse:
    application = get_object_or_404(OrganisationApplication, pk=application_id)
    form = ModerationForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, f"{application.name}: {' '.join(errors)}")
        return redirect("organisations_moderation")
    try:
        messages.success(request, _decide(request, application, form.cleaned_data))
    except ValidationError as error:  # e.g. the existing entry merged into has a field the model now refuses
        messages.error(request, f"{application.name}: {' '.join(error.messages)}")
    except services.ApplicationNotAwaitingModeration:
        messages.warning(
            request, _("%(name)s: this application is no longer awaiting a decision.") % {"name": application.name}
        )
    return redirect("organisations_moderation")


def _decide(request: HttpRequest, application: OrganisationApplication, decision: dict[str, Any]) -> str:
    """Carry out a moderator's decision; the message that says what happened."""
    if decision["decision"] == ModerationDecision.REJECT:
        services.reject_application(application=application, user=request.user, reason=decision["reason"])
        return _("Rejected “%(name)s”; the applicant has been sent the reason.") % {"name": application.name}
    merge_into = decision["organisation"] if decision["decision"] == ModerationDecision.MERGE else None
    organisation = services.approve_application(application=application, user=request.user, organisation=merge_into)
    if merge_into is not None:
        message = _("Approved: “%(name)s” was merged into the directory entry “%(entry)s”, now a coalition member.")
    else:
        message = _("Approved: “%(entry)s” is now in the directory as a coalition member.")
    return message % {"name": application.name, "entry": organisation.name}
