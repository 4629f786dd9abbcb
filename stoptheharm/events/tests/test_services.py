import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Locale

from stoptheharm.events import services
from stoptheharm.events.models import Registration, RegistrationStatus
from stoptheharm.events.selectors import open_events
from stoptheharm.events.tests.factories import create_event, register

pytestmark = pytest.mark.django_db


def test_a_registration_waits_for_confirmation_and_stores_the_consent_words(event, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        registration = register(event, " Amina@Example.ORG ", confirm=False, organisation_name=" Élixir ")
    assert registration.status == RegistrationStatus.PENDING
    assert registration.email == "amina@example.org"
    assert registration.organisation_name == "Élixir"
    assert registration.consents["processing"]["version"] == "2026-11-30"
    assert "erased after the event" in registration.consents["processing"]["text"]
    [message] = mail.outbox
    assert message.to == ["amina@example.org"]
    assert "Please confirm your registration" in message.subject
    assert "/en/events/registration/" in message.body and "/cancel/" in message.body
    assert "secret-room-42" not in message.body  # the online link only after confirmation


def test_registering_an_address_again_stores_nothing_and_e_mails_its_link(event, django_capture_on_commit_callbacks):
    first = register(event, "amina@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        again = register(event, "AMINA@example.org", confirm=False, name="Someone else")
    assert again.pk == first.pk
    assert Registration.objects.count() == 1
    [message] = mail.outbox
    assert "Your registration" in message.subject
    assert "already registered" in message.body


def test_a_cancelled_address_may_register_again(event):
    services.cancel_registration(registration=register(event))
    assert register(event).status == RegistrationStatus.CONFIRMED
    assert Registration.objects.filter(email="amina@example.org").count() == 2


def test_registering_for_a_started_or_closed_event_raises(index):
    started = create_event(index=index, slug="started", starts_at=timezone.now() - timedelta(minutes=5))
    closed = create_event(index=index, slug="closed", registration_closes_at=timezone.now() - timedelta(hours=1))
    for event in (started, closed):
        with pytest.raises(services.RegistrationClosed):
            register(event, confirm=False)
    assert not Registration.objects.exists()


def test_registering_over_the_limits_raises(event, settings):
    settings.EVENT_LIMITS = settings.EVENT_LIMITS | {"per_email": 2}
    register(event, confirm=False)
    register(event, confirm=False)
    with pytest.raises(services.OverLimit) as over:
        register(event, confirm=False)
    assert over.value.retry_after > 0


def test_hostile_text_is_refused_field_by_field(event):
    with pytest.raises(ValidationError) as error:
        register(event, "not-an-address", confirm=False, name="Amina\u202e")
    assert set(error.value.message_dict) == {"email", "name"}
    assert not Registration.objects.exists()


def test_confirming_twice_changes_nothing(event):
    registration = register(event)
    confirmed_at = registration.confirmed_at
    again = services.confirm_registration(registration=registration)
    assert again.status == RegistrationStatus.CONFIRMED and again.confirmed_at == confirmed_at


def test_when_full_a_confirmation_joins_the_waiting_list_in_order(index):
    event = create_event(index=index, capacity=2)
    register(event, "a@example.org")
    register(event, "b@example.org")
    third = register(event, "c@example.org")
    fourth = register(event, "d@example.org")
    assert (third.status, third.waiting_position) == (RegistrationStatus.WAITING, 1)
    assert (fourth.status, fourth.waiting_position) == (RegistrationStatus.WAITING, 2)


def test_a_cancellation_promotes_the_first_waiting_with_an_e_mail(index, django_capture_on_commit_callbacks):
    event = create_event(index=index, capacity=1)
    holder = register(event, "a@example.org")
    first_waiting = register(event, "b@example.org")
    second_waiting = register(event, "c@example.org")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_registration(registration=holder)
    first_waiting.refresh_from_db()
    second_waiting.refresh_from_db()
    assert (first_waiting.status, first_waiting.waiting_position) == (RegistrationStatus.CONFIRMED, None)
    assert second_waiting.status == RegistrationStatus.WAITING
    [message] = mail.outbox
    assert message.to == ["b@example.org"] and "A place is yours" in message.subject


def test_cancelling_a_waiting_or_pending_registration_promotes_nobody(index):
    event = create_event(index=index, capacity=1)
    register(event, "a@example.org")
    waiting = register(event, "b@example.org")
    behind = register(event, "c@example.org")
    pending = register(event, "d@example.org", confirm=False)
    services.cancel_registration(registration=waiting)
    services.cancel_registration(registration=pending)
    services.cancel_registration(registration=pending)  # twice is harmless
    behind.refresh_from_db()
    assert behind.status == RegistrationStatus.WAITING
    assert Registration.objects.filter(status=RegistrationStatus.CONFIRMED).count() == 1


def test_raising_the_capacity_promotes_as_many_as_the_new_places(index):
    event = create_event(index=index, capacity=1)
    register(event, "a@example.org")
    waiting = [register(event, f"{letter}@example.org") for letter in "bcd"]
    event.capacity = 3
    event.save_revision().publish()
    assert services.promote_from_waiting_list(event=event) == [waiting[0].pk, waiting[1].pk]
    assert Registration.objects.get(pk=waiting[2].pk).status == RegistrationStatus.WAITING


def test_reminders_go_once_to_confirmed_attendees_of_events_starting_within_a_day(
    index, django_capture_on_commit_callbacks
):
    soon = create_event(index=index, slug="soon", starts_at=timezone.now() + timedelta(hours=20))
    later = create_event(index=index, slug="later", starts_at=timezone.now() + timedelta(days=3))
    register(soon, "confirmed@example.org")
    register(soon, "pending@example.org", confirm=False)
    services.cancel_registration(registration=register(soon, "cancelled@example.org"))
    register(later, "later@example.org")
    mail.outbox.clear()
    assert services.send_due_reminders() == 1
    assert services.send_due_reminders() == 0  # a second run sends nothing again
    [message] = mail.outbox
    assert message.to == ["confirmed@example.org"]
    assert "https://meet.example.org/secret-room-42" in message.body
    assert services.send_due_reminders(now=timezone.now() + timedelta(days=2, hours=12)) == 1  # the later one


def test_the_hourly_command_queues_the_due_reminders(index):
    soon = create_event(index=index, slug="soon", starts_at=timezone.now() + timedelta(hours=3))
    register(soon, "confirmed@example.org")
    output = io.StringIO()
    call_command("send_event_reminders", stdout=output)
    assert output.getvalue().strip() == "Queued 1 event reminder(s)."
    assert [message.to for message in mail.outbox if "Reminder" in message.subject] == [["confirmed@example.org"]]


def test_registrations_on_a_translation_share_the_original_events_places(index):
    event = create_event(index=index, capacity=1)
    french = event.copy_for_translation(Locale.objects.get(language_code="fr"), copy_parents=True)
    french.save_revision().publish()
    register(event, "amina@example.org")

    registration = register(french, "sofia@example.org")

    assert registration.event_id == event.pk  # the original's list, not a second list for the translation
    assert registration.status == RegistrationStatus.WAITING  # its one place is taken
    assert [(item.page.pk, item.registered_count) for item in open_events()] == [(event.pk, 1)]
