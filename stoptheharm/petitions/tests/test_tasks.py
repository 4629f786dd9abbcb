from pathlib import Path

import pytest
from django.tasks import task_backends
from django.test import override_settings
from django.utils import timezone

from config import env
from stoptheharm.petitions.tasks import EMAIL_ATTEMPTS, send_signature_email
from stoptheharm.petitions.tests.factories import add_signature

pytestmark = pytest.mark.django_db


@pytest.fixture
def refusing_mail_server(smtp_server):
    inbox, port = smtp_server
    inbox.refuse_next = 1000
    mailers = env.mailers_config(f"smtp://127.0.0.1:{port}?timeout=5", default_file_path=Path("/unused"))
    with override_settings(MAILERS=mailers):
        yield inbox


def test_a_refused_email_is_tried_again_later_with_a_growing_delay(petition, refusing_mail_server):
    signature = add_signature(petition, "amina@example.org", status="pending")
    with override_settings(TASKS={"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}):
        send_signature_email.call(signature_id=signature.pk, kind="confirm", attempt=3)
        [retry] = task_backends["default"].results

    assert retry.kwargs == {"signature_id": signature.pk, "kind": "confirm", "attempt": 4}
    delay = retry.task.run_after - timezone.now()
    assert 3 * 60 < delay.total_seconds() <= 4 * 60  # 1, 2, then 4 minutes
    assert refusing_mail_server.messages == []


def test_after_the_last_attempt_the_failure_is_left_for_staff_to_see(petition, refusing_mail_server):
    signature = add_signature(petition, "amina@example.org", status="pending")
    with override_settings(TASKS={"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}):
        with pytest.raises(OSError):  # smtplib's errors are OSErrors: the worker marks the task failed
            send_signature_email.call(signature_id=signature.pk, kind="confirm", attempt=EMAIL_ATTEMPTS)
        assert task_backends["default"].results == []  # no more retries
