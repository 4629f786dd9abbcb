from typing import Any

from django.core.management.base import BaseCommand

from stoptheharm.events.services import send_due_reminders


class Command(BaseCommand):
    help = (
        "E-mail a reminder (with the online link) to every confirmed attendee of an event that starts within the "
        "next 24 hours, once per registration. Run it hourly (cron or a systemd timer), beside apply_retention."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"Queued {send_due_reminders()} event reminder(s).")
