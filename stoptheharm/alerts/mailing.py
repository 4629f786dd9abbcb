"""Sending what tasks.py schedules: the subscription e-mails and a published alert to its subscribers."""

import logging
import smtplib
from contextlib import suppress

from django.core.mail import mailers
from django.db import IntegrityError, transaction

from stoptheharm.alerts.emails import alert_email, subscription_email
from stoptheharm.alerts.models import Alert, AlertDelivery, AlertSubscription
from stoptheharm.alerts.selectors import subscriptions_for_alert

logger = logging.getLogger(__name__)


def send_subscription_email(*, subscription_id: int, kind: str) -> None:
    """Unless the subscription was deleted meanwhile (unsubscribed, or never confirmed)."""
    subscription = AlertSubscription.objects.filter(pk=subscription_id).first()
    if subscription is not None:
        subscription_email(subscription, kind).send()


def send_alert_to_subscribers(*, alert_id: int) -> int:
    """E-mail a published alert to each subscriber of its country not sent it yet; returns how many were sent.

    The delivery row is written before its e-mail is sent, so two runs at once (a retry, a second
    worker) never send the same e-mail twice; a sending the mail server refused is forgotten, so
    running the task again sends what failed.
    """
    alert = Alert.objects.published().select_related("service").filter(pk=alert_id).first()
    if alert is None:
        return 0
    sent = 0
    mailer = mailers.default
    with suppress(smtplib.SMTPException, OSError):  # unreachable: each send below says so
        mailer.open()
    try:
        for subscription in subscriptions_for_alert(alert).exclude(deliveries__alert=alert):
            try:
                with transaction.atomic():
                    delivery = AlertDelivery.objects.create(alert=alert, subscription=subscription)
            except IntegrityError:  # another run got there first
                continue
            try:
                mailer.send_messages([alert_email(alert, subscription)])
            except (smtplib.SMTPException, OSError):
                logger.warning("Mail server refused alert %s for subscription %s", alert.pk, subscription.pk)
                delivery.delete()
            else:
                sent += 1
    finally:
        mailer.close()
    return sent
