from collections.abc import Iterator
from typing import Any

from django.http import HttpRequest
from django.urls import path, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button
from wagtail.permissions import register_permission_policy

from stoptheharm.core.permissions import ReadOnlyPolicy
from stoptheharm.events import views
from stoptheharm.events.models import EventPage, Registration
from stoptheharm.events.selectors import events_organised_by
from stoptheharm.events.services import EXPORT_LOG_ACTION, promote_from_waiting_list
from stoptheharm.organisations.models import Organisation
from stoptheharm.organisations.profile_sections import PROFILE_SECTIONS_HOOK, ProfileSection


class RegistrationViewSet(ModelViewSet):
    """Registrations per event: searchable, filterable by event and state, read-only (changes go through services)."""

    model = Registration
    icon = "date"
    menu_label = _("Event registrations")
    menu_order = 270
    add_to_admin_menu = True
    list_display = ["name", "event", "status", "waiting_position", "organisation_name", "created_at"]
    list_filter = ["status", "event"]
    search_fields = ["name", "email", "organisation_name"]
    inspect_view_enabled = True
    inspect_view_fields = ["event", "name", "email", "organisation_name", "language", "consents", "status",
                           "waiting_position", "created_at", "confirmed_at", "cancelled_at", "reminded_at",
                           "anonymised_at"]  # fmt: skip
    copy_view_enabled = False
    form_fields = ["status"]  # ModelViewSet requires a form; ReadOnlyPolicy lets no one use it


register_permission_policy(Registration, ReadOnlyPolicy(Registration))


@hooks.register("register_admin_viewset")
def register_registration_viewset() -> RegistrationViewSet:
    return RegistrationViewSet("event_registrations")


@hooks.register("register_admin_urls")
def register_export_url() -> list[Any]:
    return [path("events/<id:event_id>/registrations.csv", views.export_registrations_csv, name="events_export")]


@hooks.register("register_page_header_buttons")
def registration_buttons(page: Any, user: Any, view_name: str, next_url: str | None = None) -> Iterator[Button]:
    """On an event's page in the admin: its registrations, and their export for staff who may export."""
    if not isinstance(page.specific_deferred, EventPage):
        return
    if user.has_perm("events.view_registration"):
        url = f"{reverse('event_registrations:index')}?event={page.pk}"
        yield Button(_("Registrations"), url, icon_name="date", priority=89)
    if user.has_perm("events.export_registrations"):
        url = reverse("events_export", kwargs={"event_id": page.pk})
        yield Button(_("Export registrations (CSV)"), url, icon_name="download", priority=90)


@hooks.register("register_log_actions")
def register_export_log_action(actions: Any) -> None:
    actions.register_action(EXPORT_LOG_ACTION, _("Export registrations"), _("Exported an event's registrations"))


@hooks.register("after_publish_page")
def fill_new_places(request: HttpRequest, page: Any) -> None:
    """Editors may raise an event's capacity: the places it adds go to the waiting list, in order."""
    if isinstance(page.specific_deferred, EventPage) and not page.specific.is_past:
        promote_from_waiting_list(event=page.specific)


@hooks.register(PROFILE_SECTIONS_HOOK)
def organised_events(organisation: Organisation, request: HttpRequest) -> ProfileSection | None:
    """On an organisation's public page: the upcoming events it organises or co-organises."""
    events = list(events_organised_by(organisation_id=organisation.pk, language=get_language()))
    if not events:
        return None
    return ProfileSection(
        title=_("Upcoming events it organises"),
        template="events/includes/organised_events.html",
        context={"events": events},
    )
