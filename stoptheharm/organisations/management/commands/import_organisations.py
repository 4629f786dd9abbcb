from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from stoptheharm.organisations.imports import COLUMNS, OrganisationFileError, read_organisation_csv
from stoptheharm.organisations.services import import_organisations


class Command(BaseCommand):
    help = (
        "Import organisations from a CSV file (UTF-8, first line naming the columns; name and kind required; "
        f"known columns: {', '.join(COLUMNS)}). Organisations are matched on their normalised name: a re-import "
        "updates them and never duplicates. A bad row rejects the whole file, naming its line."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="The CSV file.")
        parser.add_argument(
            "--keep-existing",
            action="store_true",
            help="Leave organisations already in the directory as they are; only add the new ones.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}.") from error
        try:
            report = import_organisations(read_organisation_csv(data), update_existing=not options["keep_existing"])
        except OrganisationFileError as error:
            raise CommandError(f"{path}: {error} Nothing was imported.") from error
        self.stdout.write(
            f"{len(report.created)} organisation(s) created, {len(report.updated)} updated, "
            f"{len(report.unchanged)} unchanged."
        )
