import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import Locale, ModelLogEntry

from stoptheharm.organisations.models import Organisation
from stoptheharm.organisations.tests.factories import add_organisation
from stoptheharm.statements import services
from stoptheharm.statements.consents import CONSENT_VERSION
from stoptheharm.statements.models import Endorsement, EndorsementStatus, IndividualEndorsement, Signers
from stoptheharm.statements.tests.factories import add_endorsement, add_individual, create_statement

CONTACT = {"contact_name": "Maria Santos", "contact_email": "  Maria@Example.ORG ", "language": "pt"}
PROPOSED = {"name": "Associação Nova", "country": "PT", "website": "https://nova.example", "kind": "ngo"}


def record(statement, **fields):
    return services.record_endorsement(statement=statement, confirms_authority=True, **(CONTACT | fields))


@pytest.mark.django_db
def test_recording_an_endorsement_stores_it_pending_with_a_normalised_address_and_the_consents(statement):
    endorsement = record(statement, organisation=add_organisation())
    assert endorsement.status == EndorsementStatus.PENDING
    assert endorsement.contact_email == "maria@example.org"
    assert set(endorsement.consents) == {"authority", "processing"}
    assert endorsement.consents["authority"]["version"] == CONSENT_VERSION
    assert "on behalf of the organisation" in endorsement.consents["authority"]["text"]


@pytest.mark.django_db
def test_an_endorsement_of_a_translation_belongs_to_the_original(statement):
    french = statement.copy_for_translation(Locale.objects.get(language_code="fr"), copy_parents=True)
    french.save_revision().publish()
    endorsement = record(french, organisation=add_organisation())
    assert endorsement.statement_id == statement.pk


@pytest.mark.django_db
def test_the_same_organisation_cannot_be_recorded_twice_and_the_second_attempt_stores_nothing(statement):
    organisation = add_organisation()
    record(statement, organisation=organisation)
    with pytest.raises(ValidationError) as raised:
        record(statement, organisation=organisation, contact_email="someone.else@example.org")
    assert "already signed this statement" in str(raised.value)
    assert Endorsement.objects.count() == 1


@pytest.mark.django_db
def test_without_the_contacts_authority_nothing_is_stored(statement):
    with pytest.raises(ValidationError) as raised:
        services.record_endorsement(statement=statement, organisation=add_organisation(), confirms_authority=False,
                                    **CONTACT)  # fmt: skip
    assert "may sign for the organisation" in str(raised.value)
    assert not Endorsement.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("proposed", "field"),
    [
        (PROPOSED | {"website": "javascript:alert(1)"}, "proposed_website"),
        (PROPOSED | {"country": "XX"}, "proposed_country"),
        (PROPOSED | {"kind": "cartel"}, "proposed_kind"),
        (PROPOSED | {"name": "N" * 256}, "proposed_name"),
        (PROPOSED | {"name": "Evil\u202eOGN"}, "proposed_name"),
        (PROPOSED | {"name": "Zero\u200bwidth"}, "proposed_name"),
    ],
)
def test_bad_details_of_a_proposed_organisation_are_refused_field_by_field(statement, proposed, field):
    with pytest.raises(ValidationError) as raised:
        record(statement, proposed=proposed)
    assert field in raised.value.message_dict
    assert not Endorsement.objects.exists()


@pytest.mark.django_db
def test_a_contact_name_with_a_bidirectional_override_is_refused(statement):
    with pytest.raises(ValidationError) as raised:
        record(statement, organisation=add_organisation(), contact_name="Maria\u202e")
    assert raised.value.message_dict["contact_name"] == ["Control and invisible formatting characters are not allowed."]
    assert not Endorsement.objects.exists()


@pytest.mark.django_db
def test_an_endorsement_names_a_directory_organisation_or_a_proposed_one_never_both(statement):
    with pytest.raises(ValueError, match="not both or neither"):
        record(statement, organisation=add_organisation(), proposed=PROPOSED)
    with pytest.raises(ValueError, match="not both or neither"):
        record(statement)
    assert not Endorsement.objects.exists()


@pytest.mark.django_db
def test_a_closed_statement_takes_no_endorsement(section):
    closed = create_statement(parent=section, closes_at=timezone.now())
    with pytest.raises(services.StatementClosed):
        record(closed, organisation=add_organisation())
    assert not Endorsement.objects.exists()


