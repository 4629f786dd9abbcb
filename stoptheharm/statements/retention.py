"""The retention periods of endorsements, applied by `manage.py apply_retention` (hourly).

Kept apart from services.py, which holds the endorsing and moderation workflows; the privacy notice
reads the same periods (selectors.retention_periods).
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from stoptheharm.statements.models import DECIDED_STATES, Endorsement, EndorsementStatus, IndividualEndorsement
from stoptheharm.statements.tokens import CONFIRMATION_VALIDITY

ERASED_EMAIL_DOMAIN = "erased.invalid"


def purge_unconfirmed_endorsements(*, now: datetime | None = None) -> int:
    """Delete endorsements (organisations' and people's) never confirmed once their link has expired."""
    expired = (now or timezone.now()) - CONFIRMATION_VALIDITY
    never_confirmed = Q(status=EndorsementStatus.PENDING, created_at__lt=expired)
    deleted = Endorsement.objects.filter(never_confirmed).delete()[0]
    return deleted + IndividualEndorsement.objects.filter(never_confirmed).delete()[0]


def erase_endorsement_contacts(*, now: datetime | None = None) -> int:
    """Erase contacts' names and addresses once their endorsement was decided STATEMENT_CONTACTS_ERASE_AFTER_DAYS ago.

    The organisation (or the person's public name, country and affiliation) stays on the list; the
    address of a person becomes a unique placeholder, so that the one-signature-per-address rule holds.
    Returns how many endorsements were erased.
    """
    cutoff = (now or timezone.now()) - timedelta(days=settings.STATEMENT_CONTACTS_ERASE_AFTER_DAYS)
    decided_long_ago = Q(status__in=DECIDED_STATES, moderated_at__lt=cutoff)
    erased = (
        Endorsement.objects.filter(decided_long_ago)
        .exclude(contact_name="", contact_email="")
        .update(contact_name="", contact_email="", secret="")
    )
    people = IndividualEndorsement.objects.filter(decided_long_ago).exclude(email__endswith=f"@{ERASED_EMAIL_DOMAIN}")
    for person_id in people.values_list("pk", flat=True):
        IndividualEndorsement.objects.filter(pk=person_id).update(email=f"{person_id}@{ERASED_EMAIL_DOMAIN}", secret="")
        erased += 1
    return erased


def apply_endorsement_retention() -> str:
    """Both periods, for `manage.py apply_retention`; returns its line of output."""
    purged = purge_unconfirmed_endorsements()
    erased = erase_endorsement_contacts()
    return f"Deleted {purged} unconfirmed endorsement(s); erased the contacts of {erased}."
