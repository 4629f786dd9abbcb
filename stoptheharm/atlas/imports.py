"""Reading an atlas CSV file (UTF-8, with or without BOM) into checked rows, before anything is stored.

Four datasets, told apart by their first line: sources, indicators, decriminalisation models and
indicator values (see docs/features/atlas.md for the columns). A row that cannot be read stops the
whole file with an error naming its line and field. Rows cite their sources by URL, several
separated by " | ".
"""

import csv
import io
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils import timezone
from django.utils.translation import gettext as _
from django_countries import countries

from stoptheharm.atlas.models import FIRST_YEAR, JURISDICTION_CODE, Confidence, IndicatorKind, LegalBasis, Replacement
from stoptheharm.core.text import has_forbidden_characters

MAX_FILE_BYTES = 5 * 1024 * 1024
SOURCE_SEPARATOR = "|"
LIST_SEPARATOR = ";"
YES_NO = {"yes": True, "no": False}

DATASET_COLUMNS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # dataset: (required columns, optional columns)
    "sources": (("url",), ("title", "publisher", "accessed")),
    "indicators": (("slug", "name", "kind"), ("unit", "description", "sort_order")),
    "models": (
        ("id", "jurisdiction", "year_adopted", "legal_basis", "confidence", "sources"),
        (
            "jurisdiction_name",
            "year_ended",
            "mechanism",
            "substances",
            "thresholds",
            "threshold_status",
            "replaced_by",
            "replacement_details",
            "legal_instrument",
            "implementation_notes",
            "reported_impact",
            "notes",
        ),
    ),
    "values": (
        ("jurisdiction", "indicator", "edition", "edition_year", "value", "confidence", "sources"),
        ("jurisdiction_name", "notes"),
    ),
}
MODEL_TEXT_COLUMNS = (
    "mechanism", "substances", "thresholds", "threshold_status", "replacement_details", "legal_instrument",
    "implementation_notes", "reported_impact", "notes",
)  # fmt: skip
# The column that tells a dataset apart from the others.
DATASET_MARKERS = (("year_adopted", "models"), ("edition", "values"), ("kind", "indicators"), ("url", "sources"))


