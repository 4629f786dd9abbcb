from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from stoptheharm.core.clients import client_ip
from stoptheharm.core.csrf import public_form
from stoptheharm.core.private_photos import photo_response
from stoptheharm.core.tokens import InvalidToken
from stoptheharm.localactions import services
from stoptheharm.localactions.forms import ApprovalForm, PhotoForm, RegistrationForm, RejectionForm, edit_form
from stoptheharm.localactions.models import ActionPhoto, DayOfActionPage, LocalAction
from stoptheharm.localactions.selectors import action_for_edit_link


def _live_day(day_id: int) -> DayOfActionPage:
    return get_object_or_404(DayOfActionPage.objects.live().public(), pk=day_id)


@never_cache
@public_form
@require_http_methods(["GET", "POST"])
@sensitive_post_parameters("contact_name", "contact_email")
def register(request: HttpRequest, day_id: int) -> HttpResponse:
    """The registration form; whatever happens to a valid registration, the organiser sees the same next page."""
    day = _live_day(day_id)
    form = RegistrationForm(request.POST) if request.method == "POST" else RegistrationForm()
    if form.is_bound and form.is_valid():
        try:
            if not (form.is_bot or form.looks_automated):
                services.register_local_action(
                    day=day, language=get_language(), ip_address=client_ip(request), **form.registration_fields()
                )
        except services.RegistrationClosed:
            form.add_error(None, _("Registration for this day of action is closed."))
        except ValidationError as error:
            _add_model_errors(form, error)
        else:
            return redirect("localactions:thank-you", day_id=day.pk)
    context = {"day": day, "form": form, "is_open": day.canonical.is_open_for_registration}
    return TemplateResponse(request, "localactions/register.html", context)


def _add_model_errors(form: Any, error: ValidationError) -> None:
    """The service's refusals beside the form's fields where they have one, else above the form."""
    errors_by_field = error.error_dict if hasattr(error, "error_dict") else {None: error.error_list}
    for name, errors in errors_by_field.items():
        form.add_error(name if name in form.fields else None, errors)


@require_safe
def thank_you(request: HttpRequest, day_id: int) -> HttpResponse:
    return TemplateResponse(request, "localactions/thank_you.html", {"day": _live_day(day_id)})


