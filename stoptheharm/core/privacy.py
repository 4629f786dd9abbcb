"""What the privacy notice says about the data each feature keeps."""

from dataclasses import dataclass

from django.utils.translation import ngettext


@dataclass(frozen=True)
class RetentionPeriod:
    """One row of the privacy notice's table: what is kept, and how long (both in the reader's language)."""

    what: str
    how_long: str


def deleted_after(days: int) -> str:
    """The notice's usual period, "deleted after N days", in the reader's language."""
    return ngettext("deleted after %(days)d day", "deleted after %(days)d days", days) % {"days": days}
