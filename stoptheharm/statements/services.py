"""Every write to endorsements.

The public form and the API call `submit_endorsement` (limits, duplicate detection, the e-mailed
confirmation link), which records with `record_endorsement`; the link confirms with
`confirm_endorsement_link`. Moderators approve, reject or merge here; each decision is in the audit log.
"""

from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from stoptheharm.core.spreadsheets import Writable, write_csv
from stoptheharm.core.text import normalise_email
from stoptheharm.organisations.models import Organisation
from stoptheharm.organisations.names import normalise_organisation_name
from stoptheharm.organisations.selectors import MatchReason, find_similar_organisations
from stoptheharm.organisations.services import create_organisation
from stoptheharm.statements import exports, limits, tokens
from stoptheharm.statements.consents import individual_consent_record, organisation_consent_record
from stoptheharm.statements.models import (
    ACTIVE_STATES,
    Endorsement,
    EndorsementStatus,
    IndividualEndorsement,
    StatementPage,
)
from stoptheharm.statements.selectors import duplicate_candidates
from stoptheharm.statements.tasks import send_endorsement_confirmation

APPROVE_LOG_ACTION = "stoptheharm.statements.approve_endorsement"
REJECT_LOG_ACTION = "stoptheharm.statements.reject_endorsement"
MERGE_LOG_ACTION = "stoptheharm.statements.merge_endorsement"
EXPORT_LOG_ACTION = "stoptheharm.statements.export_endorsements"
ALREADY_LISTED = _("This organisation has already signed this statement, or its endorsement is being checked.")
REASON_REQUIRED = _("Say why the endorsement is rejected.")
NOT_AUTHORISED = _("The contact must confirm that they may sign for the organisation.")


class StatementClosed(Exception):
    """The statement does not accept endorsements now."""


class AlreadyDecided(Exception):
    """The endorsement was approved or rejected already; a decision is not taken twice."""


class AlreadyEndorsed(Exception):
    """The organisation (or the person) is already on the statement's list, or waiting to be."""


