from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from stoptheharm.atlas.imports import AtlasFileError, read_atlas_csv
from stoptheharm.atlas.services import import_atlas


class Command(BaseCommand):
    help = (
        "Import one atlas CSV file (UTF-8): sources, indicators, decriminalisation models or indicator values, "
        "told apart by the first line (docs/features/atlas.md). Entries are matched on their natural key, so a "
        "re-import updates and never duplicates. A bad row rejects the whole file, naming its line and column."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", type=Path, help="The CSV file(s), imported in the order given.")

    def handle(self, *args: Any, **options: Any) -> None:
        for path in options["files"]:
            try:
                data = path.read_bytes()
            except OSError as error:
                raise CommandError(f"Cannot read {path}: {error.strerror}.") from error
            try:
                report = import_atlas(read_atlas_csv(data))
            except AtlasFileError as error:
                raise CommandError(f"{path}: {error} Nothing was imported from this file.") from error
            self.stdout.write(
                f"{path.name} ({report.dataset}): {report.created} created, {report.updated} updated, "
                f"{report.unchanged} unchanged."
            )
