"""Every write to petitions and signatures."""

from collections import Counter
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.cache import cache, caches
from django.db import IntegrityError, transaction
from django.db.models import F, Q, QuerySet
from django.utils import timezone
from wagtail.log_actions import log

from stoptheharm.core.inserts import insert_row
from stoptheharm.core.spreadsheets import Writable
from stoptheharm.core.text import normalise_email
from stoptheharm.petitions import challenge, exports, limits, tokens, trending
from stoptheharm.petitions.consents import consent_record
from stoptheharm.petitions.models import (
    ANONYMISED_EMAIL_DOMAIN,
    PetitionPage,
    PetitionState,
    Signature,
    SignatureCountChange,
    SignatureStatus,
    SignerEmail,
)
from stoptheharm.petitions.selectors import counts_cache_key, signature_for_link
from stoptheharm.petitions.tasks import fold_counts, send_due_emails

MAX_EMAILS_PER_SIGNATURE = 3
# Every field of a new signature but what the signer typed: sign_petition makes these itself.
GENERATED_FIELDS = [field.name for field in Signature._meta.concrete_fields if field.name not in {"name", "email"}]


class PetitionClosed(Exception):
    """The petition does not accept signatures now."""


class OverLimit(Exception):
    """Too many signatures from this address or e-mail in the current window."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(retry_after)
        self.retry_after = retry_after


def sign_petition(
    *,
    petition: PetitionPage,
    name: str,
    email: str,
    country: str,
    language: str,
    is_public: bool,
    wants_updates: bool,
    ip_address: str,
    looks_automated: bool = False,
    hold_over_limits: bool = True,
    hold: bool = False,
) -> None:
    """Record a pending signature and e-mail its confirmation link.

    Returns nothing on purpose: a new address and one that already signed look the same to the
    caller; only the mailbox's owner learns which it was, from the e-mail. A signature over the
    limits, or from a form filled in faster than a person types, is held for staff the same way
    (or, for API clients, which can wait and retry, refused with OverLimit), and counts towards
    switching the petition's challenge on. `hold` holds it whatever else (the API while the
    challenge is on); that alone is not counted, so the challenge cannot keep itself on.
    """
    if not petition.is_open_for_signing:
        raise PetitionClosed(petition.pk)
    address = normalise_email(email)
    ip_hash = limits.address_hash(petition.pk, ip_address)
    over_limits = limits.is_over_signing_limits(petition_id=petition.pk, ip_hash=ip_hash, email=address)
    if over_limits or looks_automated:
        challenge.record_caught_submission(petition_id=petition.pk)
    if over_limits and not hold_over_limits:
        raise OverLimit(retry_after=limits.seconds_until_window_ends())
    signature = Signature(
        petition=petition,
        name=name,
        email=address,
        country=country,
        language=language,
        is_public=is_public,
        wants_updates=wants_updates,
        consents=consent_record(is_public=is_public, wants_updates=wants_updates),
        secret=tokens.new_secret(),
        status=SignatureStatus.HELD if over_limits or looks_automated or hold else SignatureStatus.PENDING,
        ip_hash=ip_hash,
        network_hash=limits.network_hash(petition.pk, ip_address),
        emails_sent=1,
        email_due=SignerEmail.CONFIRM,
    )
    # What the signer typed is checked again here; the rest was just looked up or made above, and
    # checking every field of the model took a tenth of the signing path. The database's
    # constraints settle uniqueness.
    signature.full_clean(exclude=GENERATED_FIELDS, validate_unique=False, validate_constraints=False)
    try:
        _insert(signature)
    except IntegrityError:  # the database's unique constraint settles concurrent attempts
        _email_signer(Signature.objects.filter(petition=petition, email=address), SignerEmail.ALREADY_SIGNED)
    else:
        transaction.on_commit(schedule_email_delivery)


def _insert(signature: Signature) -> None:
    """Save a new signature; a duplicate raises IntegrityError and leaves any outer transaction usable.

    Outside a transaction the INSERT is its own (one round trip, where atomic() would take three);
    inside one, a savepoint keeps a refused INSERT from spoiling it. The statement is built once
    (core.inserts); no signal listens to new signatures (tests/test_services.py checks it).
    """
    if transaction.get_connection().in_atomic_block:
        with transaction.atomic():
            insert_row(signature)
    else:
        insert_row(signature)


def resend_confirmation(*, petition: PetitionPage, email: str, ip_address: str) -> None:
    """Send the confirmation link again to an address that signed and has not confirmed.

    Says nothing either way, and counts against the same limits and the same e-mail cap as signing.
    """
    address = normalise_email(email)
    ip_hash = limits.address_hash(petition.pk, ip_address)
    if limits.is_over_signing_limits(petition_id=petition.pk, ip_hash=ip_hash, email=address):
        return
    unconfirmed = Signature.objects.filter(
        petition=petition,
        email=address,
        confirmed_at__isnull=True,
        status__in=[SignatureStatus.PENDING, SignatureStatus.HELD],
    )
    _email_signer(unconfirmed, SignerEmail.CONFIRM)


def _email_signer(signatures: QuerySet[Signature], kind: str) -> None:
    """Have an e-mail sent unless this signature has had its share, whatever anyone submits.

    Nothing is added while an e-mail is still waiting to go: each carries the confirmation link.
    """
    if signatures.filter(emails_sent__lt=MAX_EMAILS_PER_SIGNATURE, email_due="").update(
        emails_sent=F("emails_sent") + 1, email_due=kind, email_attempts=0, email_retry_at=None
    ):
        transaction.on_commit(schedule_email_delivery)


EMAIL_DELIVERY_DELAY_SECONDS = 1.0
EMAIL_DELIVERY_MARGIN_SECONDS = 0.25


def schedule_email_delivery() -> None:
    """Have the worker send the e-mails due: at most one task a second per process, however many sign.

    A delivery queued to start at least EMAIL_DELIVERY_MARGIN_SECONDS from now will find the e-mail
    just written (its transaction has committed), so no other is needed until then. A backend that
    cannot defer tasks (the tests' immediate one) sends at once.
    """
    if not send_due_emails.get_backend().supports_defer:
        send_due_emails.enqueue()
        return
    gap = EMAIL_DELIVERY_DELAY_SECONDS - EMAIL_DELIVERY_MARGIN_SECONDS
    if caches["local"].add("petitions:email-delivery-queued", True, timeout=gap):
        starts = timezone.now() + timedelta(seconds=EMAIL_DELIVERY_DELAY_SECONDS)
        send_due_emails.using(run_after=starts).enqueue()


@transaction.atomic
def confirm_signature(*, token: str) -> Signature:
    """Count a pending signature; a held one is marked confirmed but waits for staff. Idempotent."""
    signature = _signature_for(*tokens.read_confirmation_token(token))
    if signature.confirmed_at is None and signature.status in {SignatureStatus.PENDING, SignatureStatus.HELD}:
        signature.confirmed_at = timezone.now()
        status = SignatureStatus.CONFIRMED if signature.status == SignatureStatus.PENDING else SignatureStatus.HELD
        _change_status(signature, status, "confirmed_at")
    return signature


RELEASE_LOG_ACTION = "stoptheharm.petitions.release_signature"
INVALIDATE_LOG_ACTION = "stoptheharm.petitions.invalidate_signature"


@transaction.atomic
def release_signature(*, signature_id: int, user: AbstractBaseUser | None = None) -> Signature:
    """Staff let a held signature through: it counts if its owner confirmed, else it waits for them."""
    signature = Signature.objects.select_for_update().get(pk=signature_id)
    if signature.status == SignatureStatus.HELD:
        _change_status(signature, SignatureStatus.CONFIRMED if signature.confirmed_at else SignatureStatus.PENDING)
        log(instance=signature, action=RELEASE_LOG_ACTION, user=user)
    return signature


@transaction.atomic
def invalidate_signature(*, signature_id: int, user: AbstractBaseUser | None = None) -> Signature:
    """Staff rule a signature fraudulent: it stops counting at once, and the decision is logged."""
    signature = Signature.objects.select_for_update().get(pk=signature_id)
    if signature.status != SignatureStatus.INVALIDATED:
        _change_status(signature, SignatureStatus.INVALIDATED)
        log(instance=signature, action=INVALIDATE_LOG_ACTION, user=user)
    return signature


INVALIDATE_GROUP_LOG_ACTION = "stoptheharm.petitions.invalidate_group"
INVALIDATE_GROUP_BATCH = 500


@transaction.atomic
def invalidate_group(
    *, petition: PetitionPage, kind: str, key: str, window: str, user: AbstractBaseUser | None = None
) -> int:
    """Staff rule a network's or e-mail domain's signatures on one petition fraudulent; returns how many.

    Takes what `trending.signatures_to_invalidate` finds now (the dry run may be out of date), locks
    those rows and changes exactly them, journals one negative change per country for the ones that
    counted, and logs one entry on the petition.
    """
    group = trending.signatures_to_invalidate(petition=petition, kind=kind, key=key, window=window)
    rows = list(group.select_for_update().order_by("pk").values_list("pk", "status", "country"))
    if not rows:
        return 0
    for start in range(0, len(rows), INVALIDATE_GROUP_BATCH):  # exactly the locked rows, as journalled below
        batch = [pk for pk, _status, _country in rows[start : start + INVALIDATE_GROUP_BATCH]]
        Signature.objects.filter(pk__in=batch).update(status=SignatureStatus.INVALIDATED)
    stopped_counting = Counter(country for _pk, status, country in rows if status == SignatureStatus.CONFIRMED)
    if stopped_counting:
        SignatureCountChange.objects.bulk_create(
            SignatureCountChange(petition=petition, country=country, change=-count)
            for country, count in sorted(stopped_counting.items())
        )
        transaction.on_commit(lambda: _counts_changed(petition.pk))
    log(
        instance=petition,
        action=INVALIDATE_GROUP_LOG_ACTION,
        user=user,
        data={"kind": kind, "group": trending.group_label(kind, key), "window": window, "signatures": len(rows)},
    )
    return len(rows)


@transaction.atomic
def withdraw_signature(*, token: str) -> Signature:
    """The signer takes their signature back; it stops counting at once."""
    signature = _signature_for(*tokens.read_management_token(token))
    if signature.status in {SignatureStatus.PENDING, SignatureStatus.CONFIRMED, SignatureStatus.HELD}:
        _change_status(signature, SignatureStatus.WITHDRAWN)
    return signature


@transaction.atomic
def erase_signer_data(*, token: str) -> int:
    """Erase what is held about the management link's e-mail address, on every petition; returns how many.

    Signatures that count are anonymised, so they keep counting and the totals stay right; the
    others are deleted, which changes no count. The link stops working: its secret is gone.
    """
    address = _signature_for(*tokens.read_management_token(token)).email
    # Locked, so that none starts counting (a confirmation) between the sorting and the deleting.
    signatures = list(
        Signature.objects.select_for_update().filter(email=address).order_by("pk").values_list("pk", "status")
    )
    counted = [pk for pk, status in signatures if status == SignatureStatus.CONFIRMED]
    for signature_id in counted:
        _anonymise(signature_id)
    Signature.objects.filter(pk__in=[pk for pk, status in signatures if status != SignatureStatus.CONFIRMED]).delete()
    return len(signatures)


EXPORT_LOG_ACTION = "stoptheharm.petitions.export_signatures"


def export_signatures(*, petition: PetitionPage, user: AbstractBaseUser, stream: Writable) -> int:
    """Write the confirmed signatures as CSV and record who exported what, when; returns the row count."""
    rows = list(exports.signature_rows(petition))
    exports.write_signatures_csv(rows, stream)
    log(instance=petition, action=EXPORT_LOG_ACTION, user=user, data={"signatures": len(rows)})
    return len(rows)


def purge_unconfirmed_signatures() -> int:
    """Delete signatures never confirmed once their link has expired; returns how many."""
    expired = timezone.now() - tokens.CONFIRMATION_VALIDITY
    never_confirmed = Signature.objects.filter(confirmed_at__isnull=True, created_at__lt=expired)
    deleted, _by_model = never_confirmed.filter(status__in=[SignatureStatus.PENDING, SignatureStatus.HELD]).delete()
    return deleted


def forget_old_address_hashes() -> int:
    """Blank the address hashes of signatures older than 30 days; returns how many were cleared."""
    cutoff = timezone.now() - limits.ADDRESS_HASH_RETENTION
    old = Signature.objects.filter(created_at__lt=cutoff).exclude(ip_hash="", network_hash="")
    return old.update(ip_hash="", network_hash="")


def anonymise_closed_petitions(*, now: datetime | None = None) -> int:
    """Erase signers' names and addresses once a petition has been closed for the retention period.

    Counts, countries and dates stay, so the petition keeps its total. Returns how many were erased.
    """
    cutoff = (now or timezone.now()) - timedelta(days=settings.PETITION_ANONYMISE_AFTER_DAYS)
    closed = PetitionPage.objects.filter(state__in=[PetitionState.CLOSED, PetitionState.DELIVERED]).filter(
        Q(closes_at__lt=cutoff) | Q(closes_at__isnull=True, latest_revision_created_at__lt=cutoff)
    )
    erased = 0
    for signature_id in Signature.objects.filter(petition__in=closed, anonymised_at__isnull=True).values_list(
        "pk", flat=True
    ):
        _anonymise(signature_id)
        erased += 1
    return erased


@transaction.atomic
def _anonymise(signature_id: int) -> None:
    Signature.objects.filter(pk=signature_id).update(
        name="",
        email=f"{signature_id}@{ANONYMISED_EMAIL_DOMAIN}",
        secret=tokens.new_secret(),
        is_public=False,
        ip_hash="",
        network_hash="",
        email_due="",  # nothing more is sent to an erased address
        anonymised_at=timezone.now(),
    )


def _signature_for(signature_id: int, secret: str) -> Signature:
    return signature_for_link(Signature.objects.select_for_update(), signature_id, secret)


def _change_status(signature: Signature, status: str, *other_fields: str) -> None:
    """The one way a signature's status changes: when it starts or stops counting, the journal says so."""
    was_counted = signature.is_counted
    signature.status = status
    signature.save(update_fields=["status", *other_fields])
    if signature.is_counted != was_counted:
        SignatureCountChange.objects.create(
            petition_id=signature.petition_id, country=signature.country, change=1 if signature.is_counted else -1
        )
        petition_id = signature.petition_id
        transaction.on_commit(lambda: _counts_changed(petition_id))


FOLD_DEBOUNCE_SECONDS = 2


def _counts_changed(petition_id: int) -> None:
    """Show the new count at once, and have the journal folded soon (once, however many changes come)."""
    cache.delete(counts_cache_key(petition_id))
    if cache.add("petitions:fold-queued", True, timeout=FOLD_DEBOUNCE_SECONDS):
        fold_counts.enqueue()
