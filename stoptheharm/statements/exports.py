"""The public list of signatories as CSV: what the page shows, no contact data, safe in a spreadsheet."""

from stoptheharm.core.spreadsheets import Writable, write_csv
from stoptheharm.statements.selectors import IndividualSignatory, Signatory

HEADER = ["number", "name", "short_name", "countries", "website", "kind"]
INDIVIDUALS_HEADER = ["number", "name", "country", "affiliation"]


def write_signatories_csv(signatories: list[Signatory], stream: Writable) -> None:
    rows = (
        [signatory.number, signatory.name, signatory.short_name, " ".join(signatory.countries), signatory.website,
         signatory.kind]
        for signatory in signatories
    )  # fmt: skip
    write_csv(HEADER, rows, stream)


def write_individuals_csv(individuals: list[IndividualSignatory], stream: Writable) -> None:
    rows = ([person.number, person.name, person.country, person.affiliation] for person in individuals)
    write_csv(INDIVIDUALS_HEADER, rows, stream)
