"""The staff's CSV of an event's registrations (behind the export permission, logged by the service)."""

from collections.abc import Iterator
from datetime import datetime

from stoptheharm.events.models import EventPage, Registration

HEADER = ["name", "email", "organisation", "status", "waiting_position", "language", "registered_at",
          "confirmed_at", "cancelled_at", "consent_version"]  # fmt: skip


def _when(moment: datetime | None) -> str:
    return moment.isoformat() if moment else ""


def registration_rows(event: EventPage) -> Iterator[list[object]]:
    """Every registration of the event, oldest first."""
    for item in Registration.objects.filter(event=event).order_by("pk").iterator(chunk_size=2000):
        yield [
            item.name, item.email, item.organisation_name, item.status, item.waiting_position or "", item.language,
            _when(item.created_at), _when(item.confirmed_at), _when(item.cancelled_at),
            item.consents.get("processing", {}).get("version", ""),
        ]  # fmt: skip
