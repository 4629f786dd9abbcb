from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.http import content_disposition_header
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from stoptheharm.core.clients import client_ip
from stoptheharm.core.csrf import public_form
from stoptheharm.statements import exports, pdf, services, tokens
from stoptheharm.statements.forms import (
    EndorsementForm,
    IndividualEndorsementForm,
    MergeForm,
    PublicForm,
    RejectionForm,
)
from stoptheharm.statements.models import Endorsement, IndividualEndorsement, StatementPage
from stoptheharm.statements.selectors import (
    SignatoryFilter,
    duplicate_candidates,
    individual_signatories,
    statement_signatories,
)


def _published_statement(statement_id: int) -> StatementPage:
    return get_object_or_404(StatementPage.objects.live().public(), pk=statement_id)


def _download(content_type: str, file_name: str, *, attachment: bool = True) -> HttpResponse:
    response = HttpResponse(content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(attachment, file_name)
    return response


CLOSED = gettext_lazy("This statement is not open for endorsement.")
OVER_LIMITS = gettext_lazy("Too many endorsements were sent from here. Please try again later.")
ALREADY_ENDORSED = services.ALREADY_LISTED
ALREADY_SIGNED = gettext_lazy("This address has already signed this statement, or its signature is being checked.")


@never_cache
@public_form
@require_POST
@sensitive_post_parameters("contact_name", "contact_email")
def endorse(request: HttpRequest, statement_id: int) -> HttpResponse:
    """An organisation's endorsement; "find" only searches the directory and shows the form again."""
    statement = _published_statement(statement_id)
    if "find" in request.POST:
        typed = {key: value for key, value in request.POST.items() if key not in {"started", "organisation"}}
        return statement.serve(request, endorsement_form=EndorsementForm(initial=typed))
    form = EndorsementForm(request.POST)
    submitted = form.is_valid() and _submit(
        form,
        ALREADY_ENDORSED,
        lambda: services.submit_endorsement(
            statement=statement,
            contact_name=form.cleaned_data["contact_name"],
            contact_email=form.cleaned_data["contact_email"],
            confirms_authority=form.cleaned_data["confirms_authority"],
            organisation=form.chosen,
            proposed=form.proposed(),
            language=get_language(),
            ip_address=client_ip(request),
        ),
    )
    if submitted:
        return redirect("statements:thank-you", statement_id=statement.pk)
    return statement.serve(request, endorsement_form=form)


@never_cache
@public_form
@require_POST
@sensitive_post_parameters("name", "email")
def endorse_as_individual(request: HttpRequest, statement_id: int) -> HttpResponse:
    """A person's signature in their own name, on a statement that accepts individuals."""
    statement = _published_statement(statement_id)
    if not statement.accepts_individuals:
        raise Http404
    form = IndividualEndorsementForm(request.POST)
    submitted = form.is_valid() and _submit(
        form,
        ALREADY_SIGNED,
        lambda: services.submit_individual_endorsement(
            statement=statement, language=get_language(), ip_address=client_ip(request), **form.signature_fields()
        ),
    )
    if submitted:
        return redirect("statements:thank-you", statement_id=statement.pk)
    return statement.serve(request, individual_form=form)


def _submit(form: PublicForm, already: str, submit: Callable[[], Any]) -> bool:
    """Run the submission, putting its refusals on the form; True when it went through (or was a robot's)."""
    if form.is_bot or form.looks_automated:
        return True  # answered as a success, so that software learns nothing; nothing is stored or sent
    try:
        submit()
    except services.StatementClosed:
        form.add_error(None, CLOSED)
    except services.OverLimit:
        form.add_error(None, OVER_LIMITS)
    except services.AlreadyEndorsed:
        form.add_error(None, already)
    except ValidationError as error:
        _add_model_errors(form, error)
    else:
        return True
    return False


MODEL_FIELDS = {"proposed_name": "name", "proposed_country": "country", "proposed_website": "website",
                "proposed_kind": "kind"}  # fmt: skip


def _add_model_errors(form: PublicForm, error: ValidationError) -> None:
    """The service's refusals beside the form's fields where they have one, else above the form."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, errors in error.error_dict.items():
        field = MODEL_FIELDS.get(name, name)
        form.add_error(field if field in form.fields else None, errors)


@never_cache
def thank_you(request: HttpRequest, statement_id: int) -> HttpResponse:
    statement = _published_statement(statement_id)
    return TemplateResponse(request, "statements/thank_you.html", {"statement": statement})


@never_cache
@public_form
@require_http_methods(["GET", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET only shows a button: a mail scanner opening the link must not confirm anything."""
    if request.method == "GET":
        return TemplateResponse(request, "statements/confirm.html", {"token": token})
    try:
        endorsement = services.confirm_endorsement_link(token=token)
    except tokens.InvalidToken:
        return TemplateResponse(request, "statements/invalid_link.html", status=404)
    statement = endorsement.statement.specific.localized
    return TemplateResponse(request, "statements/confirmed.html", {"statement": statement})


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


@never_cache
@permission_required("statements.export_endorsements", raise_exception=True)
def export_endorsements_csv(request: HttpRequest, statement_id: int, kind: str) -> HttpResponse:
    """Staff with the export permission download the endorsements with their contacts; each export is logged."""
    if kind not in MODERATED:
        raise Http404
    statement = get_object_or_404(StatementPage, pk=statement_id)
    response = _download("text/csv; charset=utf-8", f"endorsements-{kind}-{statement.slug}.csv")
    response.write("\ufeff")
    services.export_endorsements(
        statement=statement, individuals=kind == "individual", user=request.user, stream=response
    )
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
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Endorsement approved: it is on the public list."))
        return redirect(index)
    context = {
        "endorsement": endorsement,
        "question": _("Approve this endorsement"),
        "index": index,
        "candidates": duplicate_candidates(endorsement) if kind == "organisation" else [],
    }
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


@never_cache
@permission_required("statements.moderate_endorsements", raise_exception=True)
@require_http_methods(["GET", "POST"])
def merge_endorsement(request: HttpRequest, endorsement_id: int) -> HttpResponse:
    """GET shows the proposed organisation's look-alikes in the directory; POST links the endorsement to one."""
    endorsement = get_object_or_404(Endorsement.objects.select_related("statement"), pk=endorsement_id)
    candidates = duplicate_candidates(endorsement)
    initial = {"organisation": candidates[0].organisation.pk} if candidates else {}
    form = MergeForm(request.POST or None, initial=initial)
    if form.is_valid():
        organisation = form.cleaned_data["organisation"]
        try:
            services.merge_endorsement(
                endorsement_id=endorsement.pk, organisation_id=organisation.pk, user=request.user
            )
        except services.AlreadyDecided:
            messages.error(request, _("A decided endorsement cannot be merged."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Endorsement linked to %(name)s.") % {"name": organisation.name})
        return redirect("endorsements:index")
    context = {
        "endorsement": endorsement,
        "question": _("Merge with an organisation in the directory"),
        "index": "endorsements:index",
        "form": form,
        "candidates": candidates,
    }
    return TemplateResponse(request, "statements/admin/moderate.html", context)


def _moderated(kind: str) -> tuple[Any, Callable[..., Any], Callable[..., Any], str]:
    if kind not in MODERATED:
        raise Http404
    return MODERATED[kind]
