"""submit_endorsement and submit_individual_endorsement against the database."""

import pytest
from django.core.exceptions import ValidationError

from stoptheharm.organisations.tests.factories import add_organisation
from stoptheharm.statements import services
from stoptheharm.statements.models import Endorsement, EndorsementStatus, IndividualEndorsement, Signers
from stoptheharm.statements.tests.factories import add_endorsement, create_statement


def submit(statement, **fields):
    values = {
        "contact_name": "Maria Santos",
        "contact_email": "maria@example.org",
        "language": "en",
        "confirms_authority": True,
        "ip_address": "192.0.2.1",
    }
    return services.submit_endorsement(statement=statement, **(values | fields))


@pytest.mark.django_db
def test_a_submission_is_pending_with_a_secret_and_emails_after_commit(statement, django_capture_on_commit_callbacks):
    organisation = add_organisation("Élixir")
    with django_capture_on_commit_callbacks() as callbacks:
        endorsement = submit(statement, organisation=organisation, contact_email=" Maria@Example.ORG ")
    assert (endorsement.status, endorsement.contact_email) == (EndorsementStatus.PENDING, "maria@example.org")
    assert len(endorsement.secret) >= 43  # 256 random bits, URL-safe
    assert len(callbacks) == 1


@pytest.mark.django_db
def test_the_same_organisation_twice_is_already_endorsed_until_it_is_rejected(statement):
    organisation = add_organisation("Élixir")
    first = submit(statement, organisation=organisation)
    with pytest.raises(services.AlreadyEndorsed):
        submit(statement, organisation=organisation, contact_email="other@example.org")
    services.confirm_endorsement(endorsement=first)
    services.reject_endorsement(endorsement_id=first.pk, reason="Not confirmed by the board")
    assert submit(statement, organisation=organisation).status == EndorsementStatus.PENDING


@pytest.mark.django_db
def test_a_proposal_named_exactly_as_a_listed_directory_organisation_is_already_endorsed(statement):
    add_endorsement(statement, "Associação Élixir")
    with pytest.raises(services.AlreadyEndorsed):
        submit(statement, proposed={"name": "ASSOCIACAO ELIXIR", "kind": "ngo", "country": "", "website": ""})
    assert Endorsement.objects.count() == 1


@pytest.mark.django_db
def test_a_proposal_of_an_unlisted_directory_organisation_is_recorded_for_the_moderators(statement):
    add_organisation("Associação Élixir")
    endorsement = submit(statement, proposed={"name": "Associacao Elixir", "kind": "ngo", "country": "PT",
                                              "website": ""})  # fmt: skip
    assert endorsement.organisation is None
    assert endorsement.proposed_country.code == "PT"


@pytest.mark.django_db
def test_bad_proposed_details_are_refused_field_by_field(statement):
    with pytest.raises(ValidationError) as refusal:
        submit(statement, proposed={"name": "X\u202e", "kind": "ngo", "country": "ZZ", "website": "nope"})
    assert {"proposed_name", "proposed_country", "proposed_website"} <= set(refusal.value.error_dict)
    assert not Endorsement.objects.exists()


@pytest.mark.django_db
def test_the_limits_count_per_address_per_statement_and_per_email_across_statements(section, settings):
    settings.STATEMENT_LIMITS = settings.STATEMENT_LIMITS | {"per_ip": 1, "per_email": 2}
    first, second = create_statement(parent=section), create_statement(parent=section, slug="second")
    submit(first, organisation=add_organisation("One"))
    with pytest.raises(services.OverLimit) as over:
        submit(first, organisation=add_organisation("Two"), contact_email="other@example.org")
    assert over.value.retry_after > 0
    submit(second, organisation=add_organisation("Three"), ip_address="192.0.2.2")
    with pytest.raises(services.OverLimit):
        submit(second, organisation=add_organisation("Four"), ip_address="192.0.2.3")
    assert Endorsement.objects.count() == 2


@pytest.mark.django_db
def test_a_person_signs_once_per_address_and_only_where_individuals_may(section, statement):
    open_to_people = create_statement(parent=section, slug="people", signers=Signers.ORGANISATIONS_AND_INDIVIDUALS)
    person = {"name": "Ana Lima", "email": "ana@example.org", "country": "BR", "affiliation": "", "language": "en",
              "ip_address": "192.0.2.1"}  # fmt: skip
    services.submit_individual_endorsement(statement=open_to_people, **person)
    with pytest.raises(services.AlreadyEndorsed):
        services.submit_individual_endorsement(statement=open_to_people, **person | {"email": "ANA@example.org"})
    with pytest.raises(services.StatementClosed):
        services.submit_individual_endorsement(statement=statement, **person)
    assert IndividualEndorsement.objects.count() == 1
