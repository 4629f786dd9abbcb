"""Reading a spreadsheet of organisations (CSV, UTF-8) into checked rows, before anything is stored.

The first line names the columns, in any order: `name` and `kind` are required, the others optional.
A column left out of the file leaves that field as it is on organisations already in the directory;
a column present but empty in a row empties the field.
"""

import csv
import io
import re
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from stoptheharm.core.text import has_forbidden_characters

REQUIRED_COLUMNS = ("name", "kind")
TEXT_COLUMNS = (
    "name",
    "short_name",
    "kind",
    "scope",
    "region",
    "countries",
    "website",
    "languages",
    "description",
    "contact_email",
)
BOOLEAN_COLUMNS = ("is_member", "is_verified")
COLUMNS = TEXT_COLUMNS + BOOLEAN_COLUMNS
BOOLEAN_VALUES = {"": False, "0": False, "false": False, "no": False, "1": True, "true": True, "yes": True}
HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!][^>]*>")
MULTILINE_COLUMNS = frozenset({"description"})


class OrganisationFileError(Exception):
    """The file cannot be imported; `line` is the line of the file at fault, when there is one."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line

    def __str__(self) -> str:
        if self.line is None:
            return self.message
        return _("Line %(line)d: %(message)s") % {"line": self.line, "message": self.message}


@dataclass(frozen=True)
class OrganisationRow:
    """One organisation as the file describes it: `fields` holds only the file's columns, converted."""

    line: int
    fields: dict[str, Any]


def read_organisation_csv(data: bytes) -> list[OrganisationRow]:
    """The file's rows, checked for encoding, columns and characters; model validation comes at import."""
    text = _decode(data)
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if header is None:
        raise OrganisationFileError(_("The file is empty: its first line must name the columns."))
    columns = _check_header(header)
    rows = []
    line = reader.line_num
    for cells in reader:
        row_line, line = line + 1, reader.line_num  # a quoted cell may span lines: a row starts after the last
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(columns):
            raise OrganisationFileError(
                _("%(found)d cells where the first line names %(expected)d columns.")
                % {"found": len(cells), "expected": len(columns)},
                row_line,
            )
        rows.append(
            OrganisationRow(line=row_line, fields=_row_fields(dict(zip(columns, cells, strict=True)), row_line))
        )
    return rows


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise OrganisationFileError(
            _('The file is not UTF-8 text. Save it from your spreadsheet as "CSV UTF-8" and try again.'), line
        ) from error


def _check_header(header: list[str]) -> list[str]:
    columns = [column.strip().lower() for column in header]
    missing = [column for column in REQUIRED_COLUMNS if column not in columns]
    if missing:
        raise OrganisationFileError(
            _("Missing column(s): %(columns)s. The first line must name the columns.")
            % {"columns": ", ".join(missing)},
            1,
        )
    unknown = [column for column in columns if column not in COLUMNS]
    if unknown:
        raise OrganisationFileError(
            _("Unknown column(s): %(unknown)s. Known columns: %(known)s.")
            % {"unknown": ", ".join(unknown), "known": ", ".join(COLUMNS)},
            1,
        )
    repeated = sorted({column for column in columns if columns.count(column) > 1})
    if repeated:
        raise OrganisationFileError(_("Column(s) named twice: %(columns)s.") % {"columns": ", ".join(repeated)}, 1)
    return columns


def _row_fields(cells: dict[str, str], line: int) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for column, raw in cells.items():
        value = raw.strip()
        allowed = value.replace("\n", "").replace("\r", "") if column in MULTILINE_COLUMNS else value
        if has_forbidden_characters(allowed):
            raise OrganisationFileError(
                _("The %(column)s contains control or invisible formatting characters.") % {"column": column}, line
            )
        if HTML_TAG.search(value):
            raise OrganisationFileError(
                _("The %(column)s contains HTML, which is not allowed.") % {"column": column}, line
            )
        if column in BOOLEAN_COLUMNS:
            if value.lower() not in BOOLEAN_VALUES:
                raise OrganisationFileError(
                    _('The %(column)s must be "yes" or "no", not "%(value)s".') % {"column": column, "value": value},
                    line,
                )
            fields[column] = BOOLEAN_VALUES[value.lower()]
        elif column == "countries":
            fields[column] = [code.strip().upper() for code in re.split(r"[,;\s]+", value) if code.strip()]
        else:
            fields[column] = value
    return fields
