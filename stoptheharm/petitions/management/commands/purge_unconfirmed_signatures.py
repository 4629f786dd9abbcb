from typing import Any

from django.core.management.base import BaseCommand

from stoptheharm.petitions.services import purge_unconfirmed_signatures


class Command(BaseCommand):
    help = "Delete signatures never confirmed within seven days. Run it hourly (cron or a systemd timer)."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"Deleted {purge_unconfirmed_signatures()} unconfirmed signature(s).")
