"""What other features add to an organisation's public page.

The petitions it co-sponsors and the statements it signed now; its events when those exist.
Those features sit above the directory in the layers, so the directory cannot ask them; each
registers a Wagtail hook instead, as Wagtail's own apps extend the admin:

    @hooks.register(PROFILE_SECTIONS_HOOK)
    def co_sponsored_petitions(organisation, request) -> ProfileSection | None: ...

A hook returns None when it has nothing to show for this organisation.
"""

from dataclasses import dataclass, field
from typing import Any

from django.http import HttpRequest
from wagtail import hooks

from stoptheharm.organisations.models import Organisation

PROFILE_SECTIONS_HOOK = "organisation_profile_sections"


@dataclass(frozen=True)
class ProfileSection:
    """A titled part of the page, rendered from `template` with `context`."""

    title: str
    template: str
    context: dict[str, Any] = field(default_factory=dict)


def profile_sections(organisation: Organisation, request: HttpRequest) -> list[ProfileSection]:
    """The sections the registered features have for this organisation, in the order they registered."""
    sections = (section_for(organisation, request) for section_for in hooks.get_hooks(PROFILE_SECTIONS_HOOK))
    return [section for section in sections if section is not None]
