"""What the privacy notice says about the data each feature keeps."""

from dataclasses import dataclass


@dataclass(frozen=True)
class RetentionPeriod:
    """One row of the privacy notice's table: what is kept, and how long (both in the reader's language)."""

    what: str
    how_long: str
