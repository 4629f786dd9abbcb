"""The atlas's datasets as open data: rows for CSV and JSON, features for GeoJSON, with licence and citation.

The compilation is published under CC BY 4.0 (docs/decisions/0012-atlas-open-data-and-map-data.md);
every entry carries the addresses of its own sources.
"""

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from stoptheharm.atlas.models import DecriminalisationModel, IndicatorValue, Jurisdiction, Source
from stoptheharm.atlas.points import representative_point
from stoptheharm.atlas.selectors import atlas_models, indicator_values
from stoptheharm.core.regions import intermediate_region_of, region_of, sub_region_of

LICENCE = "CC-BY-4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
SOURCE_SEPARATOR = " | "
DATASETS = ("models", "indicators", "sources")
FORMATS = {"models": ("csv", "json", "geojson"), "indicators": ("csv", "json", "geojson"), "sources": ("csv", "json")}

PLACE_COLUMNS = [
    "jurisdiction", "jurisdiction_name", "country_iso2", "country_name", "region", "sub_region", "intermediate_region",
]  # fmt: skip
MODEL_COLUMNS = [
    "id", *PLACE_COLUMNS, "year_adopted", "year_ended", "legal_basis", "mechanism", "substances", "thresholds",
    "threshold_status", "replaced_by", "replacement_details", "legal_instrument", "implementation_notes",
    "reported_impact", "confidence", "sources", "notes",
]  # fmt: skip
VALUE_COLUMNS = [
    *PLACE_COLUMNS, "indicator", "indicator_name", "kind", "unit", "edition", "edition_year", "value", "confidence",
    "sources", "notes",
]  # fmt: skip
SOURCE_COLUMNS = ["url", "title", "publisher", "accessed"]


def country_name(code: str) -> str:
    return Jurisdiction(code=code).country_name


def dataset_title(dataset: str) -> str:
    return {
        "models": _("Decriminalisation models"),
        "indicators": _("Harm reduction indicators"),
        "sources": _("Sources"),
    }[dataset]


def how_to_cite(dataset: str, url: str) -> str:
    """The line to cite a dataset by, naming its licence."""
    return _("Stop the Harm, atlas: %(dataset)s (downloaded %(date)s), %(url)s. Licence: CC BY 4.0.") % {
        "dataset": dataset_title(dataset),
        "date": date.today().isoformat(),
        "url": url,
    }


def _place(jurisdiction: Any) -> dict[str, Any]:
    return {
        "jurisdiction": jurisdiction.code,
        "jurisdiction_name": "" if jurisdiction.is_country else jurisdiction.name,
        "country_iso2": jurisdiction.country_code,
        "country_name": jurisdiction.country_name,
        "region": region_of(jurisdiction.country_code) or "",
        "sub_region": sub_region_of(jurisdiction.country_code) or "",
        "intermediate_region": intermediate_region_of(jurisdiction.country_code) or "",
    }


def _number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def model_record(model: DecriminalisationModel) -> dict[str, Any]:
    return {
        "id": model.key,
        **_place(model.jurisdiction),
        "year_adopted": model.year_adopted,
        "year_ended": model.year_ended,
        "legal_basis": model.legal_basis,
        "mechanism": model.mechanism,
        "substances": model.substances,
        "thresholds": model.thresholds,
        "threshold_status": model.threshold_status,
        "replaced_by": list(model.replaced_by),
        "replacement_details": model.replacement_details,
        "legal_instrument": model.legal_instrument,
        "implementation_notes": model.implementation_notes,
        "reported_impact": model.reported_impact,
        "confidence": model.confidence,
        "sources": [source.url for source in model.sources.all()],
        "notes": model.notes,
    }


def value_record(value: IndicatorValue) -> dict[str, Any]:
    return {
        **_place(value.jurisdiction),
        "indicator": value.indicator.slug,
        "indicator_name": value.indicator.name,
        "kind": value.indicator.kind,
        "unit": value.indicator.unit,
        "edition": value.edition,
        "edition_year": value.edition_year,
        "value": value.value_boolean if value.value_boolean is not None else _number(value.value_number),
        "confidence": value.confidence,
        "sources": [source.url for source in value.sources.all()],
        "notes": value.notes,
    }


def source_record(source: Source) -> dict[str, Any]:
    return {
        "url": source.url,
        "title": source.title,
        "publisher": source.publisher,
        "accessed": source.accessed.isoformat() if source.accessed else None,
    }


def records(dataset: str) -> list[dict[str, Any]]:
    if dataset == "models":
        return [model_record(model) for model in atlas_models().order_by("jurisdiction__code", "year_adopted", "key")]
    if dataset == "indicators":
        return [
            value_record(value)
            for value in indicator_values().order_by(
                "indicator__sort_order", "jurisdiction__code", "edition_year", "edition"
            )
        ]
    return [source_record(source) for source in Source.objects.order_by("url")]


def csv_rows(dataset: str, rows: list[dict[str, Any]]) -> tuple[list[str], Iterator[list[object]]]:
    """The header and rows for a spreadsheet: lists joined, yes/no spelt out, empty for none."""
    columns = {"models": MODEL_COLUMNS, "indicators": VALUE_COLUMNS, "sources": SOURCE_COLUMNS}[dataset]
    return columns, ([_cell(row[column]) for column in columns] for row in rows)


def _cell(value: Any) -> object:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return SOURCE_SEPARATOR.join(str(item) for item in value)
    return value


def feature_collection(dataset: str, rows: list[dict[str, Any]], *, citation: str) -> dict[str, Any]:
    """GeoJSON (RFC 7946): a Point feature per row at its jurisdiction's representative point; longitude first."""
    features = []
    for row in rows:
        point = representative_point(row["jurisdiction"]) or representative_point(row["country_iso2"])
        geometry = {"type": "Point", "coordinates": [point[1], point[0]]} if point else None
        features.append({"type": "Feature", "geometry": geometry, "properties": row})
    return {
        "type": "FeatureCollection",
        "features": features,
        "licence": LICENCE,
        "licence_url": LICENCE_URL,
        "how_to_cite": citation,
    }
