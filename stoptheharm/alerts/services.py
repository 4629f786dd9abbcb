"""Early warnings: submitting, publishing and rejecting alerts; subscribing, confirming and unsubscribing."""

from datetime import date
from typing import Any

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from stoptheharm.alerts import limits
from stoptheharm.alerts.emails import SubscriptionEmail
from stoptheharm.alerts.models import Alert, AlertStatus, AlertSubscription, Finding, SubscriptionStatus
from stoptheharm.alerts.tasks import send_alert_to_subscribers, send_subscription_email
from stoptheharm.alerts.tokens import read_confirmation_token, read_unsubscribe_token
from stoptheharm.core.photos import clean_photo
from stoptheharm.core.text import normalise_email
from stoptheharm.core.tokens import InvalidToken, new_secret, secrets_match
from stoptheharm.organisations.models import Organisation

PUBLISH_LOG_ACTION = "stoptheharm.alerts.publish"
REJECT_LOG_ACTION = "stoptheharm.alerts.reject"


class AlertNotAwaitingReview(Exception):
    """The alert was already published or rejected (by someone else, perhaps a moment ago)."""


def clean_alert_photo(upload: UploadedFile) -> ContentFile:
    """The photo re-encoded without metadata (location, camera); raises ValidationError for a bad file."""
    photo = clean_photo(upload, max_bytes=settings.ALERT_PHOTO_MAX_BYTES, max_pixels=settings.ALERT_PHOTO_MAX_PIXELS)
    return photo.content


@transaction.atomic
def submit_alert(
    *,
    sold_as: str,
    findings: list[tuple[str, str]],
    country: str,
    sampled_on: date,
    advice: str,
    service: Organisation,
    photo: UploadedFile | None = None,
    **fields: Any,
) -> Alert:
    """Store an alert awaiting review; `findings` are (substance, amount) pairs, at least one.

    `fields` are the model's optional fields (place, severity, language, photo_description).
    """
    if not findings:
        raise ValidationError({"findings": _("Say what the service found in the sample.")})
    alert = Alert(sold_as=sold_as, country=country, sampled_on=sampled_on, advice=advice, service=service, **fields)
    alert.findings = [Finding(substance=substance, amount=amount) for substance, amount in findings]
    if photo is not None:
        try:
            cleaned = clean_alert_photo(photo)
        except ValidationError as error:
            raise ValidationError({"photo": error.error_list}) from error
        alert.photo.save(cleaned.name, cleaned, save=False)
    try:
        alert.full_clean()
        for finding in alert.findings.all():
            finding.full_clean(exclude=["alert"])
    except ValidationError:
        if alert.photo:
            alert.photo.delete(save=False)
        raise
    alert.save()
    return alert


@transaction.atomic
def publish_alert(*, alert: Alert, user: AbstractBaseUser | None) -> Alert:
    """Make a submitted alert public, record who published it and when, and e-mail its country's subscribers."""
    alert = _lock_submitted(alert)
    now = timezone.now()
    alert.status = AlertStatus.PUBLISHED
    alert.published_at = now
    _record_decision(alert, user, now, "published_at")
    log(instance=alert, action=PUBLISH_LOG_ACTION, user=user)
    alert_id = alert.pk
    transaction.on_commit(lambda: send_alert_to_subscribers.enqueue(alert_id=alert_id))
    return alert


@transaction.atomic
def reject_alert(*, alert: Alert, user: AbstractBaseUser | None, reason: str) -> Alert:
    """Turn a submitted alert down, with the reason for its authors; it is never shown publicly."""
    if not reason.strip():
        raise ValidationError({"rejection_reason": _("Give the reason, for the alert's authors.")})
    alert = _lock_submitted(alert)
    alert.status = AlertStatus.REJECTED
    alert.rejection_reason = reason.strip()
    _record_decision(alert, user, timezone.now(), "rejection_reason")
    log(instance=alert, action=REJECT_LOG_ACTION, user=user, data={"reason": alert.rejection_reason})
    return alert


def _lock_submitted(alert: Alert) -> Alert:
    locked = Alert.objects.select_for_update().get(pk=alert.pk)
    if locked.status != AlertStatus.SUBMITTED:
        raise AlertNotAwaitingReview(locked.pk)
    return locked


def _record_decision(alert: Alert, user: AbstractBaseUser | None, now: Any, *fields: str) -> None:
    alert.decided_by = user if user is not None and user.is_authenticated else None
    alert.decided_at = now
    alert.save(update_fields=["status", "decided_by", "decided_at", *fields])


def subscribe(*, email: str, countries: list[str], language: str, ip_address: str) -> None:
    """Ask for early warnings of `countries` (empty: every country) at an address; it must confirm by e-mail.

    Returns nothing on purpose: whether the address is subscribed is never told to the caller. A new
    address, or one still unconfirmed (its choices replaced), is sent the confirmation link; a
    confirmed one is told that it is subscribed already and how to change or stop. Over the limits
    nothing is stored or sent.
    """
    address = normalise_email(email)
    if limits.is_over_subscription_limits(ip_address=ip_address, email=address):
        return
    with transaction.atomic():
        subscription = AlertSubscription.objects.select_for_update().filter(email=address).first()
        if subscription is not None and subscription.status == SubscriptionStatus.CONFIRMED:
            _email_subscriber(subscription, SubscriptionEmail.ALREADY_SUBSCRIBED)
            return
        if subscription is None:
            subscription = AlertSubscription(email=address, secret=new_secret())
        subscription.countries = sorted(set(countries))
        subscription.language = language
        subscription.full_clean()
        subscription.save()
        _email_subscriber(subscription, SubscriptionEmail.CONFIRM)


@transaction.atomic
def confirm_subscription(*, token: str) -> AlertSubscription:
    """The subscriber confirms: alerts published from now on are sent. Confirming again changes nothing."""
    subscription_id, secret = read_confirmation_token(token)
    subscription = AlertSubscription.objects.select_for_update().filter(pk=subscription_id).first()
    if subscription is None or not secrets_match(secret, subscription.secret):
        raise InvalidToken
    if subscription.status == SubscriptionStatus.PENDING_CONFIRMATION:
        subscription.status = SubscriptionStatus.CONFIRMED
        subscription.confirmed_at = timezone.now()
        subscription.save(update_fields=["status", "confirmed_at"])
    return subscription


def unsubscribe(*, token: str) -> None:
    """Delete the subscription the link belongs to, with its record of e-mails sent; again, nothing happens.

    Raises InvalidToken only for a link that was altered; a subscription already gone is no error.
    """
    subscription_id, secret = read_unsubscribe_token(token)
    subscription = AlertSubscription.objects.filter(pk=subscription_id).first()
    if subscription is not None and secrets_match(secret, subscription.secret):
        subscription.delete()


def _email_subscriber(subscription: AlertSubscription, kind: str) -> None:
    subscription_id = subscription.pk
    transaction.on_commit(lambda: send_subscription_email.enqueue(subscription_id=subscription_id, kind=kind))
