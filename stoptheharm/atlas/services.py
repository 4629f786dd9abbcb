"""Writes to the atlas: importing a checked file, all rows or none."""

from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from stoptheharm.atlas.imports import AtlasFile, AtlasFileError, AtlasRow
from stoptheharm.atlas.models import DecriminalisationModel, Indicator, IndicatorValue, Jurisdiction, Source

IMPORT_LOG_ACTION = "atlas.import"
# Checked by the file's own duplicate check and by the lookups below, not by a query per row.
SKIPPED_CHECKS = {"validate_unique": False, "validate_constraints": False}


@dataclass
class ImportReport:
    dataset: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0


@dataclass
class _Lookups:
    """What rows refer to, read once per file: an import of hundreds of rows makes a few queries, not thousands."""

    jurisdictions: dict[str, Jurisdiction]
    sources: dict[str, Source]
    indicators: dict[str, Indicator]
    new: list[tuple[models.Model, list[Source]]] = field(default_factory=list)


@transaction.atomic
def import_atlas(atlas_file: AtlasFile) -> ImportReport:
    """Create or update one entry per row, matched on its natural key; all rows or none.

    Natural keys: a source's URL, an indicator's slug, a model's `id`, a value's (indicator,
    jurisdiction, edition). A row that changes nothing is left alone, so importing the same file twice
    changes nothing. A changed entry gets a revision (its history in the admin says "Import");
    new entries are created together.
    """
    _refuse_repeated_keys(atlas_file)
    lookups = _Lookups(
        jurisdictions={jurisdiction.code: jurisdiction for jurisdiction in Jurisdiction.objects.all()},
        sources={source.url: source for source in Source.objects.all()},
        indicators={indicator.slug: indicator for indicator in Indicator.objects.all()},
    )
    model, existing = EXISTING[atlas_file.dataset]()
    report = ImportReport(dataset=atlas_file.dataset)
    for row in atlas_file.rows:
        key = _natural_key(atlas_file.dataset, row)
        instance, values, sources = ROW_VALUES[atlas_file.dataset](row, lookups)
        instance = existing.get(key) or instance
        try:
            outcome = _apply(instance, values, sources, lookups)
        except ValidationError as error:
            raise _file_error(error, row) from error
        setattr(report, outcome, getattr(report, outcome) + 1)
    _create_new(model, lookups.new)
    return report


def _natural_key(dataset: str, row: AtlasRow) -> tuple:
    fields = row.fields
    keys = {
        "sources": ("url",),
        "indicators": ("slug",),
        "models": ("key",),
    }
    if dataset == "values":
        return (fields["indicator"], row.jurisdiction, fields["edition"])
    return tuple(fields[name] for name in keys[dataset])


def _existing_by_key() -> dict[str, Any]:
    return {
        "sources": lambda: (Source, {(source.url,): source for source in Source.objects.all()}),
        "indicators": lambda: (Indicator, {(indicator.slug,): indicator for indicator in Indicator.objects.all()}),
        "models": lambda: (
            DecriminalisationModel,
            {(model.key,): model for model in DecriminalisationModel.objects.prefetch_related("sources")},
        ),
        "values": lambda: (
            IndicatorValue,
            {
                (value.indicator.slug, value.jurisdiction.code, value.edition): value
                for value in IndicatorValue.objects.select_related("indicator", "jurisdiction").prefetch_related(
                    "sources"
                )
            },
        ),
    }


def _refuse_repeated_keys(atlas_file: AtlasFile) -> None:
    first_line: dict[tuple, int] = {}
    for row in atlas_file.rows:
        key = _natural_key(atlas_file.dataset, row)
        if key in first_line:
            raise AtlasFileError(
                _("The same entry as line %(line)d (%(key)s).") % {"line": first_line[key], "key": " / ".join(key)},
                row.line,
            )
        first_line[key] = row.line


