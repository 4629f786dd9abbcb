from django.tasks import task

from stoptheharm.alerts import mailing


@task()
def send_subscription_email(subscription_id: int, kind: str) -> None:
    """E-mail a subscriber the confirmation link, or that the address is already subscribed."""
    mailing.send_subscription_email(subscription_id=subscription_id, kind=kind)


@task()
def send_alert_to_subscribers(alert_id: int) -> None:
    """E-mail a published alert to the confirmed subscribers of its country, each once."""
    mailing.send_alert_to_subscribers(alert_id=alert_id)
