"""The retention periods of early-warning subscriptions, applied by `manage.py apply_retention`.

The privacy notice reads them through selectors.subscription_retention_periods.
"""

from datetime import datetime

from django.utils import timezone

from stoptheharm.alerts.models import AlertSubscription, SubscriptionStatus
from stoptheharm.alerts.tokens import CONFIRMATION_VALIDITY


def delete_unconfirmed_subscriptions(*, now: datetime | None = None) -> int:
    """Delete subscriptions not confirmed within their link's validity; returns how many."""
    now = now or timezone.now()
    return (
        AlertSubscription.objects.filter(
            status=SubscriptionStatus.PENDING_CONFIRMATION, created_at__lt=now - CONFIRMATION_VALIDITY
        )
        .delete()[1]
        .get(AlertSubscription._meta.label, 0)
    )


def apply_alert_retention() -> str:
    """For `manage.py apply_retention`; returns its line of output."""
    return f"Early warnings: deleted {delete_unconfirmed_subscriptions()} unconfirmed subscription(s)."
