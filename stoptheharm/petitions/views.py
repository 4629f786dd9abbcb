from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from stoptheharm.core.clients import client_ip
from stoptheharm.core.csrf import public_form
from stoptheharm.petitions import challenge, services, trending
from stoptheharm.petitions.forms import GroupInvalidationForm, ResendForm, SignatureForm
from stoptheharm.petitions.models import PetitionPage, Signature
from stoptheharm.petitions.selectors import petition_for_signing, signature_for_management_token, signer_data
from stoptheharm.petitions.tokens import InvalidToken


@never_cache
@public_form
@require_POST
@sensitive_post_parameters("name", "email")
def sign(request: HttpRequest, petition_id: int) -> HttpResponse:
    petition = petition_for_signing(pk=petition_id)
    if petition is None:
        raise Http404
    canonical = petition.canonical  # the default-language original keeps the counts and the attack counter
    form = SignatureForm(request.POST, challenge=challenge.is_on(petition=canonical))
    if form.is_valid():
        try:
            if form.is_bot:
                challenge.record_caught_submission(petition_id=canonical.pk)
            else:
                services.sign_petition(
                    petition=canonical,
                    language=get_language(),
                    ip_address=client_ip(request),
                    looks_automated=form.looks_automated,
                    **form.signature_fields(),
                )
        except services.PetitionClosed:
            form.add_error(None, _("This petition has closed."))
        else:
            return redirect("petitions:thank-you", petition_id=petition.pk)
    elif form.has_error("challenge"):
        challenge.record_caught_submission(petition_id=canonical.pk)
    return petition.serve(request, form=form)


@never_cache
def thank_you(request: HttpRequest, petition_id: int) -> HttpResponse:
    petition = get_object_or_404(PetitionPage.objects.live().public(), pk=petition_id)
    return TemplateResponse(request, "petitions/thank_you.html", {"petition": petition, "form": ResendForm()})


@never_cache
@public_form
@require_POST
@sensitive_post_parameters("email")
def resend(request: HttpRequest, petition_id: int) -> HttpResponse:
    """Answer "didn't get the e-mail?" the same way whether or not the address signed."""
    petition = get_object_or_404(PetitionPage.objects.live().public(), pk=petition_id)
    form = ResendForm(request.POST)
    if not form.is_valid():
        return TemplateResponse(request, "petitions/thank_you.html", {"petition": petition, "form": form})
    services.resend_confirmation(
        petition=petition.canonical, email=form.cleaned_data["email"], ip_address=client_ip(request)
    )
    return TemplateResponse(request, "petitions/resent.html", {"petition": petition})


