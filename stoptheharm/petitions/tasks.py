import logging
import smtplib
from datetime import timedelta

from django.tasks import task
from django.utils import timezone

from stoptheharm.petitions.counting import fold_signature_counts
from stoptheharm.petitions.emails import signature_email
from stoptheharm.petitions.models import Signature

logger = logging.getLogger(__name__)

EMAIL_ATTEMPTS = 6
FIRST_RETRY_DELAY = timedelta(minutes=1)  # then 2, 4, 8, 16 minutes: about half an hour in all


@task()
def send_signature_email(*, signature_id: int, kind: str, attempt: int = 1) -> None:
    """Send a signer the confirmation (or "you already signed") e-mail; retried later if the server fails.

    One task per e-mail, claimed by one worker: an e-mail goes once, and again only when the mail
    server refused it (nothing was sent), up to EMAIL_ATTEMPTS times with growing delays.
    """
    signature = Signature.objects.select_related("petition").filter(pk=signature_id).first()
    if signature is None:  # erased before the worker got to it
        return
    try:
        signature_email(signature, kind).send()
    except (smtplib.SMTPException, OSError):
        if attempt >= EMAIL_ATTEMPTS:
            raise
        logger.warning("Mail server failed for signature %s (attempt %s); retrying", signature_id, attempt)
        retry = send_signature_email
        if retry.get_backend().supports_defer:
            retry = retry.using(run_after=timezone.now() + FIRST_RETRY_DELAY * 2 ** (attempt - 1))
        retry.enqueue(signature_id=signature_id, kind=kind, attempt=attempt + 1)


@task()
def fold_counts() -> None:
    """Fold the journal of count changes into the per-country counts."""
    fold_signature_counts()
