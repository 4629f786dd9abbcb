"""CSV files of a statement's signatories, safe to open in a spreadsheet.

The public lists hold what the page shows, no contact data; the staff exports (behind the export
permission, logged) add the contacts.
"""

from collections.abc import Iterator

from stoptheharm.core.spreadsheets import Writable, write_csv
from stoptheharm.statements.models import Endorsement, IndividualEndorsement, StatementPage
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


STAFF_HEADER = ["organisation", "directory_id", "proposed_country", "proposed_website", "proposed_kind", "status",
                "contact_name", "contact_email", "language", "created_at", "confirmed_at", "moderated_at",
                "consent_version"]  # fmt: skip
STAFF_INDIVIDUALS_HEADER = ["name", "country", "affiliation", "email", "status", "language", "created_at",
                            "confirmed_at", "moderated_at", "consent_version"]  # fmt: skip


def _when(moment: object) -> str:
    return moment.isoformat() if moment else ""  # type: ignore[attr-defined]  # a datetime or None


def endorsement_rows(statement: StatementPage) -> Iterator[list[object]]:
    """Every organisation's endorsement of the statement with its contact, oldest first."""
    endorsements = Endorsement.objects.filter(statement=statement).select_related("organisation").order_by("pk")
    for item in endorsements.iterator(chunk_size=2000):
        yield [
            item.organisation_name, item.organisation_id or "", item.proposed_country.code or "",
            item.proposed_website, item.proposed_kind, item.status, item.contact_name, item.contact_email,
            item.language, _when(item.created_at), _when(item.confirmed_at), _when(item.moderated_at),
            item.consents.get("processing", {}).get("version", ""),
        ]  # fmt: skip


def individual_endorsement_rows(statement: StatementPage) -> Iterator[list[object]]:
    """Every person's signature of the statement with their address, oldest first."""
    for item in IndividualEndorsement.objects.filter(statement=statement).order_by("pk").iterator(chunk_size=2000):
        yield [
            item.name, item.country.code, item.affiliation, item.email, item.status, item.language,
            _when(item.created_at), _when(item.confirmed_at), _when(item.moderated_at),
            item.consents.get("processing", {}).get("version", ""),
        ]  # fmt: skip
