"""Sending what tasks.py schedules: the subscription e-mails and a published alert to its subscribers."""

from django.core.mail import get_connection
from django.db import IntegrityError, transaction

from stoptheharm.alerts.emails import alert_email, subscription_email
from stoptheharm.alerts.models import Alert, AlertDelivery, AlertSubscription
from stoptheharm.alerts.selectors import subscriptions_for_alert


def send_subscription_email(*, subscription_id: int, kind: str) -> None:
    """Unless the subscription was deleted meanwhile (unsubscribed, or never confirmed)."""
    subscription = AlertSubscription.objects.filter(pk=subscription_id).first()
    if subscription is not None:
        subscription_email(subscription, kind).send()


def send_alert_to_subscribers(*, alert_id: int) -> int:
    """E-mail a published alert to each subscriber of its country not sent it yet; returns how many were sent.

    The delivery row is written before its e-mail is sent, so a task run twice (a retry, a second
    worker) sends each e-mail at most once: a failed sending is not repeated, rather than risk two.
    """
    alert = Alert.objects.published().select_related("service").filter(pk=alert_id).first()
    if alert is None:
        return 0
    sent = 0
    with get_connection() as connection:
        for subscription in subscriptions_for_alert(alert).exclude(deliveries__alert=alert):
            try:
                with transaction.atomic():
                    AlertDelivery.objects.create(alert=alert, subscription=subscription)
            except IntegrityError:  # another run got there first
                continue
            message = alert_email(alert, subscription)
            message.connection = connection
            message.send()
            sent += 1
    return sent
