"""Open actions, whatever their kind, in the one shape the campaign pages and Take Action list."""

from dataclasses import dataclass, field
from datetime import datetime

from django.utils.translation import gettext_lazy as _


class ActionKind:
    SIGN = "sign"
    ENDORSE = "endorse"
    ATTEND = "attend"
    ORGANISE = "organise"


KIND_LABELS = {
    ActionKind.SIGN: _("Sign"),
    ActionKind.ENDORSE: _("Endorse"),
    ActionKind.ATTEND: _("Attend"),
    ActionKind.ORGANISE: _("Organise a local action"),
}


@dataclass(frozen=True)
class Action:
    """One thing a visitor can do now, in the words and numbers its feature gives."""

    kind: str
    title: str
    url: str
    summary: str = ""
    campaign_id: int | None = None
    importance: int = 0
    closes_at: datetime | None = None
    countries: frozenset[str] = field(default_factory=frozenset)  # ISO 3166-1 alpha-2; empty: anywhere
    languages: frozenset[str] = field(default_factory=frozenset)  # language codes; empty: any
    count: int | None = None  # e.g. signatures so far
    count_label: str = ""  # e.g. "12,122 supporters", already worded
    language: str = ""  # the language the title and summary are in, when it is not the page's

    @property
    def kind_label(self) -> str:
        return str(KIND_LABELS.get(self.kind, self.kind))


def by_importance_then_closing(action: Action) -> tuple[int, int, float]:
    """Sort key: most important first, then the soonest closing, then those that never close."""
    never = action.closes_at is None
    return (-action.importance, int(never), 0.0 if never else action.closes_at.timestamp())
