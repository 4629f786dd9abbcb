"""Many attendees confirming and cancelling at once, on PostgreSQL: production relies on the event's row lock."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections

from stoptheharm.events import services
from stoptheharm.events.models import Registration, RegistrationStatus
from stoptheharm.events.tests.factories import create_event, register

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers; the PostgreSQL run of make test covers this")


def in_thread(action, registration) -> str:
    try:
        return action(registration=registration).status
    finally:
        connections.close_all()


def test_twenty_simultaneous_confirmations_fill_five_places_and_queue_the_rest_in_distinct_positions(index):
    event = create_event(index=index, capacity=5)
    pending = [register(event, f"person{number}@example.org", confirm=False) for number in range(20)]
    with ThreadPoolExecutor(max_workers=20) as pool:
        outcomes = list(pool.map(lambda item: in_thread(services.confirm_registration, item), pending))
    assert sorted(outcomes) == [RegistrationStatus.CONFIRMED] * 5 + [RegistrationStatus.WAITING] * 15
    positions = Registration.objects.filter(status=RegistrationStatus.WAITING).values_list(
        "waiting_position", flat=True
    )
    assert sorted(positions) == list(range(1, 16))


def test_simultaneous_cancellations_promote_the_waiting_list_in_order_without_overfilling(index):
    event = create_event(index=index, capacity=5)
    holders = [register(event, f"holder{number}@example.org") for number in range(5)]
    waiting = [register(event, f"waiting{number}@example.org") for number in range(8)]
    with ThreadPoolExecutor(max_workers=5) as pool:
        list(pool.map(lambda item: in_thread(services.cancel_registration, item), holders))
    confirmed = set(Registration.objects.filter(status=RegistrationStatus.CONFIRMED).values_list("pk", flat=True))
    assert confirmed == {item.pk for item in waiting[:5]}
