"""iCalendar (RFC 5545) files of events: one event's `.ics`, and feeds of all events or a campaign's.

Built with the `icalendar` library, which folds lines at 75 octets, ends them with CRLF and escapes
text. Times carry the event's zone (TZID, with its VTIMEZONE), so calendars show them right across
daylight-saving changes. The UID is stable per event; the online link is never included.
"""

from collections.abc import Iterable
from datetime import UTC, datetime

import icalendar
from django.conf import settings
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from stoptheharm.events.models import EventPage

PRODUCT_ID = "-//Stop the Harm//Events//EN"


def event_uid(event: EventPage) -> str:
    """Stable for the life of the event: its id and the site's host, never its title or times."""
    host = settings.SITE_URL.split("://", 1)[-1]
    return f"event-{event.pk}@{host}"


def _location(event: EventPage) -> str:
    parts = [event.venue, event.city, str(event.country.name) if event.country else ""] if event.has_place else []
    place = ", ".join(part for part in parts if part)
    if event.is_online:
        return f"{place} + {_('Online')}" if place else _("Online")
    return place


def _vevent(event: EventPage, *, stamp: datetime) -> icalendar.Event:
    vevent = icalendar.Event()
    vevent.add("uid", event_uid(event))
    vevent.add("dtstamp", stamp)
    vevent.add("dtstart", event.starts_at.astimezone(event.zone))
    vevent.add("dtend", event.ends_at.astimezone(event.zone))
    vevent.add("summary", event.title)
    vevent.add("description", strip_tags(event.description).strip())
    vevent.add("url", settings.SITE_URL + (event.url or ""))
    location = _location(event)
    if location:
        vevent.add("location", location)
    if event.latitude is not None and event.longitude is not None:
        vevent.add("geo", (float(event.latitude), float(event.longitude)))
    if event.last_published_at:
        vevent.add("last-modified", event.last_published_at.astimezone(UTC))
    return vevent


def calendar_bytes(events: Iterable[EventPage], *, name: str, now: datetime) -> bytes:
    """A VCALENDAR with one VEVENT per event and the VTIMEZONEs they use."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    for event in events:
        calendar.add_component(_vevent(event, stamp=now.astimezone(UTC)))
    calendar.add_missing_timezones()
    return calendar.to_ical()
