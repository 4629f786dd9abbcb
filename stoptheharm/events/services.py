"""Every write to registrations.

The public form and the API call `register_for_event` (limits, one registration per address, the
e-mailed link); the attendee confirms or cancels from that link. Capacity is decided with the
event's row locked (PostgreSQL: SELECT ... FOR UPDATE), so that two confirmations cannot take the
last place and the waiting list is promoted in order.
"""

from datetime import datetime, timedelta

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.log_actions import log

from stoptheharm.core.spreadsheets import Writable, write_csv
from stoptheharm.core.text import normalise_email
from stoptheharm.events import exports, limits, tokens
from stoptheharm.events.consents import consent_record
from stoptheharm.events.emails import EmailKind
from stoptheharm.events.models import ACTIVE_STATES, EventPage, Registration, RegistrationStatus
from stoptheharm.events.tasks import send_registration_email

EXPORT_LOG_ACTION = "stoptheharm.events.export_registrations"
REMINDER_AHEAD = timedelta(hours=24)


class RegistrationClosed(Exception):
    """The event takes no registrations: it has started, or registration has closed."""


class OverLimit(Exception):
    def __init__(self, retry_after: int) -> None:
        super().__init__(retry_after)
        self.retry_after = retry_after


def _email_after_commit(kind: str, registration_id: int) -> None:
    transaction.on_commit(lambda: send_registration_email.enqueue(kind=kind, registration_id=registration_id))


def register_for_event(
    *, event: EventPage, name: str, email: str, organisation_name: str, language: str, ip_address: str
) -> Registration:
    """The public's registration (form or API): limits, one per address, stored pending and e-mailed.

    An address that is already registered (pending, confirmed or waiting) gets an e-mail with its
    link instead, and the caller shows the same page: nobody learns from the site who is registered.
    Raises RegistrationClosed, OverLimit or ValidationError (field by field). Registrations on a
    translated page belong to the default-language original: one list and one capacity per event.
    """
    event = event.canonical
    if not event.is_open_for_registration:
        raise RegistrationClosed(event.pk)
    address = normalise_email(email)
    if limits.is_over_registration_limits(event_id=event.pk, ip_address=ip_address, email=address):
        raise OverLimit(retry_after=limits.seconds_until_window_ends())
    with transaction.atomic():
        existing = _active_registration(event, address)
        if existing is not None:
            _email_after_commit(EmailKind.ALREADY_REGISTERED, existing.pk)
            return existing
        registration = Registration(
            event=event,
            name=name.strip(),
            email=address,
            organisation_name=organisation_name.strip(),
            language=language,
            consents=consent_record(),
            secret=tokens.new_secret(),
        )
        registration.full_clean(exclude=["event"], validate_constraints=False)  # the database checks uniqueness
        try:
            with transaction.atomic():
                registration.save()
        except IntegrityError:  # the same address registered in the meantime
            registration = _active_registration(event, address)
            if registration is None:
                raise
            _email_after_commit(EmailKind.ALREADY_REGISTERED, registration.pk)
            return registration
        _email_after_commit(EmailKind.CONFIRM, registration.pk)
    return registration


def _active_registration(event: EventPage, address: str) -> Registration | None:
    return Registration.objects.filter(event=event, email=address, status__in=ACTIVE_STATES).first()


def registration_for_token(token: str) -> Registration:
    """The registration an e-mailed link stands for; raises tokens.InvalidToken for an altered or erased one."""
    registration_id, secret = tokens.read_registration_token(token)
    registration = Registration.objects.select_related("event").filter(pk=registration_id).first()
    if registration is None or not registration.secret or not tokens.secrets_match(secret, registration.secret):
        raise tokens.InvalidToken
    return registration


def _locked_event(event_id: int) -> EventPage:
    """The event, its row locked until the transaction ends: capacity decisions for it happen one at a time."""
    return EventPage.objects.select_for_update(of=("self",)).get(pk=event_id)


def _has_free_place(event: EventPage) -> bool:
    if event.capacity is None:
        return True
    taken = Registration.objects.filter(event=event, status=RegistrationStatus.CONFIRMED).count()
    return taken < event.capacity


