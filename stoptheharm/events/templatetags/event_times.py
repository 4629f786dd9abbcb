from typing import Any

from django import template
from django.utils.translation import get_language_info

from stoptheharm.events.timezones import when_text

register = template.Library()


@register.filter
def event_when(event: Any) -> str:
    """The event's dates and times as its own clock shows them, with the zone and UTC offset."""
    return when_text(event.starts_at, event.ends_at, event.time_zone)


@register.filter
def language_names(codes: list[str]) -> str:
    """Each language in its own name when Django knows it (English, español), else its code."""
    return ", ".join(_own_name(code) for code in codes)


def _own_name(code: str) -> str:
    try:
        return get_language_info(code)["name_local"]
    except KeyError:
        return code
