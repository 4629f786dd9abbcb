from datetime import datetime, timedelta

from django.utils import timezone
from wagtail.models import Page

from stoptheharm.events import services
from stoptheharm.events.models import EventFormat, EventIndexPage, EventOrganiser, EventPage, Registration


def create_event_index(*, parent: Page, slug: str = "calendar") -> EventIndexPage:
    index = EventIndexPage(title="Events", slug=slug, intro="Meetings, conferences and actions.")
    parent.add_child(instance=index)
    index.save_revision().publish()
    return index


def create_event(
    *, index: EventIndexPage, slug: str = "expert-meeting", starts_at: datetime | None = None, organisers=(), **fields
) -> EventPage:
    """A published event, in a week unless told otherwise, three hours long."""
    starts_at = starts_at or timezone.now() + timedelta(days=7)
    defaults = {
        "title": "Expert meeting on harm reduction",
        "description": "<p>A half-day meeting of experts.</p>",
        "starts_at": starts_at,
        "ends_at": starts_at + timedelta(hours=3),
        "time_zone": "Europe/Lisbon",
        "format": EventFormat.ONLINE,
        "online_link": "https://meet.example.org/secret-room-42",
        "languages": "en,es",
    }
    event = EventPage(slug=slug, **(defaults | fields))
    event.organisers = [EventOrganiser(organisation=organisation, role=role, sort_order=order)
                        for order, (organisation, role) in enumerate(organisers)]  # fmt: skip
    index.add_child(instance=event)
    event.save_revision().publish()
    return event


def register(event: EventPage, email: str = "amina@example.org", *, confirm: bool = True, **fields) -> Registration:
    """A registration taken through the services, confirmed unless told otherwise."""
    values = {"name": "Amina", "organisation_name": "", "language": "en", "ip_address": "192.0.2.1"} | fields
    registration = services.register_for_event(event=event, email=email, **values)
    if confirm:
        registration = services.confirm_registration(registration=registration)
    return registration
