"""CSV files that are safe to open in a spreadsheet."""

import csv
from collections.abc import Iterable
from typing import Protocol

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


class Writable(Protocol):
    def write(self, text: str, /) -> object: ...


def neutralise(value: object) -> str:
    """A cell a spreadsheet could read as a formula gets a leading apostrophe, and stays text."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_PREFIXES) else text


def write_csv(header: list[str], rows: Iterable[Iterable[object]], stream: Writable) -> None:
    """Write a header and rows, every cell neutralised."""
    writer = csv.writer(stream)
    writer.writerow(header)
    writer.writerows([neutralise(value) for value in row] for row in rows)