class OverLimit(Exception):
    """Too many endorsements from this address or e-mail in the current window."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(retry_after)
        self.retry_after = retry_after


MUST_MERGE_FIRST = _(
    "The directory already has this organisation (same name or website): merge the endorsement with it instead."
)


@transaction.atomic
def record_endorsement(
    *,
    statement: StatementPage,
    contact_name: str,
    contact_email: str,
    language: str,
    confirms_authority: bool,
    organisation: Organisation | None = None,
    proposed: dict[str, Any] | None = None,
) -> Endorsement:
    """Store a pending endorsement for a directory organisation, or for a proposed new one (`proposed_*` fields).

    It belongs to the statement's default-language original, whichever translation was endorsed.
    Raises ValidationError (nothing stored) on bad input or when the organisation is already listed
    or pending on this statement; the database's constraint settles concurrent attempts.
    """
    if not statement.is_open_for_signing:
        raise StatementClosed(statement.pk)
    if not confirms_authority:
        raise ValidationError({"confirms_authority": NOT_AUTHORISED})
    if (organisation is None) == (proposed is None):
        raise ValueError("Give a directory organisation or a proposed one, not both or neither.")
    proposed_fields = {f"proposed_{name}": value for name, value in (proposed or {}).items()}
    endorsement = Endorsement(
        statement=statement.canonical,
        organisation=organisation,
        contact_name=contact_name.strip(),
        contact_email=normalise_email(contact_email),
        language=language,
        consents=organisation_consent_record(),
        secret=tokens.new_secret(),
        **proposed_fields,
    )
    endorsement.full_clean()  # the constraints too: a duplicate gets a sentence, not an IntegrityError
    try:
        with transaction.atomic():
            endorsement.save()
    except IntegrityError as error:  # another request stored the same organisation in the meantime
        raise ValidationError(ALREADY_LISTED) from error
    return endorsement


@transaction.atomic
def record_individual_endorsement(
    *, statement: StatementPage, name: str, email: str, country: str, affiliation: str, language: str
) -> IndividualEndorsement:
    """Store a pending signature of a person in their own name, on a statement that accepts individuals."""
    if not (statement.is_open_for_signing and statement.canonical.accepts_individuals):
        raise StatementClosed(statement.pk)
    endorsement = IndividualEndorsement(
        statement=statement.canonical,
        name=name.strip(),
        email=normalise_email(email),
        country=country,
        affiliation=affiliation.strip(),
        language=language,
        consents=individual_consent_record(),
        secret=tokens.new_secret(),
    )
    endorsement.full_clean()
    try:
        with transaction.atomic():
            endorsement.save()
    except IntegrityError as error:
        raise ValidationError(_("This address has already signed this statement.")) from error
    return endorsement


def submit_endorsement(
    *,
    statement: StatementPage,
    contact_name: str,
    contact_email: str,
    language: str,
    confirms_authority: bool,
    ip_address: str,
    organisation: Organisation | None = None,
    proposed: dict[str, Any] | None = None,
) -> Endorsement:
    """The public's endorsement (form or API): checked against the limits and the list, stored, and e-mailed.

    Raises StatementClosed, OverLimit, AlreadyEndorsed (the organisation is listed or waiting: by its
    directory entry, by a directory entry of exactly its name, or by another proposal of that name)
    or ValidationError (field by field). The contact confirms with the e-mailed link.
    """
    if not statement.is_open_for_signing:
        raise StatementClosed(statement.pk)
    canonical = statement.canonical
    address = normalise_email(contact_email)
    if limits.is_over_endorsing_limits(statement_id=canonical.pk, ip_address=ip_address, email=address):
        raise OverLimit(retry_after=limits.seconds_until_window_ends())
    if _is_listed_or_waiting(canonical, organisation, (proposed or {}).get("name", "")):
        raise AlreadyEndorsed(canonical.pk)
    endorsement = record_endorsement(
        statement=canonical,
        contact_name=contact_name,
        contact_email=address,
        language=language,
        confirms_authority=confirms_authority,
        organisation=organisation,
        proposed=proposed,
    )
    transaction.on_commit(
        lambda: send_endorsement_confirmation.enqueue(kind=tokens.ORGANISATION, endorsement_id=endorsement.pk)
    )
    return endorsement


def _is_listed_or_waiting(statement: StatementPage, organisation: Organisation | None, proposed_name: str) -> bool:
    active = Endorsement.objects.filter(statement=statement, status__in=ACTIVE_STATES)
    if organisation is not None:
        return active.filter(organisation=organisation).exists()
    same_name = [
        match.organisation.pk
        for match in find_similar_organisations(proposed_name)
        if match.reason == MatchReason.SAME_NAME
    ]
    if active.filter(organisation__in=same_name).exists():
        return True
    normalised = normalise_organisation_name(proposed_name)
    proposals = active.filter(organisation__isnull=True).values_list("proposed_name", flat=True)
    return any(normalise_organisation_name(name) == normalised for name in proposals)


def submit_individual_endorsement(
    *, statement: StatementPage, name: str, email: str, country: str, affiliation: str, language: str, ip_address: str
) -> IndividualEndorsement:
    """A person's signature from the form or the API: limits, one per address, stored and e-mailed.

    Raises StatementClosed, OverLimit, AlreadyEndorsed or ValidationError.
    """
    if not (statement.is_open_for_signing and statement.canonical.accepts_individuals):
        raise StatementClosed(statement.pk)
    canonical = statement.canonical
    address = normalise_email(email)
    if limits.is_over_endorsing_limits(statement_id=canonical.pk, ip_address=ip_address, email=address):
        raise OverLimit(retry_after=limits.seconds_until_window_ends())
    if IndividualEndorsement.objects.filter(statement=canonical, email=address, status__in=ACTIVE_STATES).exists():
        raise AlreadyEndorsed(canonical.pk)
    endorsement = record_individual_endorsement(
        statement=canonical, name=name, email=address, country=country, affiliation=affiliation, language=language
    )
    transaction.on_commit(
        lambda: send_endorsement_confirmation.enqueue(kind=tokens.INDIVIDUAL, endorsement_id=endorsement.pk)
    )
    return endorsement


def confirm_endorsement_link(*, token: str) -> Endorsement | IndividualEndorsement:
    """The contact pressed the button of the e-mailed link: the endorsement goes to moderation. Idempotent.

    Raises tokens.InvalidToken for an altered, expired or unknown link.
    """
    kind, endorsement_id, secret = tokens.read_confirmation_token(token)
    model = Endorsement if kind == tokens.ORGANISATION else IndividualEndorsement
    endorsement = model.objects.select_related("statement").filter(pk=endorsement_id).first()
    if endorsement is None or not tokens.secrets_match(secret, endorsement.secret):
        raise tokens.InvalidToken
    confirm_endorsement(endorsement=endorsement)
    return endorsement


@transaction.atomic
def add_signatory(
    *, statement: StatementPage, organisation: Organisation, user: AbstractBaseUser | None = None
) -> Endorsement:
    """Staff list an organisation that signed by other means (e-mail, a paper list), approved at once.

    Works on a closed statement too: a list gathered elsewhere is often entered afterwards. No contact
    is recorded. Raises ValidationError when the organisation is already listed or pending.
    """
    endorsement = Endorsement(
        statement=statement.canonical,
        organisation=organisation,
        status=EndorsementStatus.APPROVED,
        moderated_at=timezone.now(),
    )
    # The statement and organisation are rows already; the database's constraints settle the rest
    # (a duplicate raises IntegrityError below). Checking them here took most of a demo load's time.
    endorsement.full_clean(exclude=["statement", "organisation"], validate_constraints=False)
    try:
        with transaction.atomic():
            endorsement.save()
    except IntegrityError as error:
        raise ValidationError(ALREADY_LISTED) from error
    log(instance=endorsement, action=APPROVE_LOG_ACTION, user=user)
    return endorsement


def confirm_endorsement(*, endorsement: Endorsement | IndividualEndorsement) -> None:
    """The contact confirmed by e-mail: the endorsement goes to the moderators. Idempotent."""
    type(endorsement).objects.filter(pk=endorsement.pk, status=EndorsementStatus.PENDING).update(
        status=EndorsementStatus.AWAITING_MODERATION, confirmed_at=timezone.now()
    )
    endorsement.refresh_from_db(fields=["status", "confirmed_at"])


@transaction.atomic
def approve_endorsement(*, endorsement_id: int, user: AbstractBaseUser | None = None) -> Endorsement:
    """Put an endorsement on the public list; a proposed organisation is added to the directory first.

    Approving one that was already approved changes nothing; a rejected one raises AlreadyDecided.
    """
    endorsement = Endorsement.objects.select_for_update().get(pk=endorsement_id)
    if endorsement.status == EndorsementStatus.APPROVED:
        return endorsement
    if endorsement.status == EndorsementStatus.REJECTED:
        raise AlreadyDecided(endorsement_id)
    if endorsement.organisation is None:
        if any(candidate.score == 1.0 for candidate in duplicate_candidates(endorsement)):
            raise ValidationError(MUST_MERGE_FIRST)
        endorsement.organisation = create_organisation(
            name=endorsement.proposed_name,
            kind=endorsement.proposed_kind,
            countries=[endorsement.proposed_country.code] if endorsement.proposed_country else [],
            website=endorsement.proposed_website,
        )
    endorsement.status = EndorsementStatus.APPROVED
    endorsement.moderated_at = timezone.now()
    endorsement.full_clean()
    endorsement.save(update_fields=["organisation", "status", "moderated_at"])
    log(instance=endorsement, action=APPROVE_LOG_ACTION, user=user)
    return endorsement


@transaction.atomic
def merge_endorsement(
    *, endorsement_id: int, organisation_id: int, user: AbstractBaseUser | None = None
) -> Endorsement:
    """Link an undecided endorsement to a directory organisation, the one its proposed organisation is.

    Refused (ValidationError) when that organisation is already listed or waiting on the statement;
    a decided endorsement raises AlreadyDecided. The proposed details stay, for the record. Logged.
    """
    endorsement = Endorsement.objects.select_for_update().get(pk=endorsement_id)
    if endorsement.is_decided:
        raise AlreadyDecided(endorsement_id)
    organisation = Organisation.objects.get(pk=organisation_id)
    others = Endorsement.objects.filter(
        statement_id=endorsement.statement_id, organisation=organisation, status__in=ACTIVE_STATES
    ).exclude(pk=endorsement.pk)
    if others.exists():
        raise ValidationError(ALREADY_LISTED)
    endorsement.organisation = organisation
    try:
        with transaction.atomic():
            endorsement.save(update_fields=["organisation"])
    except IntegrityError as error:
        raise ValidationError(ALREADY_LISTED) from error
    log(
        instance=endorsement,
        action=MERGE_LOG_ACTION,
        user=user,
        data={
            "organisation_id": organisation.pk,
            "organisation": organisation.name,
            "proposed": endorsement.proposed_name,
        },
    )
    return endorsement


def reject_endorsement(*, endorsement_id: int, reason: str, user: AbstractBaseUser | None = None) -> Endorsement:
    """Keep an organisation's endorsement off the list, with the moderator's reason.

    The organisation may endorse again later. Rejecting one that was already rejected changes
    nothing; an approved one is taken off the list.
    """
    return _reject(Endorsement, endorsement_id, reason, user)


@transaction.atomic
def approve_individual_endorsement(
    *, endorsement_id: int, user: AbstractBaseUser | None = None
) -> IndividualEndorsement:
    """Put a person's signature on the list of individuals; a rejected one raises AlreadyDecided."""
    endorsement = IndividualEndorsement.objects.select_for_update().get(pk=endorsement_id)
    if endorsement.status == EndorsementStatus.REJECTED:
        raise AlreadyDecided(endorsement_id)
    if endorsement.status != EndorsementStatus.APPROVED:
        endorsement.status = EndorsementStatus.APPROVED
        endorsement.moderated_at = timezone.now()
        endorsement.save(update_fields=["status", "moderated_at"])
        log(instance=endorsement, action=APPROVE_LOG_ACTION, user=user)
    return endorsement