@pytest.mark.django_db
def test_confirming_sends_it_to_moderation_once(statement):
    endorsement = record(statement, organisation=add_organisation())
    services.confirm_endorsement(endorsement=endorsement)
    confirmed_at = endorsement.confirmed_at
    services.confirm_endorsement(endorsement=endorsement)
    assert endorsement.status == EndorsementStatus.AWAITING_MODERATION
    assert endorsement.confirmed_at == confirmed_at is not None


@pytest.mark.django_db
def test_approving_a_proposed_organisation_adds_it_to_the_directory_and_logs_the_decision(statement, admin_user):
    endorsement = record(statement, proposed=PROPOSED)
    services.confirm_endorsement(endorsement=endorsement)

    approved = services.approve_endorsement(endorsement_id=endorsement.pk, user=admin_user)

    organisation = Organisation.objects.get(name="Associação Nova")
    assert (approved.status, approved.organisation) == (EndorsementStatus.APPROVED, organisation)
    assert [country.code for country in organisation.countries] == ["PT"]
    assert (organisation.website, organisation.kind, organisation.contact_email) == ("https://nova.example", "ngo", "")
    [entry] = ModelLogEntry.objects.filter(action=services.APPROVE_LOG_ACTION)
    assert (entry.object_id, entry.user_id) == (str(endorsement.pk), admin_user.pk)
    assert services.approve_endorsement(endorsement_id=endorsement.pk).organisation == organisation  # idempotent
    assert Organisation.objects.count() == 1


@pytest.mark.django_db
def test_rejecting_needs_a_reason_which_is_kept_and_logged(statement):
    endorsement = add_endorsement(statement, status=EndorsementStatus.AWAITING_MODERATION)
    with pytest.raises(ValidationError):
        services.reject_endorsement(endorsement_id=endorsement.pk, reason="   ")
    assert Endorsement.objects.get().status == EndorsementStatus.AWAITING_MODERATION

    services.reject_endorsement(endorsement_id=endorsement.pk, reason=" Not an organisation ")

    endorsement.refresh_from_db()
    assert (endorsement.status, endorsement.rejection_reason) == (EndorsementStatus.REJECTED, "Not an organisation")
    assert endorsement.moderated_at is not None
    [entry] = ModelLogEntry.objects.filter(action=services.REJECT_LOG_ACTION)
    assert entry.data == {"reason": "Not an organisation"}


@pytest.mark.django_db
def test_a_rejected_endorsement_is_not_approved_and_an_approved_one_can_be_taken_off_the_list(statement):
    rejected = add_endorsement(statement, "Rejected NGO", status=EndorsementStatus.REJECTED)
    with pytest.raises(services.AlreadyDecided):
        services.approve_endorsement(endorsement_id=rejected.pk)
    approved = add_endorsement(statement, "Approved NGO")
    services.reject_endorsement(endorsement_id=approved.pk, reason="Signed by mistake")
    assert not Endorsement.objects.approved().exists()


@pytest.mark.django_db
def test_individuals_sign_only_statements_that_accept_them(section):
    organisations_only = create_statement(parent=section)
    with pytest.raises(services.StatementClosed):
        add_individual(organisations_only, "Ana Lima")
    open_to_all = create_statement(parent=section, slug="all", signers=Signers.ORGANISATIONS_AND_INDIVIDUALS)
    person = add_individual(open_to_all, " Ana Lima ", email=" Ana@Example.org", affiliation="nurse")
    assert (person.name, person.email, person.status) == ("Ana Lima", "ana@example.org", EndorsementStatus.APPROVED)
    with pytest.raises(ValidationError):
        add_individual(open_to_all, "Ana Again", email="ana@example.org")
    services.reject_individual_endorsement(endorsement_id=person.pk, reason="Duplicate")
    with pytest.raises(services.AlreadyDecided):
        services.approve_individual_endorsement(endorsement_id=person.pk)
    assert IndividualEndorsement.objects.count() == 1


@pytest.mark.django_db
def test_staff_add_a_signatory_gathered_elsewhere_even_after_closing_but_never_twice(section, admin_user):
    closed = create_statement(parent=section, closes_at=timezone.now())
    organisation = add_organisation()
    endorsement = services.add_signatory(statement=closed, organisation=organisation, user=admin_user)
    assert (endorsement.status, endorsement.contact_email, endorsement.consents) == (EndorsementStatus.APPROVED, "", {})
    assert ModelLogEntry.objects.get(action=services.APPROVE_LOG_ACTION).user_id == admin_user.pk
    with pytest.raises(ValidationError):
        services.add_signatory(statement=closed, organisation=organisation)
    assert Endorsement.objects.count() == 1
