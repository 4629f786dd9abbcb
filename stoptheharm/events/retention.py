"""The retention periods of registrations, applied by `manage.py apply_retention` (hourly).

The privacy notice reads the same periods (selectors.retention_periods).
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import CharField, Value
from django.db.models.functions import Cast, Concat
from django.utils import timezone

from stoptheharm.events.models import Registration, RegistrationStatus

UNCONFIRMED_VALIDITY = timedelta(days=7)
ERASED_EMAIL_DOMAIN = "erased.invalid"


def purge_unconfirmed_registrations(*, now: datetime | None = None) -> int:
    """Delete registrations never confirmed within UNCONFIRMED_VALIDITY."""
    expired = (now or timezone.now()) - UNCONFIRMED_VALIDITY
    return Registration.objects.filter(status=RegistrationStatus.PENDING, created_at__lt=expired).delete()[0]


def erase_past_attendees(*, now: datetime | None = None) -> int:
    """Erase names, addresses and organisations EVENT_REGISTRATIONS_ERASE_AFTER_DAYS after the event ended.

    The rows stay (how many came, for the organisers' reports); each address becomes a unique placeholder,
    so that the one-registration-per-address rule holds. Returns how many were erased.
    """
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.EVENT_REGISTRATIONS_ERASE_AFTER_DAYS)
    return Registration.objects.filter(event__ends_at__lt=cutoff, anonymised_at__isnull=True).update(
        name="",
        email=Concat(Cast("pk", CharField()), Value(f"@{ERASED_EMAIL_DOMAIN}")),
        organisation_name="",
        secret="",
        anonymised_at=now,
    )


def apply_registration_retention() -> str:
    """Both periods, for `manage.py apply_retention`; returns its line of output."""
    purged = purge_unconfirmed_registrations()
    erased = erase_past_attendees()
    return f"Deleted {purged} unconfirmed event registration(s); erased the attendees of {erased}."