class AtlasFileError(Exception):
    """The file cannot be imported; `line` and `field` say where, when the fault is in a row."""

    def __init__(self, message: str, line: int | None = None, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.field = field

    def __str__(self) -> str:
        if self.line is not None and self.field:
            where = _("Line %(line)d, column %(field)s") % {"line": self.line, "field": self.field}
        elif self.line is not None:
            where = _("Line %(line)d") % {"line": self.line}
        else:
            return self.message
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class AtlasRow:
    """One row, converted: `fields` hold model values, `sources` the cited URLs, `jurisdiction` its code."""

    line: int
    fields: dict[str, Any]
    jurisdiction: str = ""
    jurisdiction_name: str = ""
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class AtlasFile:
    dataset: str
    rows: list[AtlasRow]


def read_atlas_csv(data: bytes) -> AtlasFile:
    """The file's dataset and rows, every cell checked; references to the database are checked at import."""
    if len(data) > MAX_FILE_BYTES:
        raise AtlasFileError(
            _("The file is larger than %(megabytes)d MB; split it.") % {"megabytes": MAX_FILE_BYTES // 1024 // 1024}
        )
    reader = csv.reader(io.StringIO(_decode(data), newline=""))
    header = next(reader, None)
    if not header:
        raise AtlasFileError(_("The file is empty: its first line must name the columns."))
    dataset, columns = _check_header(header)
    rows = []
    line = reader.line_num
    for cells in reader:
        row_line, line = line + 1, reader.line_num  # a quoted cell may span lines: a row starts after the last
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(columns):
            raise AtlasFileError(
                _("%(found)d cells where the first line names %(expected)d columns.")
                % {"found": len(cells), "expected": len(columns)},
                row_line,
            )
        cells_by_column = {
            column: _checked_text(cell, row_line, column) for column, cell in zip(columns, cells, strict=True)
        }
        rows.append(ROW_READERS[dataset](cells_by_column, row_line))
    if not rows:
        raise AtlasFileError(_("The file has no rows under its first line."))
    return AtlasFile(dataset=dataset, rows=rows)


def _decode(data: bytes) -> str:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise AtlasFileError(
            _('The file is not UTF-8 text. Save it from your spreadsheet as "CSV UTF-8" and try again.'), line
        ) from error
    if "\x00" in text:
        raise AtlasFileError(_("The file holds NUL characters: it is not a CSV text file (UTF-16?)."))
    return text


def _check_header(header: list[str]) -> tuple[str, list[str]]:
    columns = [column.strip().lower() for column in header]
    dataset = next((name for marker, name in DATASET_MARKERS if marker in columns), None)
    if dataset is None:
        raise AtlasFileError(
            _("Which data is this? The first line must name the columns of sources, indicators, models or values."), 1
        )
    required, optional = DATASET_COLUMNS[dataset]
    missing = [column for column in required if column not in columns]
    if missing:
        raise AtlasFileError(_("Missing column(s): %(columns)s.") % {"columns": ", ".join(missing)}, 1)
    unknown = [column for column in columns if column not in required + optional]
    if unknown:
        raise AtlasFileError(
            _("Unknown column(s): %(unknown)s. Known columns: %(known)s.")
            % {"unknown": ", ".join(unknown), "known": ", ".join(required + optional)},
            1,
        )
    repeated = sorted({column for column in columns if columns.count(column) > 1})
    if repeated:
        raise AtlasFileError(_("Column(s) named twice: %(columns)s.") % {"columns": ", ".join(repeated)}, 1)
    return dataset, columns


def _checked_text(cell: str, line: int, column: str) -> str:
    value = cell.strip()
    if has_forbidden_characters(value.replace("\n", " ").replace("\r", " ")):
        raise AtlasFileError(_("Control or invisible formatting characters are not allowed."), line, column)
    return value


def _required(cells: dict[str, str], column: str, line: int) -> str:
    value = cells.get(column, "")
    if not value:
        raise AtlasFileError(_("This column must not be empty."), line, column)
    return value


def _year(cells: dict[str, str], column: str, line: int, *, required: bool) -> int | None:
    value = cells.get(column, "")
    if not value:
        if required:
            raise AtlasFileError(_("This column must not be empty."), line, column)
        return None
    this_year = timezone.now().year
    if not value.isdigit() or not FIRST_YEAR <= int(value) <= this_year:
        raise AtlasFileError(
            _('"%(value)s" is not a year from %(first)d to %(last)d.')
            % {"value": value, "first": FIRST_YEAR, "last": this_year},
            line,
            column,
        )
    return int(value)


def _choice(cells: dict[str, str], column: str, line: int, choices: list[str]) -> str:
    value = _required(cells, column, line).lower().replace(" ", "_")
    if value not in choices:
        raise AtlasFileError(
            _('"%(value)s" is not one of: %(choices)s.') % {"value": cells[column], "choices": ", ".join(choices)},
            line,
            column,
        )
    return value


def _jurisdiction(cells: dict[str, str], line: int) -> tuple[str, str]:
    code = _required(cells, "jurisdiction", line).upper()
    try:
        JURISDICTION_CODE(code)
    except ValidationError as error:
        raise AtlasFileError(
            _('"%(value)s" is not a jurisdiction code such as PT or AU-ACT.') % {"value": code}, line, "jurisdiction"
        ) from error
    if code[:2] not in dict(countries):
        raise AtlasFileError(
            _('"%(value)s" is not an ISO 3166-1 country code.') % {"value": code[:2]}, line, "jurisdiction"
        )
    return code, cells.get("jurisdiction_name", "")


def _source_urls(cells: dict[str, str], line: int) -> tuple[str, ...]:
    urls = tuple(url.strip() for url in _required(cells, "sources", line).split(SOURCE_SEPARATOR) if url.strip())
    for url in urls:
        _check_url(url, line, "sources")
    return urls


def _check_url(url: str, line: int, column: str) -> None:
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError as error:
        raise AtlasFileError(
            _('"%(value)s" is not a web address (http or https).') % {"value": url}, line, column
        ) from error


def _read_source(cells: dict[str, str], line: int) -> AtlasRow:
    url = _required(cells, "url", line)
    _check_url(url, line, "url")
    accessed = None
    if cells.get("accessed"):
        try:
            accessed = date.fromisoformat(cells["accessed"])
        except ValueError as error:
            raise AtlasFileError(
                _('"%(value)s" is not a date written 2026-11-30.') % {"value": cells["accessed"]}, line, "accessed"
            ) from error
    fields = {"title": cells.get("title", ""), "publisher": cells.get("publisher", ""), "accessed": accessed}
    return AtlasRow(line=line, fields={"url": url, **fields})


def _read_indicator(cells: dict[str, str], line: int) -> AtlasRow:
    order = cells.get("sort_order", "") or "100"
    if not order.isdigit():
        raise AtlasFileError(_('"%(value)s" is not a whole number.') % {"value": order}, line, "sort_order")
    fields = {
        "slug": _required(cells, "slug", line).lower(),
        "name": _required(cells, "name", line),
        "kind": _choice(cells, "kind", line, IndicatorKind.values),
        "unit": cells.get("unit", ""),
        "description": cells.get("description", ""),
        "sort_order": int(order),
    }
    return AtlasRow(line=line, fields=fields)


def _read_model(cells: dict[str, str], line: int) -> AtlasRow:
    code, name = _jurisdiction(cells, line)
    year_adopted = _year(cells, "year_adopted", line, required=False)
    year_ended = _year(cells, "year_ended", line, required=False)
    if year_adopted and year_ended and year_ended < year_adopted:
        raise AtlasFileError(
            _("The model cannot end (%(ended)d) before it was adopted (%(adopted)d).")
            % {"ended": year_ended, "adopted": year_adopted},
            line,
            "year_ended",
        )
    replaced_by = [
        value.strip().lower().replace(" ", "_") for value in cells.get("replaced_by", "").split(LIST_SEPARATOR)
    ]
    replaced_by = [value for value in replaced_by if value]
    unknown = [value for value in replaced_by if value not in Replacement.values]
    if unknown:
        raise AtlasFileError(
            _('"%(value)s" is not one of: %(choices)s.')
            % {"value": unknown[0], "choices": ", ".join(Replacement.values)},
            line,
            "replaced_by",
        )
    fields = {column: cells.get(column, "") for column in MODEL_TEXT_COLUMNS}
    fields |= {
        "key": _required(cells, "id", line),
        "year_adopted": year_adopted,
        "year_ended": year_ended,
        "legal_basis": _choice(cells, "legal_basis", line, LegalBasis.values),
        "confidence": _choice(cells, "confidence", line, Confidence.values),
        "replaced_by": replaced_by,
    }
    return AtlasRow(
        line=line, fields=fields, jurisdiction=code, jurisdiction_name=name, sources=_source_urls(cells, line)
    )


def _read_value(cells: dict[str, str], line: int) -> AtlasRow:
    code, name = _jurisdiction(cells, line)
    value = _required(cells, "value", line)
    fields: dict[str, Any] = {
        "indicator": _required(cells, "indicator", line).lower(),
        "edition": _required(cells, "edition", line),
        "edition_year": _year(cells, "edition_year", line, required=True),
        "confidence": _choice(cells, "confidence", line, Confidence.values),
        "notes": cells.get("notes", ""),
    }
    if value.lower() in YES_NO:
        fields |= {"value_boolean": YES_NO[value.lower()], "value_number": None}
    else:
        try:
            number = Decimal(value)
        except InvalidOperation as error:
            raise AtlasFileError(
                _('"%(value)s" is neither yes, no nor a number.') % {"value": value}, line, "value"
            ) from error
        if not number.is_finite():
            raise AtlasFileError(_('"%(value)s" is neither yes, no nor a number.') % {"value": value}, line, "value")
        fields |= {"value_boolean": None, "value_number": number}
    return AtlasRow(
        line=line, fields=fields, jurisdiction=code, jurisdiction_name=name, sources=_source_urls(cells, line)
    )


ROW_READERS = {"sources": _read_source, "indicators": _read_indicator, "models": _read_model, "values": _read_value}