@transaction.atomic
def confirm_registration(*, registration: Registration, now: datetime | None = None) -> Registration:
    """The attendee confirmed by e-mail: a place if one is free, else the end of the waiting list. Idempotent.

    Raises RegistrationClosed when the event no longer takes registrations.
    """
    event = _locked_event(registration.event_id)
    registration.refresh_from_db()
    if registration.status != RegistrationStatus.PENDING:
        return registration
    if not event.is_open_for_registration_at(now or timezone.now()):
        raise RegistrationClosed(event.pk)
    if _has_free_place(event):
        registration.status = RegistrationStatus.CONFIRMED
    else:
        registration.status = RegistrationStatus.WAITING
        registration.waiting_position = _next_waiting_position(event)
    registration.confirmed_at = now or timezone.now()
    registration.save(update_fields=["status", "waiting_position", "confirmed_at"])
    return registration


def _next_waiting_position(event: EventPage) -> int:
    last = (
        Registration.objects.filter(event=event, waiting_position__isnull=False)
        .order_by("-waiting_position")
        .values_list("waiting_position", flat=True)
        .first()
    )
    return (last or 0) + 1


@transaction.atomic
def cancel_registration(*, registration: Registration) -> Registration:
    """The attendee gave up the registration (any state); a freed place goes to the first on the waiting list.

    Cancelling twice changes nothing.
    """
    event = _locked_event(registration.event_id)
    registration.refresh_from_db()
    if registration.status == RegistrationStatus.CANCELLED:
        return registration
    freed_a_place = registration.status == RegistrationStatus.CONFIRMED
    registration.status = RegistrationStatus.CANCELLED
    registration.waiting_position = None
    registration.cancelled_at = timezone.now()
    registration.save(update_fields=["status", "waiting_position", "cancelled_at"])
    if freed_a_place and not event.is_past:
        promote_from_waiting_list(event=event)
    return registration


@transaction.atomic
def promote_from_waiting_list(*, event: EventPage) -> list[int]:
    """Give free places to the waiting list in order, each with an e-mail; returns the promoted ids.

    Run when a place frees up, and when editors raise the capacity.
    """
    event = _locked_event(event.pk)
    promoted = []
    waiting = Registration.objects.filter(event=event, status=RegistrationStatus.WAITING)
    while _has_free_place(event):
        first = waiting.order_by("waiting_position", "pk").first()
        if first is None:
            break
        first.status = RegistrationStatus.CONFIRMED
        first.waiting_position = None
        first.save(update_fields=["status", "waiting_position"])
        _email_after_commit(EmailKind.PROMOTED, first.pk)
        promoted.append(first.pk)
    return promoted


def send_due_reminders(*, now: datetime | None = None) -> int:
    """E-mail every confirmed attendee of a live event that starts within REMINDER_AHEAD; each only once.

    The registration is marked before its e-mail is queued, so that runs that overlap never send
    two; `manage.py send_event_reminders` runs it hourly. Returns how many were queued.
    """
    now = now or timezone.now()
    due = Registration.objects.filter(
        status=RegistrationStatus.CONFIRMED,
        reminded_at__isnull=True,
        event__live=True,
        event__starts_at__gt=now,
        event__starts_at__lte=now + REMINDER_AHEAD,
    )
    queued = 0
    for registration_id in due.values_list("pk", flat=True):
        if Registration.objects.filter(pk=registration_id, reminded_at__isnull=True).update(reminded_at=now):
            send_registration_email.enqueue(kind=EmailKind.REMINDER, registration_id=registration_id)
            queued += 1
    return queued


def export_registrations(*, event: EventPage, user: AbstractBaseUser, stream: Writable) -> int:
    """Write the event's registrations with names and addresses as CSV and log who exported, when, what.

    Returns the row count.
    """
    rows = list(exports.registration_rows(event))
    write_csv(exports.HEADER, rows, stream)
    log(instance=event, action=EXPORT_LOG_ACTION, user=user, data={"rows": len(rows)})
    return len(rows)
