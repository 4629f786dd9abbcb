from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import ModelLogEntry

from stoptheharm.core.tokens import InvalidToken
from stoptheharm.organisations import services, tokens
from stoptheharm.organisations.models import ApplicationStatus, Organisation, OrganisationApplication
from stoptheharm.organisations.selectors import MatchReason, applications_awaiting_moderation
from stoptheharm.organisations.tests.factories import APPLICATION, add_application, add_organisation


def submit(**fields) -> None:
    services.submit_application(language="en", ip_address="192.0.2.1", **(APPLICATION | fields))


@pytest.fixture
def moderator(django_user_model):
    return django_user_model.objects.create_superuser("moderator", "moderator@example.org", "password")


@pytest.mark.django_db
def test_submitting_stores_an_unconfirmed_application_with_a_normalised_private_contact_and_emails_the_link(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        submit()
    application = OrganisationApplication.objects.get()
    assert application.status == ApplicationStatus.PENDING_CONFIRMATION
    assert application.contact_email == "camille@example.org"
    assert application.consents["processing"]["version"]
    assert "on behalf of this organisation" in application.consents["authorised"]["text"]
    assert len(application.ip_hash) == 64 and "192.0.2.1" not in application.ip_hash
    assert len(application.secret) >= 43  # 256 random bits, URL-safe
    [message] = mail.outbox
    assert message.to == ["camille@example.org"]
    assert "/en/organisations/join/confirm/" in message.body


@pytest.mark.django_db
def test_applying_again_for_the_same_organisation_sends_the_link_again_without_a_second_application(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        submit()
        submit(name="ASSOCIATION ELIXIR", contact_email="camille@example.org ")
    assert OrganisationApplication.objects.count() == 1
    assert len(mail.outbox) == 2


@pytest.mark.django_db
def test_applying_again_once_confirmed_sends_nothing_and_stores_nothing(django_capture_on_commit_callbacks):
    add_application()
    with django_capture_on_commit_callbacks(execute=True):
        submit()
    assert OrganisationApplication.objects.count() == 1
    assert mail.outbox == []


@pytest.mark.django_db
def test_applications_over_the_limits_are_dropped_silently(settings, django_capture_on_commit_callbacks):
    settings.ORGANISATION_APPLICATION_LIMITS = settings.ORGANISATION_APPLICATION_LIMITS | {"per_email": 2}
    with django_capture_on_commit_callbacks(execute=True):
        for number in range(4):
            submit(name=f"Organisation {number}")
    assert OrganisationApplication.objects.count() == 2
    assert len(mail.outbox) == 2


@pytest.mark.django_db
def test_applications_over_the_address_limit_are_dropped_silently(settings):
    settings.ORGANISATION_APPLICATION_LIMITS = settings.ORGANISATION_APPLICATION_LIMITS | {"per_ip": 1}
    submit(name="First", contact_email="one@example.org")
    submit(name="Second", contact_email="two@example.org")
    assert list(OrganisationApplication.objects.values_list("name", flat=True)) == ["First"]


@pytest.mark.django_db
def test_confirming_sends_the_application_to_moderation_and_confirming_again_changes_nothing():
    application = add_application(status=ApplicationStatus.PENDING_CONFIRMATION)
    token = tokens.confirmation_token(application.pk, application.secret)
    confirmed = services.confirm_application(token=token)
    assert confirmed.status == ApplicationStatus.AWAITING_MODERATION
    first_confirmed_at = confirmed.confirmed_at
    again = services.confirm_application(token=token)
    assert again.status == ApplicationStatus.AWAITING_MODERATION
    assert again.confirmed_at == first_confirmed_at


@pytest.mark.django_db
def test_a_tampered_wrong_or_expired_token_confirms_nothing(monkeypatch):
    application = add_application(status=ApplicationStatus.PENDING_CONFIRMATION)
    token = tokens.confirmation_token(application.pk, application.secret)
    wrong_secret = tokens.confirmation_token(application.pk, "not-the-secret")
    other_row = tokens.confirmation_token(application.pk + 1, application.secret)
    for bad in [token[:-2] + "xx", wrong_secret, other_row, "garbage"]:
        with pytest.raises(InvalidToken):
            services.confirm_application(token=bad)
    eight_days_later = timezone.now().timestamp() + timedelta(days=8).total_seconds()
    monkeypatch.setattr("django.core.signing.time.time", lambda: eight_days_later)
    with pytest.raises(InvalidToken):
        services.confirm_application(token=token)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.PENDING_CONFIRMATION


@pytest.mark.django_db
def test_approving_creates_a_member_in_the_directory_logs_it_and_emails_the_contact(
    moderator, django_capture_on_commit_callbacks
):
    application = add_application()
    with django_capture_on_commit_callbacks(execute=True):
        organisation = services.approve_application(application=application, user=moderator)
    assert organisation.is_member
    assert (organisation.name, organisation.short_name, organisation.website) == (
        "Association Élixir",
        "ELX",
        "https://elixir.example.org",
    )
    assert [country.code for country in organisation.countries] == ["FR"]
    assert organisation.contact_email == "camille@example.org"
    application.refresh_from_db()
    assert (application.status, application.organisation, application.decided_by) == (
        ApplicationStatus.APPROVED,
        organisation,
        moderator,
    )
    entry = ModelLogEntry.objects.get(action=services.APPROVE_APPLICATION_LOG_ACTION)
    assert entry.user == moderator and entry.data["organisation"] == organisation.pk
    [message] = mail.outbox
    assert message.subject == "Welcome to the coalition: Association Élixir"
    assert "/en/organisations/" in message.body


@pytest.mark.django_db
def test_approving_as_an_existing_entry_merges_into_it_keeping_what_the_directory_says(moderator):
    existing = add_organisation("Elixir", website="", description="Written by staff.", contact_email="")
    application = add_application()
    organisation = services.approve_application(application=application, user=moderator, organisation=existing)
    assert organisation.pk == existing.pk
    assert Organisation.objects.count() == 1
    existing.refresh_from_db()
    assert existing.is_member
    assert existing.name == "Elixir" and existing.description == "Written by staff."
    assert existing.website == "https://elixir.example.org"  # was empty: filled from the application
    assert existing.contact_email == "camille@example.org"


@pytest.mark.django_db
def test_rejecting_needs_a_reason_which_is_logged_and_sent(moderator, django_capture_on_commit_callbacks):
    application = add_application()
    with pytest.raises(ValidationError):
        services.reject_application(application=application, user=moderator, reason="  ")
    with django_capture_on_commit_callbacks(execute=True):
        services.reject_application(application=application, user=moderator, reason="Not a harm reduction group.")
    application.refresh_from_db()
    assert application.status == ApplicationStatus.REJECTED
    assert ModelLogEntry.objects.get(action=services.REJECT_APPLICATION_LOG_ACTION).data == {
        "reason": "Not a harm reduction group."
    }
    [message] = mail.outbox
    assert "Not a harm reduction group." in message.body
    assert not Organisation.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("status", [ApplicationStatus.PENDING_CONFIRMATION, ApplicationStatus.APPROVED])
def test_only_applications_awaiting_moderation_can_be_decided(moderator, status):
    application = add_application(status=status)
    with pytest.raises(services.ApplicationNotAwaitingModeration):
        services.approve_application(application=application, user=moderator)
    with pytest.raises(services.ApplicationNotAwaitingModeration):
        services.reject_application(application=application, user=moderator, reason="No.")


@pytest.mark.django_db
def test_the_queue_lists_confirmed_applications_with_their_duplicate_candidates():
    add_organisation("Association Elixirs")  # near name
    add_organisation("Another name", website="https://www.elixir.example.org/fr/")
    add_organisation("Association Elixir Inc.")
    add_application(status=ApplicationStatus.PENDING_CONFIRMATION, name="Unconfirmed", contact_email="x@example.org")
    application = add_application()
    [entry] = applications_awaiting_moderation()
    assert entry.application == application
    reasons = [(candidate.organisation.name, candidate.reason, candidate.score) for candidate in entry.candidates]
    assert reasons == [
        ("Another name", MatchReason.SAME_DOMAIN, 1.0),
        ("Association Elixir Inc.", MatchReason.SAME_NAME, 1.0),
        ("Association Elixirs", MatchReason.NEAR_NAME, 0.97),
    ]


@pytest.mark.django_db
def test_retention_deletes_unconfirmed_forgets_addresses_and_erases_decided_contacts(settings):
    settings.ORGANISATION_APPLICATION_ERASE_AFTER_DAYS = 90
    now = timezone.now()
    old_unconfirmed = add_application(status=ApplicationStatus.PENDING_CONFIRMATION, name="Old", ip_hash="a" * 64)
    new_unconfirmed = add_application(status=ApplicationStatus.PENDING_CONFIRMATION, name="New", ip_hash="b" * 64)
    old_rejected = add_application(status=ApplicationStatus.REJECTED, name="Rejected", ip_hash="c" * 64)
    recent_rejected = add_application(status=ApplicationStatus.REJECTED, name="Recent", decided_at=now)
    OrganisationApplication.objects.filter(pk=old_unconfirmed.pk).update(created_at=now - timedelta(days=8))
    OrganisationApplication.objects.filter(pk=old_rejected.pk).update(
        created_at=now - timedelta(days=100), decided_at=now - timedelta(days=91)
    )

    report = services.apply_application_retention()
    again = services.apply_application_retention()

    assert (report.deleted, report.forgotten_addresses, report.erased_contacts) == (1, 1, 1)
    assert (again.deleted, again.forgotten_addresses, again.erased_contacts) == (0, 0, 0)
    assert not OrganisationApplication.objects.filter(pk=old_unconfirmed.pk).exists()
    assert OrganisationApplication.objects.get(pk=new_unconfirmed.pk).ip_hash == "b" * 64
    erased = OrganisationApplication.objects.get(pk=old_rejected.pk)
    assert (erased.contact_name, erased.contact_email, erased.motivation, erased.ip_hash) == ("", "", "", "")
    assert erased.name == "Rejected" and erased.contact_erased_at is not None
    assert OrganisationApplication.objects.get(pk=recent_rejected.pk).contact_email == "camille@example.org"