def _file_error(error: ValidationError, row: AtlasRow) -> AtlasFileError:
    if hasattr(error, "error_dict"):
        field_name, messages = next(iter(error.message_dict.items()))
        return AtlasFileError(" ".join(messages), row.line, None if field_name == "__all__" else field_name)
    return AtlasFileError(" ".join(error.messages), row.line)


def _apply(instance: Any, values: dict[str, Any], sources: list[Source] | None, lookups: _Lookups) -> str:
    """Set the row's values; a new entry waits to be created with the others, a changed one is saved now."""
    is_new = instance.pk is None
    is_changed = any(getattr(instance, name) != value for name, value in values.items()) if not is_new else True
    if sources is not None and not is_new:
        is_changed = is_changed or sorted(source.pk for source in instance.sources.all()) != sorted(
            source.pk for source in sources
        )
    for name, value in values.items():
        setattr(instance, name, value)
    if not is_changed:
        return "unchanged"
    instance.full_clean(**SKIPPED_CHECKS)
    if is_new:
        lookups.new.append((instance, sources or []))
        return "created"
    if sources is not None:
        instance.sources.set(sources)
    instance.save()
    instance.save_revision(clean=False, log_action=IMPORT_LOG_ACTION)
    return "updated"


def _create_new(model: type[models.Model], new: list[tuple[models.Model, list[Source]]]) -> None:
    if not new:
        return
    model.objects.bulk_create([instance for instance, _sources in new])
    if hasattr(model, "sources"):
        through = model.sources.through
        column = model._meta.model_name + "_id"
        through.objects.bulk_create(
            through(**{column: instance.pk, "source_id": source.pk}) for instance, sources in new for source in sources
        )


def _jurisdiction(row: AtlasRow, lookups: _Lookups) -> Jurisdiction:
    jurisdiction = lookups.jurisdictions.get(row.jurisdiction)
    if jurisdiction is not None and (not row.jurisdiction_name or jurisdiction.name == row.jurisdiction_name):
        return jurisdiction
    jurisdiction = jurisdiction or Jurisdiction(code=row.jurisdiction)
    jurisdiction.name = row.jurisdiction_name
    try:
        jurisdiction.full_clean()
    except ValidationError as error:
        raise AtlasFileError(" ".join(error.messages), row.line, "jurisdiction_name") from error
    jurisdiction.save()
    lookups.jurisdictions[jurisdiction.code] = jurisdiction
    return jurisdiction


def _cited_sources(row: AtlasRow, lookups: _Lookups) -> list[Source]:
    """The row's sources by URL; an address not yet known becomes a source to complete in the admin."""
    for url in row.sources:
        if url not in lookups.sources:
            source = Source(url=url)
            source.full_clean()
            source.save()
            lookups.sources[url] = source
    return [lookups.sources[url] for url in row.sources]


RowValues = tuple[models.Model, dict[str, Any], list[Source] | None]


def _source_values(row: AtlasRow, lookups: _Lookups) -> RowValues:
    return Source(), row.fields, None


def _indicator_values(row: AtlasRow, lookups: _Lookups) -> RowValues:
    return Indicator(), row.fields, None


def _model_values(row: AtlasRow, lookups: _Lookups) -> RowValues:
    values = {**row.fields, "jurisdiction": _jurisdiction(row, lookups)}
    return DecriminalisationModel(), values, _cited_sources(row, lookups)


def _value_values(row: AtlasRow, lookups: _Lookups) -> RowValues:
    indicator = lookups.indicators.get(row.fields["indicator"])
    if indicator is None:
        raise AtlasFileError(
            _('"%(value)s" is not a known indicator; import the indicators first.')
            % {"value": row.fields["indicator"]},
            row.line,
            "indicator",
        )
    values = {**row.fields, "indicator": indicator, "jurisdiction": _jurisdiction(row, lookups)}
    return IndicatorValue(), values, _cited_sources(row, lookups)


EXISTING = _existing_by_key()
ROW_VALUES = {
    "sources": _source_values,
    "indicators": _indicator_values,
    "models": _model_values,
    "values": _value_values,
}
