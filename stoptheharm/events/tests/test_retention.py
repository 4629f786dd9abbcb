import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from stoptheharm.events.models import Registration, RegistrationStatus
from stoptheharm.events.tests.factories import create_event, register

pytestmark = pytest.mark.django_db


def run_retention() -> str:
    output = io.StringIO()
    call_command("apply_retention", stdout=output)
    return output.getvalue()


def test_unconfirmed_registrations_are_deleted_after_seven_days(event):
    old = register(event, "old@example.org", confirm=False)
    register(event, "new@example.org", confirm=False)
    Registration.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=7, minutes=1))
    assert "Deleted 1 unconfirmed event registration(s); erased the attendees of 0." in run_retention()
    assert list(Registration.objects.values_list("email", flat=True)) == ["new@example.org"]


def test_attendees_are_erased_the_set_time_after_the_event_and_the_count_stays(index, settings):
    settings.EVENT_REGISTRATIONS_ERASE_AFTER_DAYS = 30
    event = create_event(index=index)
    recent = create_event(index=index, slug="recent")
    first = register(event, "a@example.org", organisation_name="Élixir")
    register(event, "b@example.org")
    register(recent, "c@example.org")
    type(event).objects.filter(pk=event.pk).update(
        starts_at=timezone.now() - timedelta(days=31, hours=3), ends_at=timezone.now() - timedelta(days=31)
    )
    type(event).objects.filter(pk=recent.pk).update(
        starts_at=timezone.now() - timedelta(days=29, hours=3), ends_at=timezone.now() - timedelta(days=29)
    )
    assert "erased the attendees of 2." in run_retention()
    first.refresh_from_db()
    assert (first.name, first.email, first.organisation_name, first.secret) == (
        "",
        f"{first.pk}@erased.invalid",
        "",
        "",
    )
    assert first.status == RegistrationStatus.CONFIRMED
    assert Registration.objects.filter(event=event, status=RegistrationStatus.CONFIRMED).count() == 2
    assert Registration.objects.get(event=recent).email == "c@example.org"
    assert "erased the attendees of 0." in run_retention()  # once is enough
