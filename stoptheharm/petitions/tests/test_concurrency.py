"""Many people signing at once, on PostgreSQL: its row locks and constraints are what production relies on."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections

from stoptheharm.petitions import services
from stoptheharm.petitions.models import Signature

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers; the PostgreSQL run of make test covers this")


def sign_in_thread(petition, email: str) -> str:
    try:
        services.sign_petition(
            petition=petition,
            name="Amina",
            email=email,
            country="PT",
            language="en",
            is_public=False,
            wants_updates=False,
            ip_address="203.0.113.9",
        )
        return "ok"
    finally:
        connections.close_all()


def test_twenty_simultaneous_signatures_from_one_address_count_once(petition):
    with ThreadPoolExecutor(max_workers=20) as pool:
        outcomes = list(pool.map(lambda _: sign_in_thread(petition, "Amina@Example.org"), range(20)))
    assert outcomes == ["ok"] * 20
    assert Signature.objects.filter(petition=petition).count() == 1
    assert Signature.objects.get().emails_sent == services.MAX_EMAILS_PER_SIGNATURE


def test_two_hundred_people_signing_at_once_are_all_recorded(petition, settings):
    settings.PETITION_LIMITS = settings.PETITION_LIMITS | {"per_ip": 1000}
    addresses = [f"supporter{number}@example.org" for number in range(200)]
    with ThreadPoolExecutor(max_workers=16) as pool:
        outcomes = list(pool.map(lambda address: sign_in_thread(petition, address), addresses))
    assert outcomes == ["ok"] * 200
    assert sorted(Signature.objects.values_list("email", flat=True)) == sorted(addresses)
