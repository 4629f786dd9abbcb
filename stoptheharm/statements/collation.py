"""Alphabetical order as a person files names, whatever their script (docs/decisions/0005-collation.md).

The Unicode Collation Algorithm with its default table (DUCET), in pure Python (pyuca): accents and
case only break ties ("Élixir" files among the E's), Latin comes before Greek, Greek before
Cyrillic. The same order on SQLite and PostgreSQL, because the database does not sort.
"""

import functools
import unicodedata
from collections.abc import Callable, Iterable

from pyuca import Collator


@functools.cache
def _collator() -> Collator:
    return Collator()  # reads the collation table once per process (about half a second)


def collation_key(text: str) -> tuple[tuple[int, ...], str]:
    """A key that sorts names as a person would; the text itself breaks the rare exact ties."""
    normalised = unicodedata.normalize("NFC", text.strip())
    return tuple(_collator().sort_key(normalised)), normalised


def collated[Item](items: Iterable[Item], *, key: Callable[[Item], str]) -> list[Item]:
    """The items sorted by the collation of the text `key` gives for each."""
    return sorted(items, key=lambda item: collation_key(key(item)))
