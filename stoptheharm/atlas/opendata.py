"""The atlas's datasets as open data: rows for CSV and JSON, features for GeoJSON, with licence and citation.

The compilation is published under CC BY 4.0 (docs/decisions/0012-atlas-open-data-and-map-data.md);
every entry carries the addresses of its own sources.
"""

from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from stoptheharm.atlas.models import DecriminalisationModel, Indicator, IndicatorValue, Jurisdiction, Source
from stoptheharm.atlas.points import representative_point
from stoptheharm.atlas.selectors import (
    DE_FACTO,
    DE_JURE,
    ENDED,
    SUBNATIONAL,
    atlas_models,
    indicator_values,
    models_layer,
)
from stoptheharm.core.regions import intermediate_region_of, region_of, sub_region_of
from stoptheharm.core.worldmap import country_geometries, country_shapes
from stoptheharm.core.worldmap import country_name as shape_name

LICENCE = "CC-BY-4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
SOURCE_SEPARATOR = " | "
FORMATS = {
    "models": ("csv", "json", "geojson"),
    "indicators": ("csv", "json", "geojson"),
    "sources": ("csv", "json"),
    "countries": ("geojson",),
}
MODEL_STATUSES = {DE_JURE: "de_jure", DE_FACTO: "de_facto", SUBNATIONAL: "in_part_of_the_country", ENDED: "ended"}

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
        "countries": _("Country boundaries with this year's models and the latest indicator values"),
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
    if dataset == "countries":
        return country_records(year=timezone.now().year)
    return [source_record(source) for source in Source.objects.order_by("url")]


def country_records(*, year: int) -> list[dict[str, Any]]:
    """One row per shape of the world map: its models in force in `year` and each indicator's latest edition.

    Every row has the same keys, so that a GIS reads one table: for each indicator, `<slug>` (its value
    in the latest edition up to `year`, as on the map; editions are never merged) and `<slug>_edition`.
    """
    statuses = {
        entry.jurisdiction.code: MODEL_STATUSES[entry.css_class]
        for entry in models_layer(year=year).entries
        if entry.jurisdiction.is_country
    }
    in_force = defaultdict(list)
    for model in DecriminalisationModel.objects.select_related("jurisdiction").order_by("key"):
        if model.is_in_force_in(year):
            in_force[model.jurisdiction.country_code].append(model.key)
    values = _latest_country_values(year)
    rows = []
    for shape in country_shapes():
        code = "" if shape.code.startswith("x-") else shape.code
        rows.append({
            "map_id": shape.code,
            "iso2": code or None,
            "name": shape_name(shape),
            "region": region_of(code) or "",
            "sub_region": sub_region_of(code) or "",
            "intermediate_region": intermediate_region_of(code) or "",
            "year": year,
            "model_status": statuses.get(code),
            "models_in_force": SOURCE_SEPARATOR.join(in_force[code]),
            **{key: found.get(code) for key, found in values.items()},
        })  # fmt: skip
    return rows


def _latest_country_values(year: int) -> dict[str, dict[str, Any]]:
    """`<slug>` and `<slug>_edition` -> {country code: value}, from each indicator's latest edition up to `year`."""
    columns: dict[str, dict[str, Any]] = {}
    for indicator in Indicator.objects.all():
        editions = list(
            IndicatorValue.objects.filter(indicator=indicator, edition_year__lte=year)
            .order_by("edition_year", "edition")
            .values_list("edition", flat=True)
            .distinct()
        )
        if not editions:
            continue
        latest = IndicatorValue.objects.filter(indicator=indicator, edition=editions[-1]).select_related("jurisdiction")
        countries = [value for value in latest if value.jurisdiction.is_country]
        columns[indicator.slug] = {
            value.jurisdiction.code: value.value_boolean if value.value_boolean is not None
            else _number(value.value_number) for value in countries
        }  # fmt: skip
        columns[f"{indicator.slug}_edition"] = {value.jurisdiction.code: value.edition for value in countries}
    return columns


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
    """GeoJSON (RFC 7946), longitude first: the countries' boundaries, else a Point per row at its place.

    A row whose place has no representative point would have a null geometry (RFC 7946 allows it);
    `data/points.csv` has one for every country and for the demo's sub-national units.
    """
    features = [{"type": "Feature", "geometry": _geometry(dataset, row), "properties": row} for row in rows]
    return {
        "type": "FeatureCollection",
        "features": features,
        "licence": LICENCE,
        "licence_url": LICENCE_URL,
        "how_to_cite": citation,
    }


def _geometry(dataset: str, row: dict[str, Any]) -> dict[str, Any] | None:
    if dataset == "countries":
        return country_geometries()[row["map_id"]]
    point = representative_point(row["jurisdiction"]) or representative_point(row["country_iso2"])
    return {"type": "Point", "coordinates": [point[1], point[0]]} if point else None
