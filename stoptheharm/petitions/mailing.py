"""Sending the e-mails that wait on signatures (the outbox), in batches over one connection.

Signing writes the e-mail due on the signature itself (`Signature.email_due`), in the same INSERT or
UPDATE: no e-mail is queued for a signature that was not stored, and none is lost if the process
stops after storing it. The worker's task (`tasks.send_due_emails`) claims due signatures with SKIP
LOCKED where the database has it, so two workers never send the same e-mail; each goes once, and
again only if the mail server refused it (then later, with growing delays, EMAIL_ATTEMPTS times).
"""

import logging
import smtplib
from contextlib import suppress
from datetime import timedelta

from django.core.mail import mailers
from django.core.mail.backends.base import BaseEmailBackend
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from stoptheharm.petitions.emails import signature_email
from stoptheharm.petitions.models import Signature

logger = logging.getLogger(__name__)

BATCH_SIZE = 50
EMAIL_ATTEMPTS = 6
FIRST_RETRY_DELAY = timedelta(minutes=1)  # then 2, 4, 8, 16 minutes: about half an hour in all


def due_signatures() -> Q:
    return ~Q(email_due="") & (Q(email_retry_at__isnull=True) | Q(email_retry_at__lte=timezone.now()))


def deliver_due_emails() -> int:
    """Send every e-mail due now, a batch per transaction and per mail-server connection; returns how many went."""
    sent = 0
    while True:
        with transaction.atomic():
            batch = Signature.objects.filter(due_signatures()).select_related("petition").order_by("pk")
            if connection.features.has_select_for_update_skip_locked:
                batch = batch.select_for_update(skip_locked=True, of=("self",))
            batch = list(batch[:BATCH_SIZE])
            if not batch:
                return sent
            mailer = mailers.default
            with suppress(smtplib.SMTPException, OSError):  # unreachable: each send below says so, and waits
                mailer.open()
            try:
                went = [signature.pk for signature in batch if _send(signature, mailer)]
            finally:
                mailer.close()
            Signature.objects.filter(pk__in=went).update(email_due="", email_attempts=0, email_retry_at=None)
            sent += len(went)


def _send(signature: Signature, mailer: BaseEmailBackend) -> bool:
    """Send one signature's due e-mail; on a refusal, have it tried again later. True when it went.

    The caller clears the e-mails that went, a batch in one UPDATE.
    """
    try:
        mailer.send_messages([signature_email(signature, signature.email_due)])
    except (smtplib.SMTPException, OSError):
        signature.email_attempts += 1
        if signature.email_attempts >= EMAIL_ATTEMPTS:
            logger.error("Gave up e-mailing signature %s after %s attempts", signature.pk, signature.email_attempts)
            signature.email_due = ""
        else:
            delay = FIRST_RETRY_DELAY * 2 ** (signature.email_attempts - 1)
            logger.warning("Mail server refused signature %s's e-mail; retrying in %s", signature.pk, delay)
            signature.email_retry_at = timezone.now() + delay
        signature.save(update_fields=["email_due", "email_attempts", "email_retry_at"])
        return False
    return True