@never_cache
@public_form
@require_http_methods(["GET", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET only shows a button: a mail scanner opening the link must not count a signature."""
    return _act_on_emailed_link(
        request, token, ask="petitions/confirm.html", act=services.confirm_signature, done="petitions/confirmed.html"
    )


@never_cache
@require_GET
def manage(request: HttpRequest, token: str) -> HttpResponse:
    """The link in every e-mail: withdraw, download or erase, each behind a button."""
    return _page_for_management_link(request, token, "petitions/manage.html")


@never_cache
@public_form
@require_http_methods(["GET", "POST"])
def withdraw(request: HttpRequest, token: str) -> HttpResponse:
    if request.method == "GET":
        return redirect("petitions:manage", token=token)
    try:
        signature = services.withdraw_signature(token=token)
    except InvalidToken:
        return _invalid_link(request)
    return TemplateResponse(
        request, "petitions/withdrawn.html", {"petition": signature.petition.specific, "token": token}
    )


@never_cache
@public_form
@require_http_methods(["GET", "POST"])
def download(request: HttpRequest, token: str) -> HttpResponse:
    """Everything held about the link's address, as a JSON file; only on POST, like every action."""
    if request.method == "GET":
        return redirect("petitions:manage", token=token)
    try:
        data = signer_data(token=token)
    except InvalidToken:
        return _invalid_link(request)
    response = JsonResponse(
        data, content_type="application/json; charset=utf-8", json_dumps_params={"ensure_ascii": False, "indent": 2}
    )
    response["Content-Disposition"] = 'attachment; filename="stop-the-harm-my-data.json"'
    return response


@never_cache
@public_form
@require_http_methods(["GET", "POST"])
def erase(request: HttpRequest, token: str) -> HttpResponse:
    """GET says what erasing does and asks; POST erases, on every petition."""
    if request.method == "GET":
        return _page_for_management_link(request, token, "petitions/erase.html")
    try:
        services.erase_signer_data(token=token)
    except InvalidToken:
        return _invalid_link(request)
    return TemplateResponse(request, "petitions/erased.html")


def _page_for_management_link(request: HttpRequest, token: str, template: str) -> HttpResponse:
    """A page that only asks: shown for a valid link (read, never changed), else the invalid-link page."""
    try:
        signature = signature_for_management_token(token=token)
    except InvalidToken:
        return _invalid_link(request)
    return TemplateResponse(request, template, {"token": token, "petition": signature.petition.localized})


def _act_on_emailed_link(
    request: HttpRequest, token: str, *, ask: str, act: Callable[..., Signature], done: str
) -> HttpResponse:
    """GET asks with a button, POST acts: links in e-mails change nothing by being opened."""
    if request.method == "GET":
        return TemplateResponse(request, ask, {"token": token})
    try:
        signature = act(token=token)
    except InvalidToken:
        return _invalid_link(request)
    return TemplateResponse(request, done, {"petition": signature.petition.specific})


def _invalid_link(request: HttpRequest) -> HttpResponse:
    return TemplateResponse(request, "petitions/invalid_link.html", status=404)


@never_cache
@permission_required("petitions.export_signatures", raise_exception=True)
def export_signatures_csv(request: HttpRequest, petition_id: int) -> HttpResponse:
    """Staff with the export permission download a petition's confirmed signatures; each export is logged."""
    petition = get_object_or_404(PetitionPage, pk=petition_id)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="signatures-{petition.slug}.csv"'
    response.write("\ufeff")  # a byte-order mark, so that spreadsheets read the names as UTF-8
    services.export_signatures(petition=petition, user=request.user, stream=response)
    return response


MODERATIONS = {
    "release": (services.release_signature, _("Release this held signature"), _("Signature released.")),
    "invalidate": (
        services.invalidate_signature,
        _("Invalidate this signature as fraudulent"),
        _("Signature invalidated."),
    ),
}


@never_cache
@permission_required("petitions.moderate_signatures", raise_exception=True)
@require_http_methods(["GET", "POST"])
def moderate_signature(request: HttpRequest, signature_id: int, decision: str) -> HttpResponse:
    """Staff release or invalidate one signature; GET asks for confirmation, POST decides."""
    if decision not in MODERATIONS:
        raise Http404
    signature = get_object_or_404(Signature.objects.select_related("petition"), pk=signature_id)
    decide, question, done = MODERATIONS[decision]
    if request.method == "POST":
        decide(signature_id=signature.pk, user=request.user)
        messages.success(request, done)
        return redirect("signatures:index")
    return TemplateResponse(
        request, "petitions/admin/confirm_moderation.html", {"signature": signature, "question": question}
    )


@never_cache
@permission_required("petitions.moderate_signatures", raise_exception=True)
def trending_sources(request: HttpRequest, petition_id: int) -> HttpResponse:
    """The networks and e-mail domains whose last hour stands out, for moderators."""
    petition = get_object_or_404(PetitionPage, pk=petition_id).canonical  # it holds every translation's signatures
    tables = [(kind.label, trending.trending_groups(petition=petition, kind=kind)) for kind in trending.SourceKind]
    context = {"petition": petition, "tables": tables, "minimum": settings.PETITION_TRENDING_MIN_PER_HOUR}
    return TemplateResponse(request, "petitions/admin/trending_sources.html", context)


@never_cache
@permission_required("petitions.moderate_signatures", raise_exception=True)
@require_http_methods(["GET", "POST"])
def invalidate_group(request: HttpRequest, petition_id: int) -> HttpResponse:
    """GET shows how many signatures a group invalidation would take (the dry run); POST does it."""
    petition = get_object_or_404(PetitionPage, pk=petition_id).canonical
    form = GroupInvalidationForm(request.POST if request.method == "POST" else request.GET, petition=petition)
    if not form.is_valid():
        raise Http404
    if request.method == "POST":
        count = services.invalidate_group(petition=petition, user=request.user, **form.group_fields())
        message = ngettext("%(count)d signature invalidated.", "%(count)d signatures invalidated.", count)
        messages.success(request, message % {"count": count})
        return redirect("petitions_trending", petition_id=petition.pk)
    kind, key = form.cleaned_data["group"]
    context = {
        "petition": petition,
        "form": form,
        "label": trending.group_label(kind, key),
        "kind": trending.SourceKind(kind).label,
        "windows": trending.GroupWindow.choices,
        "count": trending.signatures_to_invalidate(petition=petition, **form.group_fields()).count(),
    }
    return TemplateResponse(request, "petitions/admin/invalidate_group.html", context)
