"""CSV export of confirmed signatures, safe to open in a spreadsheet."""

from collections.abc import Iterable, Iterator

from stoptheharm.core.spreadsheets import Writable, write_csv
from stoptheharm.petitions.models import PetitionPage, Signature

HEADER = ["name", "email", "country", "language", "confirmed_at", "public_list", "updates", "consent_version"]


def signature_rows(petition: PetitionPage) -> Iterator[list[str]]:
    signatures = Signature.objects.counted().filter(petition=petition).order_by("confirmed_at", "pk")
    for signature in signatures.iterator(chunk_size=2000):
        yield [
            signature.name,
            signature.email,
            signature.country.code,
            signature.language,
            signature.confirmed_at.isoformat() if signature.confirmed_at else "",
            "yes" if signature.is_public else "no",
            "yes" if signature.wants_updates else "no",
            signature.consents.get("processing", {}).get("version", ""),
        ]


def write_signatures_csv(rows: Iterable[list[str]], stream: Writable) -> None:
    write_csv(HEADER, rows, stream)
