from typing import Any

from django.core.management.base import BaseCommand

from stoptheharm.core.retention import apply_registered_retention
from stoptheharm.organisations.services import apply_application_retention
from stoptheharm.petitions.services import (
    anonymise_closed_petitions,
    forget_old_address_hashes,
    purge_unconfirmed_signatures,
    schedule_email_delivery,
)


class Command(BaseCommand):
    help = (
        "Apply the retention periods: delete signatures never confirmed within seven days, forget address "
        "hashes after 30 days, erase signers' names and addresses once a petition has been closed for "
        "PETITION_ANONYMISE_AFTER_DAYS; delete applications to join never confirmed within seven days, and erase the "
        "contact of decided ones after ORGANISATION_APPLICATION_ERASE_AFTER_DAYS; delete endorsements of statements "
        "never confirmed within seven days, and erase endorsers' contact names and addresses "
        "STATEMENT_CONTACTS_ERASE_AFTER_DAYS after the decision; delete event registrations never confirmed within "
        "seven days, and erase attendees EVENT_REGISTRATIONS_ERASE_AFTER_DAYS after their event. "
        "Run it hourly (cron or a systemd timer). "
        "It also has the worker send any "
        "e-mail still waiting, should the process that stored it have stopped before asking."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        deleted = purge_unconfirmed_signatures()
        cleared = forget_old_address_hashes()
        erased = anonymise_closed_petitions()
        schedule_email_delivery()
        applications = apply_application_retention()
        self.stdout.write(
            f"Deleted {deleted} unconfirmed signature(s); forgot the address of {cleared}; anonymised {erased}. "
            f"Deleted {applications.deleted} unconfirmed application(s); forgot the address of "
            f"{applications.forgotten_addresses}; erased the contact of {applications.erased_contacts}."
        )
        for report in apply_registered_retention():  # the other apps' periods (statements, events)
            self.stdout.write(report)
