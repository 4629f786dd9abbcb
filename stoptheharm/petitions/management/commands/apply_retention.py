from typing import Any

from django.core.management.base import BaseCommand

from stoptheharm.petitions.services import forget_old_address_hashes, purge_unconfirmed_signatures


class Command(BaseCommand):
    help = (
        "Apply the retention periods: delete signatures never confirmed within seven days and forget "
        "address hashes after 30 days. Run it hourly (cron or a systemd timer)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        deleted = purge_unconfirmed_signatures()
        cleared = forget_old_address_hashes()
        self.stdout.write(f"Deleted {deleted} unconfirmed signature(s); forgot the address of {cleared}.")
