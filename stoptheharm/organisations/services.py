"""Writes to the directory of organisations, and the applications to join the coalition."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.search.backends import get_search_backends

from stoptheharm.core.text import normalise_email
from stoptheharm.core.tokens import InvalidToken, new_secret, secrets_match
from stoptheharm.organisations import limits
from stoptheharm.organisations.consents import consent_record
from stoptheharm.organisations.emails import ApplicationEmail
from stoptheharm.organisations.imports import OrganisationFileError, OrganisationRow
from stoptheharm.organisations.models import (
    DECIDED_STATES,
    ApplicationStatus,
    Organisation,
    OrganisationApplication,
)
from stoptheharm.organisations.names import normalise_organisation_name
from stoptheharm.organisations.tasks import send_application_email
from stoptheharm.organisations.tokens import CONFIRMATION_VALIDITY, read_confirmation_token

# Derived on save, so never a reason to refuse a row.
DERIVED_FIELDS = ["normalised_name", "search_name"]


def create_organisation(*, name: str, kind: str, **fields: Any) -> Organisation:
    """Validate and store a new organisation; `fields` are any other of the model's fields."""
    organisation = Organisation(name=name, kind=kind, **fields)
    organisation.full_clean(exclude=DERIVED_FIELDS)
    organisation.save()
    return organisation


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _PlannedRow:
    organisation: Organisation
    is_new: bool
    is_changed: bool


@transaction.atomic
def import_organisations(rows: list[OrganisationRow], *, update_existing: bool = True) -> ImportReport:
    """Create or update one organisation per row, matched on the normalised name; all rows or none.

    Every row is validated as the model validates it before the first is stored, and a row naming the
    same organisation as an earlier one is refused, so a re-import updates and never duplicates.
    With `update_existing=False` organisations already in the directory are left as they are
    (the demo content does this, to keep editors' changes).
    """
    report = ImportReport()
    first_line_by_name: dict[str, int] = {}
    planned = []
    for row in rows:  # first every row's name, so that nothing is looked up for a file refused
        normalised = normalise_organisation_name(row.fields["name"])
        if normalised in first_line_by_name:
            raise OrganisationFileError(
                _("The same organisation as line %(line)d (compared without case, accents, punctuation, legal form).")
                % {"line": first_line_by_name[normalised]},
                row.line,
            )
        first_line_by_name[normalised] = row.line
    existing = _organisations_by_normalised_name(list(first_line_by_name))
    for row in rows:
        match = existing.get(normalise_organisation_name(row.fields["name"]))
        planned.append(_plan_row(row, match, update_existing=update_existing))
    for plan in planned:
        if not plan.is_changed:
            report.unchanged.append(plan.organisation.name)
        elif not plan.is_new:
            plan.organisation.save()
            report.updated.append(plan.organisation.name)
    _create_in_bulk([plan.organisation for plan in planned if plan.is_new])
    report.created += [plan.organisation.name for plan in planned if plan.is_new]
    return report


def _create_in_bulk(organisations: list[Organisation]) -> None:
    """Insert new organisations and index them for the admin's search in a few queries.

    Saving one by one ran a search-index and a reference-index task per organisation: over a second
    for the demo's 335. New rows from a file have no logo, so they reference nothing to index.
    """
    for organisation in organisations:
        organisation.derive_names()
    created = Organisation.objects.bulk_create(organisations, batch_size=500)
    for backend in get_search_backends():
        backend.add_bulk(Organisation, created)


def _organisations_by_normalised_name(names: list[str]) -> dict[str, Organisation]:
    """One query for the whole file; should the directory hold two entries under one name, the older."""
    found: dict[str, Organisation] = {}
    for organisation in Organisation.objects.filter(normalised_name__in=names).order_by("-pk"):
        found[organisation.normalised_name] = organisation
    return found


