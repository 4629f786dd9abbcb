"""How long learners' saved progress is kept, applied by `manage.py apply_retention`.

The privacy notice reads the same constants through selectors.learner_retention_periods.
"""

from datetime import datetime, timedelta

from django.db.models import Q
from django.utils import timezone

from stoptheharm.courses.models import Learner

UNCONFIRMED_DAYS = 7  # a request whose link was never opened
UNUSED_MONTHS = 12  # a confirmed learner whose link was not used since


def delete_stale_learners(*, now: datetime | None = None) -> int:
    """Delete requests never confirmed within seven days and progress unused for twelve months; returns how many."""
    now = now or timezone.now()
    unused_since = now - timedelta(days=round(UNUSED_MONTHS * 365.25 / 12))
    stale = Learner.objects.filter(
        Q(confirmed_at__isnull=True, created_at__lt=now - timedelta(days=UNCONFIRMED_DAYS))
        | Q(confirmed_at__isnull=False, last_used_at__lt=unused_since)
    )
    return stale.delete()[1].get(Learner._meta.label, 0)


def apply_learner_retention() -> str:
    """For `manage.py apply_retention`; returns its line of output."""
    return f"Courses: deleted {delete_stale_learners()} unconfirmed or unused saved progress record(s)."