@never_cache
@public_form
@require_http_methods(["GET", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET only shows a button: a mail scanner opening the link must not confirm anything."""
    if request.method == "GET":
        return TemplateResponse(request, "localactions/confirm.html", {"token": token})
    try:
        action = services.confirm_local_action(token=token)
    except InvalidToken:
        return TemplateResponse(request, "localactions/invalid_link.html", status=404)
    return TemplateResponse(request, "localactions/confirmed.html", {"action": action})


@never_cache
@public_form
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, token: str) -> HttpResponse:
    """The organiser's private page: change the action; after the day, add photos for the report."""
    try:
        action = action_for_edit_link(token=token)
    except InvalidToken:
        return TemplateResponse(request, "localactions/invalid_link.html", status=404)
    form = edit_form(action, request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        try:
            action = services.edit_local_action(action=action, **form.action_fields())
        except services.NotEditable:
            form.add_error(None, _("A rejected action cannot be changed; you can register a new one."))
        except ValidationError as error:
            _add_model_errors(form, error)
        else:
            return _back_to_private_page(token, saved="changes")
    return _private_page(request, action, token, form=form, photo_form=PhotoForm())


@never_cache
@public_form
@require_POST
def upload_photo(request: HttpRequest, token: str) -> HttpResponse:
    try:
        action = action_for_edit_link(token=token)
    except InvalidToken:
        return TemplateResponse(request, "localactions/invalid_link.html", status=404)
    photo_form = PhotoForm(request.POST, request.FILES)
    if photo_form.is_valid():
        try:
            services.add_action_photo(action=action, upload=photo_form.cleaned_data["image"],
                                      alt_text=photo_form.cleaned_data["alt_text"],
                                      caption=photo_form.cleaned_data["caption"])  # fmt: skip
        except services.PhotosNotOpen:
            photo_form.add_error(None, _("Photos can be added to approved actions from the day of action on."))
        except services.TooManyPhotos:
            photo_form.add_error(None, _("This action has as many photos as it can have."))
        except ValidationError as error:
            _add_model_errors(photo_form, error)
        else:
            return _back_to_private_page(token, saved="photo")
    return _private_page(request, action, token, form=edit_form(action), photo_form=photo_form, status=400)


@require_safe
def organiser_photo(request: HttpRequest, token: str, photo_id: int) -> HttpResponse:
    """One of the action's photos, approved or not, for the organiser's private page; 404 for a wrong link."""
    try:
        action = action_for_edit_link(token=token)
    except InvalidToken as error:
        raise Http404 from error
    photo = get_object_or_404(action.photos.all(), pk=photo_id)
    response = photo_response(request, photo.image.name, public=False)
    response["Referrer-Policy"] = "no-referrer"  # the address holds the private link
    return response


def _back_to_private_page(token: str, *, saved: str) -> HttpResponse:
    """No message framework here: it would set a cookie on the public side of the site."""
    return redirect(reverse("localactions:edit", kwargs={"token": token}) + f"?saved={saved}")


def _private_page(
    request: HttpRequest, action: LocalAction, token: str, *, form: Any, photo_form: PhotoForm, status: int = 200
) -> HttpResponse:
    context = {
        "action": action,
        "token": token,
        "form": form,
        "photo_form": photo_form,
        "can_add_photos": services.can_add_photos(action),
        "saved": request.GET.get("saved", ""),
    }
    response = TemplateResponse(request, "localactions/edit.html", context, status=status)
    response["Referrer-Policy"] = "no-referrer"  # the address holds the private link
    return response


# The moderators' screens in the admin (wagtail_hooks.py registers the URLs).


@never_cache
@permission_required("localactions.moderate_local_actions", raise_exception=True)
@require_http_methods(["GET", "POST"])
def approve_action(request: HttpRequest, action_id: int) -> HttpResponse:
    """GET asks for confirmation (and an optional directory organisation), POST puts the action on the page."""
    action = get_object_or_404(LocalAction.objects.select_related("day"), pk=action_id)
    form = ApprovalForm(
        request.POST if request.method == "POST" else None, initial={"organisation": action.organisation_id}
    )
    if form.is_valid():
        try:
            services.approve_local_action(
                action_id=action.pk, user=request.user, organisation=form.cleaned_data["organisation"]
            )
        except services.NotAwaitingModeration:
            messages.error(request, _("This action is not awaiting moderation."))
        else:
            messages.success(request, _("Local action approved: it is on the public page."))
        return redirect("local_actions:index")
    context = {"action": action, "form": form, "question": _("Approve this local action")}
    return TemplateResponse(request, "localactions/admin/moderate.html", context)


@never_cache
@permission_required("localactions.moderate_local_actions", raise_exception=True)
@require_http_methods(["GET", "POST"])
def reject_action(request: HttpRequest, action_id: int) -> HttpResponse:
    """GET asks for the reason, POST rejects with it; a missing reason is asked for again."""
    action = get_object_or_404(LocalAction.objects.select_related("day"), pk=action_id)
    form = RejectionForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            services.reject_local_action(action_id=action.pk, user=request.user, reason=form.cleaned_data["reason"])
        except services.NotAwaitingModeration:
            messages.error(request, _("This action is not awaiting moderation."))
        else:
            messages.success(request, _("Local action rejected; the organiser is told why."))
        return redirect("local_actions:index")
    context = {"action": action, "form": form, "question": _("Reject this local action")}
    return TemplateResponse(request, "localactions/admin/moderate.html", context)


@never_cache
@permission_required("localactions.moderate_local_actions", raise_exception=True)
@require_http_methods(["GET", "POST"])
def moderate_photo(request: HttpRequest, photo_id: int, decision: str) -> HttpResponse:
    """GET shows the photo and asks; POST approves it or removes it (file and all)."""
    if decision not in {"approve", "remove"}:
        raise Http404
    photo = get_object_or_404(ActionPhoto.objects.select_related("action"), pk=photo_id)
    if request.method == "POST":
        if decision == "approve":
            try:
                services.approve_photo(photo_id=photo.pk, user=request.user)
            except services.NotAwaitingModeration:
                messages.error(request, _("This photo is not awaiting moderation."))
            else:
                messages.success(request, _("Photo approved: it is in the public report."))
        else:
            services.remove_photo(photo_id=photo.pk, user=request.user)
            messages.success(request, _("Photo removed."))
        return redirect("local_action_photos:index")
    question = _("Approve this photo") if decision == "approve" else _("Remove this photo")
    return TemplateResponse(request, "localactions/admin/moderate_photo.html", {"photo": photo, "question": question})