def _plan_row(row: OrganisationRow, existing: Organisation | None, *, update_existing: bool) -> _PlannedRow:
    """The row's organisation (found in the directory, or new) with the row's fields set and validated."""
    if existing is not None and not update_existing:
        return _PlannedRow(existing, is_new=False, is_changed=False)
    organisation = existing or Organisation()
    is_changed = existing is None
    for name, value in row.fields.items():
        current = getattr(organisation, name)
        if name == "countries":
            current, value = sorted(country.code for country in current), sorted(value)
        if current != value:
            setattr(organisation, name, value)
            is_changed = True
    try:
        organisation.full_clean(exclude=DERIVED_FIELDS)
    except ValidationError as error:
        raise OrganisationFileError(_describe(error), row.line) from error
    return _PlannedRow(organisation, is_new=existing is None, is_changed=is_changed)


def _describe(error: ValidationError) -> str:
    """One "column: message" per field at fault, e.g. "website: Enter a valid URL."."""
    return " ".join(
        f"{name}: {' '.join(messages)}" if name != NON_FIELD_ERRORS else " ".join(messages)
        for name, messages in error.message_dict.items()
    )


# "Join the coalition": applications, confirmed by their contact, then moderated.

APPROVE_APPLICATION_LOG_ACTION = "stoptheharm.organisations.approve_application"
REJECT_APPLICATION_LOG_ACTION = "stoptheharm.organisations.reject_application"
DIRECTORY_FIELDS = ("name", "short_name", "kind", "scope", "region", "countries", "website", "languages", "description")
OPEN_STATES = (ApplicationStatus.PENDING_CONFIRMATION, ApplicationStatus.AWAITING_MODERATION)


class ApplicationNotAwaitingModeration(Exception):
    """The application is unconfirmed or already decided (by someone else, perhaps a moment ago)."""


def submit_application(*, language: str, ip_address: str, contact_email: str, **fields: Any) -> None:
    """Record an application waiting for its contact's confirmation, and e-mail them the link.

    Returns nothing on purpose: whether the organisation applied before, or is listed, is not told to
    the caller. Over the limits nothing is stored or sent. An application still open from the same
    address for the same organisation (compared as the directory compares names) is not repeated:
    an unconfirmed one has its link sent again, within the same limits.
    """
    address = normalise_email(contact_email)
    ip_hash = limits.address_hash(ip_address)
    if limits.is_over_application_limits(ip_hash=ip_hash, email=address):
        return
    normalised = normalise_organisation_name(fields["name"])
    for earlier in OrganisationApplication.objects.filter(contact_email=address, status__in=OPEN_STATES):
        if normalise_organisation_name(earlier.name) == normalised:
            if earlier.status == ApplicationStatus.PENDING_CONFIRMATION:
                _email_contact(earlier, ApplicationEmail.CONFIRM)
            return
    application = OrganisationApplication(
        **fields,
        contact_email=address,
        language=language,
        consents=consent_record(),
        secret=new_secret(),
        ip_hash=ip_hash,
    )
    application.full_clean()
    application.save()
    _email_contact(application, ApplicationEmail.CONFIRM)


@transaction.atomic
def confirm_application(*, token: str) -> OrganisationApplication:
    """The contact confirms: the application goes to the moderators. Confirming again changes nothing."""
    application_id, secret = read_confirmation_token(token)
    application = OrganisationApplication.objects.select_for_update().filter(pk=application_id).first()
    if application is None or not secrets_match(secret, application.secret):
        raise InvalidToken
    if application.status == ApplicationStatus.PENDING_CONFIRMATION:
        application.status = ApplicationStatus.AWAITING_MODERATION
        application.confirmed_at = timezone.now()
        application.save(update_fields=["status", "confirmed_at"])
    return application


