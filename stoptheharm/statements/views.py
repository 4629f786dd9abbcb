from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from stoptheharm.statements import exports, pdf, services
from stoptheharm.statements.forms import RejectionForm
from stoptheharm.statements.models import Endorsement, IndividualEndorsement, StatementPage
from stoptheharm.statements.selectors import SignatoryFilter, individual_signatories, statement_signatories


def _published_statement(statement_id: int) -> StatementPage:
    return get_object_or_404(StatementPage.objects.live().public(), pk=statement_id)


def _download(content_type: str, file_name: str, *, attachment: bool = True) -> HttpResponse:
    response = HttpResponse(content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(attachment, file_name)
    return response


@require_GET
def signatories_csv(request: HttpRequest, statement_id: int) -> HttpResponse:
    """The public list of organisations (with the page's filters), as CSV: no contact data."""
    statement = _published_statement(statement_id)
    signatories = SignatoryFilter.from_query(request.GET).apply(statement_signatories(statement))
    response = _download("text/csv; charset=utf-8", f"signatories-{statement.slug}.csv")
    response.write("\ufeff")  # a byte-order mark, so that spreadsheets read the names as UTF-8
    exports.write_signatories_csv(signatories, response)
    return response


@require_GET
def individuals_csv(request: HttpRequest, statement_id: int) -> HttpResponse:
    """The public list of individual signatories, as CSV; only for statements that accept them."""
    statement = _published_statement(statement_id)
    response = _download("text/csv; charset=utf-8", f"individual-signatories-{statement.slug}.csv")
    response.write("\ufeff")
    exports.write_individuals_csv(individual_signatories(statement), response)
    return response


@require_GET
def statement_pdf(request: HttpRequest, statement_id: int) -> HttpResponse:
    """The statement, its references and its signatories, ready to print and hand over."""
    statement = _published_statement(statement_id)
    response = _download("application/pdf", f"{statement.slug}.pdf", attachment=False)
    response.write(pdf.statement_pdf(statement, statement_signatories(statement), individual_signatories(statement)))
    return response


MODERATED = {
    "organisation": (Endorsement, services.approve_endorsement, services.reject_endorsement, "endorsements:index"),
    "individual": (
        IndividualEndorsement,
        services.approve_individual_endorsement,
        services.reject_individual_endorsement,
        "individual_endorsements:index",
    ),
}


@never_cache
@permission_required("statements.moderate_endorsements", raise_exception=True)
@require_http_methods(["GET", "POST"])
def approve_endorsement(request: HttpRequest, kind: str, endorsement_id: int) -> HttpResponse:
    """GET asks for confirmation, POST puts the endorsement on the public list."""
    model, approve, _reject, index = _moderated(kind)
    endorsement = get_object_or_404(model.objects.select_related("statement"), pk=endorsement_id)
    if request.method == "POST":
        try:
            approve(endorsement_id=endorsement.pk, user=request.user)
        except services.AlreadyDecided:
            messages.error(request, _("A rejected endorsement cannot be approved."))
        else:
            messages.success(request, _("Endorsement approved: it is on the public list."))
        return redirect(index)
    context = {"endorsement": endorsement, "question": _("Approve this endorsement"), "index": index}
    return TemplateResponse(request, "statements/admin/moderate.html", context)


@never_cache
@permission_required("statements.moderate_endorsements", raise_exception=True)
@require_http_methods(["GET", "POST"])
def reject_endorsement(request: HttpRequest, kind: str, endorsement_id: int) -> HttpResponse:
    """GET asks for the reason, POST rejects with it; a missing reason is asked for again."""
    model, _approve, reject, index = _moderated(kind)
    endorsement = get_object_or_404(model.objects.select_related("statement"), pk=endorsement_id)
    form = RejectionForm(request.POST or None)
    if form.is_valid():
        reject(endorsement_id=endorsement.pk, reason=form.cleaned_data["reason"], user=request.user)
        messages.success(request, _("Endorsement rejected."))
        return redirect(index)
    context = {"endorsement": endorsement, "question": _("Reject this endorsement"), "index": index, "form": form}
    return TemplateResponse(request, "statements/admin/moderate.html", context)


def _moderated(kind: str) -> tuple[Any, Callable[..., Any], Callable[..., Any], str]:
    if kind not in MODERATED:
        raise Http404
    return MODERATED[kind]
