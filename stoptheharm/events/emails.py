"""E-mails to attendees: plain text, in their language, no tracking; each has the link to cancel.

The online link goes only in the reminder (and on the attendee's own page), never in a link that
anyone could be sent before they confirmed their address.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from stoptheharm.events import tokens
from stoptheharm.events.models import ACTIVE_STATES, Registration, RegistrationStatus
from stoptheharm.events.timezones import when_text


class EmailKind:
    CONFIRM = "confirm"  # a new registration: confirm the address
    ALREADY_REGISTERED = "already_registered"  # someone registered an address that already is: its link again
    PROMOTED = "promoted"  # a place freed up for someone on the waiting list
    REMINDER = "reminder"  # the day before, with the online link


SUBJECTS = {
    EmailKind.CONFIRM: lambda title: _("Please confirm your registration: %(title)s") % {"title": title},
    EmailKind.ALREADY_REGISTERED: lambda title: _("Your registration: %(title)s") % {"title": title},
    EmailKind.PROMOTED: lambda title: _("A place is yours: %(title)s") % {"title": title},
    EmailKind.REMINDER: lambda title: _("Reminder: %(title)s starts soon") % {"title": title},
}


def _is_still_due(kind: str, registration: Registration) -> bool:
    if kind == EmailKind.CONFIRM:
        return registration.status == RegistrationStatus.PENDING
    if kind == EmailKind.ALREADY_REGISTERED:
        return registration.status in ACTIVE_STATES
    return registration.status == RegistrationStatus.CONFIRMED


def send_email(*, kind: str, registration_id: int) -> None:
    """Send one e-mail of `kind`, unless the registration is gone or its state no longer calls for it."""
    registration = Registration.objects.select_related("event").filter(pk=registration_id).first()
    if registration is None or kind not in SUBJECTS or not _is_still_due(kind, registration):
        return
    registration_email(kind, registration).send()


def registration_email(kind: str, registration: Registration) -> EmailMessage:
    """The e-mail of `kind` for this registration, in the language the person used."""
    event = registration.event
    with translation.override(registration.language or settings.LANGUAGE_CODE):
        token = tokens.registration_token(registration.pk, registration.secret)
        context = {
            "name": registration.name,
            "event": event,
            "when": when_text(event.starts_at, event.ends_at, event.time_zone),
            "status": registration.status,
            "page_url": settings.SITE_URL + reverse("events:registration", kwargs={"token": token}),
            "cancel_url": settings.SITE_URL + reverse("events:cancel", kwargs={"token": token}),
            "online_link": event.online_link if kind == EmailKind.REMINDER and event.is_online else "",
        }
        return EmailMessage(
            subject=SUBJECTS[kind](event.title),
            body=render_to_string(f"events/emails/{kind}.txt", context),
            to=[registration.email],
        )