@transaction.atomic
def approve_application(
    *, application: OrganisationApplication, user: AbstractBaseUser | None, organisation: Organisation | None = None
) -> Organisation:
    """Make the applicant a coalition member: a new directory entry, or `organisation` (an existing one) merged into.

    Merging keeps what the directory already says and fills only its empty fields from the application
    (the contact address too), so staff's corrections survive. The decision is logged and e-mailed.
    """
    application = _lock_awaiting(application)
    details = {name: getattr(application, name) for name in DIRECTORY_FIELDS}
    if organisation is None:
        organisation = create_organisation(**details, contact_email=application.contact_email, is_member=True)
    else:
        organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
        for name, value in (details | {"contact_email": application.contact_email}).items():
            if value and not getattr(organisation, name):
                setattr(organisation, name, value)
        organisation.is_member = True
        organisation.full_clean(exclude=DERIVED_FIELDS)
        organisation.save()
    application.organisation = organisation
    _decide(application, ApplicationStatus.APPROVED, user, "organisation")
    log(
        instance=application,
        action=APPROVE_APPLICATION_LOG_ACTION,
        user=user,
        data={"organisation": organisation.pk, "organisation_name": organisation.name},
    )
    return organisation


@transaction.atomic
def reject_application(
    *, application: OrganisationApplication, user: AbstractBaseUser | None, reason: str
) -> OrganisationApplication:
    """Turn the application down with a reason, which the contact is sent; logged."""
    if not reason.strip():
        raise ValidationError({"rejection_reason": _("Give the reason: it is sent to the applicant.")})
    application = _lock_awaiting(application)
    application.rejection_reason = reason.strip()
    _decide(application, ApplicationStatus.REJECTED, user, "rejection_reason")
    log(instance=application, action=REJECT_APPLICATION_LOG_ACTION, user=user, data={"reason": reason.strip()})
    return application


def _lock_awaiting(application: OrganisationApplication) -> OrganisationApplication:
    locked = OrganisationApplication.objects.select_for_update().get(pk=application.pk)
    if locked.status != ApplicationStatus.AWAITING_MODERATION:
        raise ApplicationNotAwaitingModeration(locked.pk)
    return locked


def _decide(application: OrganisationApplication, status: str, user: AbstractBaseUser | None, *fields: str) -> None:
    application.status = status
    application.decided_by = user if user is not None and user.is_authenticated else None
    application.decided_at = timezone.now()
    application.save(update_fields=["status", "decided_by", "decided_at", *fields])
    _email_contact(
        application, ApplicationEmail.APPROVED if status == ApplicationStatus.APPROVED else ApplicationEmail.REJECTED
    )


def _email_contact(application: OrganisationApplication, kind: str) -> None:
    application_id = application.pk
    transaction.on_commit(lambda: send_application_email.enqueue(application_id=application_id, kind=kind))


@dataclass(frozen=True)
class ApplicationRetentionReport:
    deleted: int
    forgotten_addresses: int
    erased_contacts: int


def apply_application_retention(*, now: datetime | None = None) -> ApplicationRetentionReport:
    """Apply the retention periods of applications, which the privacy notice states.

    Deletes applications never confirmed within their link's seven days, forgets address hashes after
    30 days, and erases the contact (name, address, reasons given) of decided applications
    ORGANISATION_APPLICATION_ERASE_AFTER_DAYS after the decision. Running it again changes nothing.
    """
    now = now or timezone.now()
    never_confirmed = OrganisationApplication.objects.filter(
        status=ApplicationStatus.PENDING_CONFIRMATION, created_at__lt=now - CONFIRMATION_VALIDITY
    )
    deleted, _by_model = never_confirmed.delete()
    forgotten = (
        OrganisationApplication.objects.filter(created_at__lt=now - limits.ADDRESS_HASH_RETENTION)
        .exclude(ip_hash="")
        .update(ip_hash="")
    )
    erased = OrganisationApplication.objects.filter(
        status__in=DECIDED_STATES,
        decided_at__lt=now - timedelta(days=settings.ORGANISATION_APPLICATION_ERASE_AFTER_DAYS),
        contact_erased_at__isnull=True,
    ).update(contact_name="", contact_email="", motivation="", secret="", ip_hash="", contact_erased_at=now)
    return ApplicationRetentionReport(deleted=deleted, forgotten_addresses=forgotten, erased_contacts=erased)
