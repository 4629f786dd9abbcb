"""CSV export of confirmed signatures, safe to open in a spreadsheet."""

import csv
from collections.abc import Iterable, Iterator
from typing import Protocol

from stoptheharm.petitions.models import PetitionPage, Signature

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
HEADER = ["name", "email", "country", "language", "confirmed_at", "public_list", "updates", "consent_version"]


class Writable(Protocol):
    def write(self, text: str, /) -> object: ...


def neutralise(value: object) -> str:
    """A cell a spreadsheet could read as a formula gets a leading apostrophe, and stays text."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_PREFIXES) else text


def signature_rows(petition: PetitionPage) -> Iterator[list[str]]:
    signatures = Signature.objects.counted().filter(petition=petition).order_by("confirmed_at", "pk")
    for signature in signatures.iterator(chunk_size=2000):
        yield [
            neutralise(value)
            for value in (
                signature.name,
                signature.email,
                signature.country.code,
                signature.language,
                signature.confirmed_at.isoformat() if signature.confirmed_at else "",
                "yes" if signature.is_public else "no",
                "yes" if signature.wants_updates else "no",
                signature.consents.get("processing", {}).get("version", ""),
            )
        ]


def write_csv(rows: Iterable[list[str]], stream: Writable) -> None:
    writer = csv.writer(stream)
    writer.writerow(HEADER)
    writer.writerows(rows)
