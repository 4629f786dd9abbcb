from typing import Any

from django.core.management.base import BaseCommand

from stoptheharm.pages.demo import load_demo_site


class Command(BaseCommand):
    help = "Load the demo site (home page, sections and petitions in every language). Safe to run again."

    def handle(self, *args: Any, **options: Any) -> None:
        report = load_demo_site()
        self.stdout.write(
            f"Demo content: {len(report.created)} page(s) created, {report.existing} already there; "
            f"{len(report.organisations_created)} organisation(s) created."
        )
