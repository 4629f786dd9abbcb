"""What the rest of the platform adds to an atlas country page: its organisations, statements, events.

The atlas sits beside the directory in the layers and below the actions, so it asks none of them.
An app above both (pages) registers a Wagtail hook that calls their selectors instead:

    @hooks.register(COUNTRY_SECTIONS_HOOK)
    def organisations_in_country(country_code, request) -> CountrySection | None: ...

A hook returns None when it has nothing to show for this country.
"""

from dataclasses import dataclass, field
from typing import Any

from django.http import HttpRequest
from wagtail import hooks

COUNTRY_SECTIONS_HOOK = "atlas_country_sections"


@dataclass(frozen=True)
class CountrySection:
    """A titled part of the country page, rendered from `template` with `context`."""

    title: str
    template: str
    context: dict[str, Any] = field(default_factory=dict)


def country_sections(country_code: str, request: HttpRequest) -> list[CountrySection]:
    """The sections the registered features have for this country, in the order they registered."""
    sections = (section_for(country_code, request) for section_for in hooks.get_hooks(COUNTRY_SECTIONS_HOOK))
    return [section for section in sections if section is not None]
