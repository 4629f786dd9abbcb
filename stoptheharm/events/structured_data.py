"""schema.org Event data for search engines, in a `<script type="application/ld+json">` block.

A data block is never executed, so the Content Security Policy (script-src 'self') does not apply
to it; `<`, `>` and `&` are written as JSON escapes so that no text can close the element.
"""

import json
from collections.abc import Iterable
from typing import Any

from django.utils.html import format_html, strip_tags
from django.utils.safestring import SafeString, mark_safe

ATTENDANCE_MODES = {
    "in_person": "https://schema.org/OfflineEventAttendanceMode",
    "online": "https://schema.org/OnlineEventAttendanceMode",
    "hybrid": "https://schema.org/MixedEventAttendanceMode",
}
JSON_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def event_data(event: Any, *, url: str, organisers: Iterable[Any]) -> dict[str, Any]:
    """The schema.org Event: times with the event's UTC offset; a virtual location without the private link."""
    zone = event.zone
    locations: list[dict[str, Any]] = []
    if event.has_place:
        address = {"@type": "PostalAddress", "streetAddress": event.venue, "addressLocality": event.city}
        if event.country:
            address["addressCountry"] = event.country.code
        place: dict[str, Any] = {"@type": "Place", "name": event.venue or event.city, "address": address}
        if event.latitude is not None and event.longitude is not None:
            place["geo"] = {"@type": "GeoCoordinates", "latitude": float(event.latitude),
                            "longitude": float(event.longitude)}  # fmt: skip
        locations.append(place)
    if event.is_online:
        locations.append({"@type": "VirtualLocation", "url": url})  # the page: the meeting link is private
    return {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": strip_tags(event.description).strip(),
        "startDate": event.starts_at.astimezone(zone).isoformat(),
        "endDate": event.ends_at.astimezone(zone).isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": ATTENDANCE_MODES[event.format],
        "location": locations[0] if len(locations) == 1 else locations,
        "inLanguage": event.language_codes,
        "organizer": [
            {"@type": "Organization", "name": item.organisation.name, **_website(item.organisation)}
            for item in organisers
        ],
        "url": url,
    }


def _website(organisation: Any) -> dict[str, str]:
    return {"url": organisation.website} if organisation.website else {}


def event_json_ld(event: Any, *, url: str, organisers: Iterable[Any]) -> SafeString:
    data = json.dumps(event_data(event, url=url, organisers=organisers), ensure_ascii=False).translate(JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(data))  # noqa: S308  # escaped above
