"""E-mails to subscribers: plain text and HTML, in the subscriber's language, no tracking of any kind.

Every e-mail to a subscriber carries a one-click unsubscribe: a link in the text, and the RFC 8058
headers with which a mail program offers its own button (a POST to the same address, no cookie needed).
"""

import email.policy
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from stoptheharm.alerts import tokens
from stoptheharm.alerts.models import Alert, AlertSubscription


class SubscriberEmail(EmailMultiAlternatives):
    """Headers kept on one line: a long List-Unsubscribe must not be folded into encoded words mail programs skip."""

    def message(self, *, policy: Any = email.policy.default) -> Any:
        return super().message(policy=policy.clone(max_line_length=998))  # RFC 5322's limit


class SubscriptionEmail:
    CONFIRM = "confirm"
    ALREADY_SUBSCRIBED = "already_subscribed"


SUBJECTS = {
    SubscriptionEmail.CONFIRM: lambda: _("Please confirm your subscription to Stop the Harm's early warnings"),
    SubscriptionEmail.ALREADY_SUBSCRIBED: lambda: _("You already get Stop the Harm's early warnings"),
}


def unsubscribe_url(subscription: AlertSubscription) -> str:
    token = tokens.unsubscribe_token(subscription.pk, subscription.secret)
    return settings.SITE_URL + reverse("alerts:unsubscribe", kwargs={"token": token})


def _unsubscribe_headers(url: str) -> dict[str, str]:
    return {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def subscription_email(subscription: AlertSubscription, kind: str) -> EmailMultiAlternatives:
    """The e-mail of the given kind (SubscriptionEmail) about a subscription, to its address."""
    with translation.override(subscription.language):
        token = tokens.confirmation_token(subscription.pk, subscription.secret)
        context = {
            "subscription": subscription,
            "kind": kind,
            "country_names": [str(country.name) for country in subscription.countries],
            "confirm_url": settings.SITE_URL + reverse("alerts:confirm", kwargs={"token": token}),
            "unsubscribe_url": unsubscribe_url(subscription),
            "alerts_url": settings.SITE_URL + reverse("alerts:list"),
        }
        headers = {} if kind == SubscriptionEmail.CONFIRM else _unsubscribe_headers(context["unsubscribe_url"])
        return _message(SUBJECTS[kind](), "alerts/emails/subscription", context, subscription.email, headers)


def alert_email(alert: Alert, subscription: AlertSubscription) -> EmailMultiAlternatives:
    """A published alert, to one subscriber; the alert's own words stay in the language it was written in."""
    with translation.override(subscription.language):
        context = {
            "alert": alert,
            "subscription": subscription,
            "findings": list(alert.findings.all()),
            "alert_url": settings.SITE_URL + alert.get_absolute_url(),
            "unsubscribe_url": unsubscribe_url(subscription),
        }
        subject = _("%(severity)s: %(found)s in “%(sold_as)s”, %(country)s") % {
            "severity": alert.get_severity_display(),
            "found": alert.found,
            "sold_as": alert.sold_as,
            "country": alert.country.name,
        }
        headers = _unsubscribe_headers(context["unsubscribe_url"])
        return _message(subject, "alerts/emails/alert", context, subscription.email, headers)


def _message(
    subject: str, template: str, context: dict, address: str, headers: dict[str, str]
) -> EmailMultiAlternatives:
    message = SubscriberEmail(
        subject=" ".join(subject.split()),  # no line break from a typed text can reach the header
        body=render_to_string(f"{template}.txt", context),
        to=[address],
        headers=headers,
    )
    message.attach_alternative(render_to_string(f"{template}.html", context), "text/html")
    return message
