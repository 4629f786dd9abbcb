"""The outbox: e-mails written with the signatures, sent by the worker in batches."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.core import mail
from django.tasks import task_backends
from django.test import override_settings
from django.utils import timezone

from config import env
from stoptheharm.petitions import mailing, services
from stoptheharm.petitions.models import Signature, SignerEmail
from stoptheharm.petitions.tests.factories import add_signature

pytestmark = pytest.mark.django_db
DEFERRING = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}


def due(signature, kind=SignerEmail.CONFIRM):
    Signature.objects.filter(pk=signature.pk).update(email_due=kind)


def test_every_due_email_goes_once_over_one_connection(petition):
    for number in range(3):
        due(add_signature(petition, f"s{number}@example.org", status="pending"))
    add_signature(petition, "nothing-due@example.org", status="pending")

    assert mailing.deliver_due_emails() == 3
    assert mailing.deliver_due_emails() == 0
    assert sorted(message.to[0] for message in mail.outbox) == [f"s{number}@example.org" for number in range(3)]
    assert not Signature.objects.exclude(email_due="").exists()


@pytest.fixture
def refusing_mail_server(smtp_inbox):
    smtp_inbox.refuse_next = 1000
    return smtp_inbox


def test_a_refused_email_is_tried_again_later_with_a_growing_delay(petition, refusing_mail_server):
    signature = add_signature(petition, "amina@example.org", status="pending")
    due(signature)
    for attempt, minutes in enumerate([1, 2, 4], start=1):
        mailing.deliver_due_emails()
        signature.refresh_from_db()
        assert signature.email_attempts == attempt
        delay = signature.email_retry_at - timezone.now()
        assert minutes * 60 - 5 < delay.total_seconds() <= minutes * 60
        assert mailing.deliver_due_emails() == 0  # not before its time
        Signature.objects.filter(pk=signature.pk).update(email_retry_at=timezone.now() - timedelta(seconds=1))
    assert refusing_mail_server.messages == []


def test_after_the_last_attempt_the_email_is_given_up_and_logged(petition, refusing_mail_server, caplog):
    signature = add_signature(petition, "amina@example.org", status="pending")
    Signature.objects.filter(pk=signature.pk).update(email_due="confirm", email_attempts=mailing.EMAIL_ATTEMPTS - 1)
    mailing.deliver_due_emails()
    signature.refresh_from_db()
    assert signature.email_due == ""
    assert "Gave up e-mailing signature" in caplog.text


def test_an_unreachable_mail_server_postpones_the_batch(petition, settings):
    settings.MAILERS = env.mailers_config("smtp://127.0.0.1:9?timeout=2", default_file_path=Path("/unused"))
    signature = add_signature(petition, "amina@example.org", status="pending")
    due(signature)
    assert mailing.deliver_due_emails() == 0
    signature.refresh_from_db()
    assert (signature.email_due, signature.email_attempts) == ("confirm", 1)


def test_many_signatures_queue_one_delivery_a_second_per_process():
    with override_settings(TASKS=DEFERRING):
        for _ in range(20):
            services.schedule_email_delivery()
        [delivery] = task_backends["default"].results
        starts_in = (delivery.task.run_after - timezone.now()).total_seconds()
        assert services.EMAIL_DELIVERY_MARGIN_SECONDS < starts_in <= services.EMAIL_DELIVERY_DELAY_SECONDS


def test_an_erased_signer_is_sent_nothing_more(petition):
    signature = add_signature(petition, "amina@example.org")
    due(signature, SignerEmail.ALREADY_SIGNED)
    services._anonymise(signature.pk)
    assert mailing.deliver_due_emails() == 0