def reject_individual_endorsement(
    *, endorsement_id: int, reason: str, user: AbstractBaseUser | None = None
) -> IndividualEndorsement:
    """Keep a person's signature off the list, with the moderator's reason."""
    return _reject(IndividualEndorsement, endorsement_id, reason, user)


@transaction.atomic
def _reject(
    model: type[Endorsement] | type[IndividualEndorsement], pk: int, reason: str, user: AbstractBaseUser | None
) -> Any:
    if not reason.strip():
        raise ValidationError({"reason": REASON_REQUIRED})
    endorsement = model.objects.select_for_update().get(pk=pk)
    if endorsement.status != EndorsementStatus.REJECTED:
        endorsement.status = EndorsementStatus.REJECTED
        endorsement.rejection_reason = reason.strip()
        endorsement.moderated_at = timezone.now()
        endorsement.full_clean()
        endorsement.save(update_fields=["status", "rejection_reason", "moderated_at"])
        log(instance=endorsement, action=REJECT_LOG_ACTION, user=user, data={"reason": endorsement.rejection_reason})
    return endorsement


def export_endorsements(
    *, statement: StatementPage, individuals: bool, user: AbstractBaseUser, stream: Writable
) -> int:
    """Write the statement's endorsements with their contacts as CSV and log who exported what, when.

    `individuals` chooses people's signatures rather than organisations'. Returns the row count.
    """
    canonical = statement.canonical
    if individuals:
        header, rows = exports.STAFF_INDIVIDUALS_HEADER, list(exports.individual_endorsement_rows(canonical))
    else:
        header, rows = exports.STAFF_HEADER, list(exports.endorsement_rows(canonical))
    write_csv(header, rows, stream)
    kind = "individuals" if individuals else "organisations"
    log(instance=canonical, action=EXPORT_LOG_ACTION, user=user, data={"kind": kind, "rows": len(rows)})
    return len(rows)
