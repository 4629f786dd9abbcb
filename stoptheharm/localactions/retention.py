"""The retention periods of local actions, applied by `manage.py apply_retention`; the privacy notice reads them.

The public part of an approved action (what, where, when, the organisation) stays as the record of the
day; the organiser's name, address and private links go.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone

from stoptheharm.localactions import limits
from stoptheharm.localactions.models import ActionStatus, LocalAction
from stoptheharm.localactions.tokens import CONFIRMATION_VALIDITY


@dataclass(frozen=True)
class LocalActionRetentionReport:
    deleted: int
    forgotten_addresses: int
    erased_contacts: int


def apply_retention(*, now: datetime | None = None) -> LocalActionRetentionReport:
    """Apply the retention periods of local actions, which the privacy notice states.

    Deletes actions never confirmed within their link's validity, forgets address hashes after 30 days,
    and erases organisers' contacts LOCAL_ACTION_CONTACTS_ERASE_AFTER_DAYS after the day. Running it
    again changes nothing.
    """
    now = now or timezone.now()
    deleted = LocalAction.objects.filter(
        status=ActionStatus.PENDING_CONFIRMATION, created_at__lt=now - CONFIRMATION_VALIDITY
    ).delete()[0]
    forgotten = (
        LocalAction.objects.filter(created_at__lt=now - limits.ADDRESS_HASH_RETENTION)
        .exclude(ip_hash="")
        .update(ip_hash="")
    )
    last_day = timezone.localdate(now) - timedelta(days=settings.LOCAL_ACTION_CONTACTS_ERASE_AFTER_DAYS)
    erased = LocalAction.objects.filter(day__day__lt=last_day, contact_erased_at__isnull=True).update(
        contact_name="", contact_email="", secret="", ip_hash="", contact_erased_at=now
    )
    return LocalActionRetentionReport(deleted=deleted, forgotten_addresses=forgotten, erased_contacts=erased)


def apply_local_action_retention() -> str:
    """For `manage.py apply_retention`; returns its line of output."""
    report = apply_retention()
    return (
        f"Local actions: deleted {report.deleted} unconfirmed; forgot {report.forgotten_addresses} address hash(es); "
        f"erased the contacts of {report.erased_contacts}."
    )
