"""Writes to the directory of organisations."""

from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.search.backends import get_search_backends

from stoptheharm.organisations.imports import OrganisationFileError, OrganisationRow
from stoptheharm.organisations.models import Organisation
from stoptheharm.organisations.names import normalise_organisation_name

# Derived on save, so never a reason to refuse a row.
DERIVED_FIELDS = ["normalised_name", "search_name"]


def create_organisation(*, name: str, kind: str, **fields: Any) -> Organisation:
    """Validate and store a new organisation; `fields` are any other of the model's fields."""
    organisation = Organisation(name=name, kind=kind, **fields)
    organisation.full_clean(exclude=DERIVED_FIELDS)
    organisation.save()
    return organisation


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _PlannedRow:
    organisation: Organisation
    is_new: bool
    is_changed: bool


@transaction.atomic
def import_organisations(rows: list[OrganisationRow], *, update_existing: bool = True) -> ImportReport:
    """Create or update one organisation per row, matched on the normalised name; all rows or none.

    Every row is validated as the model validates it before the first is stored, and a row naming the
    same organisation as an earlier one is refused, so a re-import updates and never duplicates.
    With `update_existing=False` organisations already in the directory are left as they are
    (the demo content does this, to keep editors' changes).
    """
    report = ImportReport()
    first_line_by_name: dict[str, int] = {}
    planned = []
    for row in rows:  # first every row's name, so that nothing is looked up for a file refused
        normalised = normalise_organisation_name(row.fields["name"])
        if normalised in first_line_by_name:
            raise OrganisationFileError(
                _("The same organisation as line %(line)d (compared without case, accents, punctuation, legal form).")
                % {"line": first_line_by_name[normalised]},
                row.line,
            )
        first_line_by_name[normalised] = row.line
    existing = _organisations_by_normalised_name(list(first_line_by_name))
    for row in rows:
        match = existing.get(normalise_organisation_name(row.fields["name"]))
        planned.append(_plan_row(row, match, update_existing=update_existing))
    for plan in planned:
        if not plan.is_changed:
            report.unchanged.append(plan.organisation.name)
        elif not plan.is_new:
            plan.organisation.save()
            report.updated.append(plan.organisation.name)
    _create_in_bulk([plan.organisation for plan in planned if plan.is_new])
    report.created += [plan.organisation.name for plan in planned if plan.is_new]
    return report


def _create_in_bulk(organisations: list[Organisation]) -> None:
    """Insert new organisations and index them for the admin's search in a few queries.

    Saving one by one ran a search-index and a reference-index task per organisation: over a second
    for the demo's 335. New rows from a file have no logo, so they reference nothing to index.
    """
    for organisation in organisations:
        organisation.derive_names()
    created = Organisation.objects.bulk_create(organisations, batch_size=500)
    for backend in get_search_backends():
        backend.add_bulk(Organisation, created)


def _organisations_by_normalised_name(names: list[str]) -> dict[str, Organisation]:
    """One query for the whole file; should the directory hold two entries under one name, the older."""
    found: dict[str, Organisation] = {}
    for organisation in Organisation.objects.filter(normalised_name__in=names).order_by("-pk"):
        found[organisation.normalised_name] = organisation
    return found


def _plan_row(row: OrganisationRow, existing: Organisation | None, *, update_existing: bool) -> _PlannedRow:
    """The row's organisation (found in the directory, or new) with the row's fields set and validated."""
    if existing is not None and not update_existing:
        return _PlannedRow(existing, is_new=False, is_changed=False)
    organisation = existing or Organisation()
    is_changed = existing is None
    for name, value in row.fields.items():
        current = getattr(organisation, name)
        if name == "countries":
            current, value = sorted(country.code for country in current), sorted(value)
        if current != value:
            setattr(organisation, name, value)
            is_changed = True
    try:
        organisation.full_clean(exclude=DERIVED_FIELDS)
    except ValidationError as error:
        raise OrganisationFileError(_describe(error), row.line) from error
    return _PlannedRow(organisation, is_new=existing is None, is_changed=is_changed)


def _describe(error: ValidationError) -> str:
    """One "column: message" per field at fault, e.g. "website: Enter a valid URL."."""
    return " ".join(
        f"{name}: {' '.join(messages)}" if name != NON_FIELD_ERRORS else " ".join(messages)
        for name, messages in error.message_dict.items()
    )
