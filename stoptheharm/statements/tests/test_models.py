import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.models import Locale

from stoptheharm.organisations.tests.factories import add_organisation
from stoptheharm.statements.models import Endorsement, EndorsementStatus, Signers
from stoptheharm.statements.tests.factories import add_endorsement, create_statement

ROW = {"contact_name": "Maria", "contact_email": "m@example.org", "language": "en", "consents": {}}


@pytest.mark.django_db
@pytest.mark.parametrize("first_status", [EndorsementStatus.PENDING, EndorsementStatus.AWAITING_MODERATION,
                                          EndorsementStatus.APPROVED])  # fmt: skip
def test_the_database_refuses_a_second_active_endorsement_of_one_organisation(statement, first_status):
    endorsement = add_endorsement(statement, status=first_status)
    with pytest.raises(IntegrityError), transaction.atomic():
        Endorsement.objects.create(statement=statement, organisation=endorsement.organisation, **ROW)


@pytest.mark.django_db
def test_after_a_rejection_the_organisation_may_endorse_again(statement):
    rejected = add_endorsement(statement, status=EndorsementStatus.REJECTED)
    again = Endorsement.objects.create(statement=statement, organisation=rejected.organisation, **ROW)
    assert again.status == EndorsementStatus.PENDING


@pytest.mark.django_db
@pytest.mark.parametrize(
    "fields",
    [
        {"organisation": None, "proposed_name": "", "proposed_kind": "ngo"},  # names no organisation
        {"organisation": None, "proposed_name": "New NGO", "proposed_kind": ""},  # a new one needs its kind
        {"organisation": None, "proposed_name": "New NGO", "proposed_kind": "ngo", "status": "approved"},
        {"status": "rejected", "rejection_reason": ""},
    ],
)
def test_the_database_refuses_incoherent_endorsements(statement, fields):
    values = {"organisation": add_organisation()} | fields
    with pytest.raises(IntegrityError), transaction.atomic():
        Endorsement.objects.create(statement=statement, **ROW, **values)


@pytest.mark.django_db
def test_a_statement_cannot_close_before_it_opens(section):
    now = timezone.now()
    with pytest.raises(ValidationError, match="statement_closes_after_it_opens"):
        create_statement(parent=section, opens_at=now, closes_at=now - timezone.timedelta(days=1))


@pytest.mark.django_db
def test_sign_on_is_open_only_between_its_dates(section):
    now = timezone.now()
    day = timezone.timedelta(days=1)
    statement = create_statement(parent=section, opens_at=now + day, closes_at=now + 3 * day)
    assert not statement.is_open_for_signing
    assert statement.is_open_for_signing_at(now + 2 * day)
    assert not statement.is_open_for_signing_at(now + 3 * day)
    assert create_statement(parent=section, slug="no-dates").is_open_for_signing


@pytest.mark.django_db
def test_a_translation_belongs_to_its_default_language_original(statement):
    french = statement.copy_for_translation(Locale.objects.get(language_code="fr"), copy_parents=True)
    assert french.canonical == statement
    assert statement.canonical == statement
    assert not statement.accepts_individuals
    statement.signers = Signers.ORGANISATIONS_AND_INDIVIDUALS
    assert statement.accepts_individuals
