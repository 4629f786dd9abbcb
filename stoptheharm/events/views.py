from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from stoptheharm.core.clients import client_ip
from stoptheharm.core.csrf import public_form
from stoptheharm.events import services, tokens
from stoptheharm.events.calendars import calendar_bytes
from stoptheharm.events.forms import RegistrationForm
from stoptheharm.events.models import EventPage
from stoptheharm.events.selectors import published_events, waiting_list_place

CLOSED = gettext_lazy("This event no longer takes registrations.")
OVER_LIMITS = gettext_lazy("Too many registrations were sent from here. Please try again later.")


def _published_event(event_id: int) -> EventPage:
    return get_object_or_404(EventPage.objects.live().public(), pk=event_id)


@never_cache
@public_form
@require_POST
@sensitive_post_parameters("name", "email", "organisation_name")
def register(request: HttpRequest, event_id: int) -> HttpResponse:
    """The same "check your e-mail" page for a new address and one already registered: the e-mail says which."""
    event = _published_event(event_id)
    form = RegistrationForm(request.POST)
    if form.is_valid():
        if form.is_bot or form.looks_automated:
            return redirect("events:thank-you", event_id=event.pk)  # software learns nothing; nothing is stored
        try:
            services.register_for_event(
                event=event,
                name=form.cleaned_data["name"],
                email=form.cleaned_data["email"],
                organisation_name=form.cleaned_data["organisation_name"],
                language=get_language(),
                ip_address=client_ip(request),
            )
        except services.RegistrationClosed:
            form.add_error(None, CLOSED)
        except services.OverLimit:
            form.add_error(None, OVER_LIMITS)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("events:thank-you", event_id=event.pk)
    return event.serve(request, registration_form=form)


@never_cache
def thank_you(request: HttpRequest, event_id: int) -> HttpResponse:
    return TemplateResponse(request, "events/thank_you.html", {"event": _published_event(event_id)})


def _registration_or_none(token: str):  # a Registration, or None for a bad link
    try:
        return services.registration_for_token(token)
    except tokens.InvalidToken:
        return None


@never_cache
@public_form
@require_http_methods(["GET", "POST"])
def registration(request: HttpRequest, token: str) -> HttpResponse:
    """The attendee's own page: its state, the private details once confirmed; POST confirms (GET never does)."""
    found = _registration_or_none(token)
    if found is None:
        return TemplateResponse(request, "events/invalid_link.html", status=404)
    error = ""
    if request.method == "POST":
        try:
            found = services.confirm_registration(registration=found)
        except services.RegistrationClosed:
            error = CLOSED
    context = {
        "registration": found,
        "event": found.event.specific.localized,
        "token": token,
        "error": error,
        "waiting_list_place": waiting_list_place(found),
    }
    return TemplateResponse(request, "events/registration.html", context)


@never_cache
@public_form
@require_http_methods(["GET", "POST"])
def cancel(request: HttpRequest, token: str) -> HttpResponse:
    """GET asks "are you sure?", POST cancels: a mail scanner opening the link must not cancel anything."""
    found = _registration_or_none(token)
    if found is None:
        return TemplateResponse(request, "events/invalid_link.html", status=404)
    if request.method == "POST":
        found = services.cancel_registration(registration=found)
    context = {"registration": found, "event": found.event.specific.localized, "token": token}
    return TemplateResponse(request, "events/cancel.html", context)


def _calendar_response(content: bytes, file_name: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(False, file_name)
    return response


@require_GET
def event_ics(request: HttpRequest, event_id: int) -> HttpResponse:
    """One event, to add to a calendar."""
    event = _published_event(event_id)
    return _calendar_response(calendar_bytes([event], name=event.title, now=timezone.now()), f"{event.slug}.ics")


@require_GET
def feed(request: HttpRequest) -> HttpResponse:
    """Every published event in the page's language, or one campaign's (?campaign=<id>), to subscribe to."""
    events = published_events(language=get_language()).order_by("starts_at")
    campaign = request.GET.get("campaign", "")
    name = _("Stop the Harm events")
    if campaign.isdigit():
        events = events.filter(campaign_id=int(campaign))
        first = events.first()
        if first is not None and first.campaign is not None:
            name = f"{name}: {first.campaign.title}"
    return _calendar_response(calendar_bytes(events, name=name, now=timezone.now()), "events.ics")


@never_cache
@permission_required("events.export_registrations", raise_exception=True)
def export_registrations_csv(request: HttpRequest, event_id: int) -> HttpResponse:
    """Staff with the export permission download the attendees; each export is logged."""
    event = get_object_or_404(EventPage, pk=event_id)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, f"registrations-{event.slug}.csv")
    response.write("\ufeff")  # a byte-order mark, so that spreadsheets read the names as UTF-8
    services.export_registrations(event=event, user=request.user, stream=response)
    return response
