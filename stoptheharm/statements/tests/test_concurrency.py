"""Many contacts endorsing for one organisation at once, on PostgreSQL: its constraint is what production relies on."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from stoptheharm.organisations.tests.factories import add_organisation
from stoptheharm.statements import services
from stoptheharm.statements.models import Endorsement

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers; the PostgreSQL run of make test covers this")


def endorse_in_thread(statement, organisation, number: int) -> str:
    try:
        services.record_endorsement(
            statement=statement,
            organisation=organisation,
            contact_name=f"Contact {number}",
            contact_email=f"contact{number}@example.org",
            language="en",
            confirms_authority=True,
        )
        return "recorded"
    except ValidationError:
        return "already listed"
    finally:
        connections.close_all()


def test_twenty_simultaneous_endorsements_of_one_organisation_store_one(statement):
    organisation = add_organisation()
    with ThreadPoolExecutor(max_workers=20) as pool:
        outcomes = list(pool.map(lambda number: endorse_in_thread(statement, organisation, number), range(20)))
    assert sorted(outcomes) == ["already listed"] * 19 + ["recorded"]
    assert Endorsement.objects.filter(statement=statement, organisation=organisation).count() == 1
