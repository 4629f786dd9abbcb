"""Many people signing at once, on PostgreSQL: its row locks and constraints are what production relies on."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections

from stoptheharm.petitions import services, tokens
from stoptheharm.petitions.counting import fold_signature_counts
from stoptheharm.petitions.models import Signature, SignatureCount, SignatureCountChange
from stoptheharm.petitions.selectors import petition_summary

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
    assert 1 <= Signature.objects.get().emails_sent <= services.MAX_EMAILS_PER_SIGNATURE  # never past the cap


def test_two_hundred_people_signing_at_once_are_all_recorded(petition, settings):
    settings.PETITION_LIMITS = settings.PETITION_LIMITS | {"per_ip": 1000}
    addresses = [f"supporter{number}@example.org" for number in range(200)]
    with ThreadPoolExecutor(max_workers=16) as pool:
        outcomes = list(pool.map(lambda address: sign_in_thread(petition, address), addresses))
    assert outcomes == ["ok"] * 200
    assert sorted(Signature.objects.values_list("email", flat=True)) == sorted(addresses)


def test_confirming_hundreds_at_once_while_the_journal_is_folded_counts_each_exactly_once(petition, settings):
    settings.PETITION_LIMITS = settings.PETITION_LIMITS | {"per_ip": 1000}
    addresses = [f"supporter{number}@example.org" for number in range(200)]
    with ThreadPoolExecutor(max_workers=16) as pool:
        list(pool.map(lambda address: sign_in_thread(petition, address), [*addresses, *addresses[:50]]))
    links = [tokens.confirmation_token(pk, secret) for pk, secret in Signature.objects.values_list("pk", "secret")]

    def confirm_and_fold(token: str) -> None:
        try:
            services.confirm_signature(token=token)
            services.confirm_signature(token=token)  # twice: harmless
            fold_signature_counts(batch_size=7)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=16) as pool:
        list(pool.map(confirm_and_fold, links))
    assert petition_summary(petition).confirmed == 200
    fold_signature_counts()
    assert SignatureCount.objects.get(petition=petition).count == 200
    assert not SignatureCountChange.objects.exists()
