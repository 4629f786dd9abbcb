import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from stoptheharm.petitions import services, tokens
from stoptheharm.petitions.counting import confirmed_by_country, fold_signature_counts
from stoptheharm.petitions.models import SignatureCount, SignatureCountChange, SignatureStatus
from stoptheharm.petitions.tests.factories import add_signature, create_petition

pytestmark = pytest.mark.django_db


def test_a_count_is_exact_before_and_after_the_journal_is_folded(petition):
    add_signature(petition, "a@example.org", country="KE")
    add_signature(petition, "b@example.org", country="KE")
    add_signature(petition, "c@example.org", country="PT")
    add_signature(petition, "d@example.org", country="PT", status=SignatureStatus.PENDING)
    assert confirmed_by_country(petition.pk) == [("KE", 2), ("PT", 1)]

    assert fold_signature_counts() == 3
    assert SignatureCountChange.objects.count() == 0
    assert confirmed_by_country(petition.pk) == [("KE", 2), ("PT", 1)]
    assert fold_signature_counts() == 0  # nothing twice
    assert confirmed_by_country(petition.pk) == [("KE", 2), ("PT", 1)]


def test_every_way_out_of_the_count_is_journalled(petition):
    add_signature(petition, "a@example.org", country="KE")
    invalidated = add_signature(petition, "b@example.org", country="KE")
    withdrawn = add_signature(petition, "c@example.org", country="KE")
    fold_signature_counts()

    services.invalidate_signature(signature_id=invalidated.pk)
    services.invalidate_signature(signature_id=invalidated.pk)  # twice: taken off once
    assert confirmed_by_country(petition.pk) == [("KE", 2)]
    services.withdraw_signature(token=tokens.management_token(withdrawn.pk, withdrawn.secret))
    assert confirmed_by_country(petition.pk) == [("KE", 1)]

    fold_signature_counts()
    assert SignatureCount.objects.get(petition=petition, country="KE").count == 1
    assert confirmed_by_country(petition.pk) == [("KE", 1)]


def test_a_held_signature_counts_only_once_released_and_confirmed(petition):
    held = add_signature(petition, "held@example.org", status=SignatureStatus.HELD, country="BR")
    services.invalidate_signature(signature_id=add_signature(petition, "x@example.org", status="held").pk)
    assert SignatureCountChange.objects.count() == 0  # held ones never counted: nothing to take off
    services.release_signature(signature_id=held.pk)
    assert confirmed_by_country(petition.pk) == []  # released, but its owner has not confirmed yet
    services.confirm_signature(token=tokens.confirmation_token(held.pk, held.secret))
    assert confirmed_by_country(petition.pk) == [("BR", 1)]


def test_reading_a_count_never_reads_the_signatures_table(petition):
    for number in range(5):
        add_signature(petition, f"s{number}@example.org")
    with CaptureQueriesContext(connection) as queries:
        confirmed_by_country(petition.pk)
    assert len(queries) == 1
    assert 'petitions_signature"' not in queries[0]["sql"]
    assert "petitions_signature " not in queries[0]["sql"]


def test_each_petition_keeps_its_own_counts(petition, section):
    other = create_petition(parent=section, slug="other")
    add_signature(petition, "a@example.org", country="KE")
    add_signature(other, "a@example.org", country="KE")
    add_signature(other, "b@example.org", country="KE")
    fold_signature_counts(batch_size=2)  # several batches
    assert confirmed_by_country(petition.pk) == [("KE", 1)]
    assert confirmed_by_country(other.pk) == [("KE", 2)]
