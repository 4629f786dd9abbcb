from typing import Any

from django import template

from stoptheharm.events.timezones import when_text

register = template.Library()


@register.filter
def event_when(event: Any) -> str:
    """The event's dates and times as its own clock shows them, with the zone and UTC offset."""
    return when_text(event.starts_at, event.ends_at, event.time_zone)
