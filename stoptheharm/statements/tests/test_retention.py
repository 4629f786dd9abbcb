from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from stoptheharm.organisations.tests.factories import add_organisation
from stoptheharm.statements.models import Endorsement, EndorsementStatus, IndividualEndorsement, Signers
from stoptheharm.statements.retention import ERASED_EMAIL_DOMAIN
from stoptheharm.statements.tests.factories import add_endorsement, add_individual, create_statement


@pytest.fixture
def open_statement(section):
    return create_statement(parent=section, signers=Signers.ORGANISATIONS_AND_INDIVIDUALS)


def run_retention() -> str:
    output = StringIO()
    call_command("apply_retention", stdout=output)
    return next(line for line in output.getvalue().splitlines() if "endorsement" in line)


@pytest.mark.django_db
def test_endorsements_never_confirmed_are_deleted_once_their_link_expires(open_statement):
    old = add_endorsement(open_statement, "Old Pending", status=EndorsementStatus.PENDING)
    add_endorsement(open_statement, "New Pending", status=EndorsementStatus.PENDING)
    old_waiting = add_endorsement(open_statement, "Old Waiting", status=EndorsementStatus.AWAITING_MODERATION)
    old_person = add_individual(open_statement, "Old Person", status=EndorsementStatus.PENDING)
    eight_days_ago = timezone.now() - timedelta(days=8)
    Endorsement.objects.filter(pk__in=[old.pk, old_waiting.pk]).update(created_at=eight_days_ago)
    IndividualEndorsement.objects.filter(pk=old_person.pk).update(created_at=eight_days_ago)

    assert run_retention() == "Deleted 2 unconfirmed endorsement(s); erased the contacts of 0."
    assert sorted(Endorsement.objects.values_list("contact_email", flat=True).distinct()) == ["contact@example.org"]
    assert Endorsement.objects.count() == 2
    assert not IndividualEndorsement.objects.exists()


@pytest.mark.django_db
def test_contacts_are_erased_after_the_period_and_the_list_stays(client, open_statement, settings):
    settings.STATEMENT_CONTACTS_ERASE_AFTER_DAYS = 30
    listed = add_endorsement(open_statement, add_organisation("Long Listed"))
    recent = add_endorsement(open_statement, "Recently Listed", contact_email="recent@example.org")
    waiting = add_endorsement(open_statement, "Still Waiting", status=EndorsementStatus.AWAITING_MODERATION)
    first = add_individual(open_statement, "Ana Lima", email="ana@example.org")
    second = add_individual(open_statement, "João Silva", email="joao@example.org")
    long_ago = timezone.now() - timedelta(days=31)
    Endorsement.objects.filter(pk__in=[listed.pk, waiting.pk]).update(moderated_at=long_ago)
    IndividualEndorsement.objects.filter(pk__in=[first.pk, second.pk]).update(moderated_at=long_ago)

    assert run_retention() == "Deleted 0 unconfirmed endorsement(s); erased the contacts of 3."
    listed.refresh_from_db()
    assert (listed.contact_name, listed.contact_email, listed.secret) == ("", "", "")
    assert Endorsement.objects.get(pk=recent.pk).contact_email == "recent@example.org"
    assert Endorsement.objects.get(pk=waiting.pk).contact_email == "contact@example.org"  # not decided yet
    assert {person.email for person in IndividualEndorsement.objects.all()} == {
        f"{first.pk}@{ERASED_EMAIL_DOMAIN}",
        f"{second.pk}@{ERASED_EMAIL_DOMAIN}",
    }
    page = client.get(open_statement.url).content.decode()
    assert "Long Listed" in page and "Ana Lima" in page
    assert run_retention().endswith("erased the contacts of 0.")  # once is enough
