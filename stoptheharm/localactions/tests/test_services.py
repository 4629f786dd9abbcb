from datetime import date, time, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import ModelLogEntry

from stoptheharm.core.retention import RETENTION_STEPS
from stoptheharm.localactions import services
from stoptheharm.localactions.emails import ActionEmail, action_email
from stoptheharm.localactions.models import ActionStatus, LocalAction
from stoptheharm.localactions.retention import apply_local_action_retention, apply_retention
from stoptheharm.localactions.tests.factories import add_action, create_day
from stoptheharm.organisations.tests.factories import add_organisation


@pytest.mark.django_db
def test_approving_links_the_organisation_logs_and_e_mails_with_the_edit_link(
    day, django_user_model, mailoutbox, django_capture_on_commit_callbacks
):
    moderator = django_user_model.objects.create_user(username="mod", password="x")
    organisation = add_organisation("Rede de Redução de Riscos")
    action = add_action(day, status=ActionStatus.AWAITING_MODERATION)

    with django_capture_on_commit_callbacks(execute=True):
        services.approve_local_action(action_id=action.pk, user=moderator, organisation=organisation)

    action.refresh_from_db()
    assert (action.status, action.organisation, action.decided_by) == (ActionStatus.APPROVED, organisation, moderator)
    entry = ModelLogEntry.objects.get(action=services.APPROVE_LOG_ACTION)
    assert (entry.user, entry.object_id) == (moderator, str(action.pk))
    [message] = mailoutbox
    assert "/en/local-actions/edit/" in message.body
    assert "is approved" in message.body


@pytest.mark.django_db
def test_rejecting_needs_a_reason_which_the_organiser_is_sent(day, mailoutbox, django_capture_on_commit_callbacks):
    action = add_action(day, status=ActionStatus.AWAITING_MODERATION)
    with pytest.raises(ValidationError):
        services.reject_local_action(action_id=action.pk, user=None, reason="  ")

    with django_capture_on_commit_callbacks(execute=True):
        services.reject_local_action(action_id=action.pk, user=None, reason="Not on the day of action")

    action.refresh_from_db()
    assert action.status == ActionStatus.REJECTED
    assert ModelLogEntry.objects.filter(action=services.REJECT_LOG_ACTION, object_id=str(action.pk)).exists()
    [message] = mailoutbox
    assert "Not on the day of action" in message.body


@pytest.mark.django_db
@pytest.mark.parametrize("status", [ActionStatus.PENDING_CONFIRMATION, ActionStatus.APPROVED, ActionStatus.REJECTED])
def test_only_an_action_awaiting_moderation_can_be_decided(day, status):
    action = add_action(day, status=status)
    with pytest.raises(services.NotAwaitingModeration):
        services.approve_local_action(action_id=action.pk, user=None)
    with pytest.raises(services.NotAwaitingModeration):
        services.reject_local_action(action_id=action.pk, user=None, reason="No")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "change", [{"title": "Another"}, {"city": "Porto"}, {"latitude": Decimal("41.1"), "longitude": Decimal("-8.6")}]
)
def test_changing_what_the_public_sees_of_an_approved_action_sends_it_back_to_moderation(day, change):
    action = add_action(day)
    services.edit_local_action(action=action, **change)
    action.refresh_from_db()
    assert action.status == ActionStatus.AWAITING_MODERATION
    assert not LocalAction.objects.approved().exists()


@pytest.mark.django_db
def test_changing_times_or_numbers_keeps_an_approved_action_approved(day):
    action = add_action(day)
    services.edit_local_action(action=action, starts_at=time(17, 0), expected_participants=80, title=action.title)
    action.refresh_from_db()
    assert (action.status, action.starts_at, action.expected_participants) == (ActionStatus.APPROVED, time(17), 80)


@pytest.mark.django_db
def test_a_rejected_action_cannot_be_edited_and_contacts_are_not_editable(day):
    with pytest.raises(services.NotEditable):
        services.edit_local_action(action=add_action(day, status=ActionStatus.REJECTED), title="Again")
    with pytest.raises(TypeError):
        services.edit_local_action(action=add_action(day), contact_email="someone@example.org")


@pytest.mark.django_db
def test_an_action_ending_before_it_starts_is_refused_by_the_model(day):
    with pytest.raises(ValidationError):
        add_action(day, starts_at=time(18), ends_at=time(17))


@pytest.mark.django_db
def test_registering_on_a_closed_day_raises(section):
    day = create_day(parent=section, day=date(2026, 6, 26))
    with pytest.raises(services.RegistrationClosed):
        services.register_local_action(
            day=day, language="en", ip_address="192.0.2.1", contact_email="a@example.org", contact_name="Ana"
        )


@pytest.mark.django_db
def test_every_e_mail_is_in_the_organisers_language(day):
    action = add_action(day, language="fr")
    assert "Bonjour" in action_email(action, ActionEmail.CONFIRM).body


@pytest.mark.django_db
def test_retention_erases_contacts_after_the_day_and_keeps_the_public_action(section, settings):
    settings.LOCAL_ACTION_CONTACTS_ERASE_AFTER_DAYS = 90
    long_ago = create_day(parent=section, slug="long-ago", day=timezone.localdate() - timedelta(days=91))
    recent = create_day(parent=section, slug="recent", day=timezone.localdate() - timedelta(days=89))
    old_action, recent_action = add_action(long_ago), add_action(recent)
    never_confirmed = add_action(recent, status=ActionStatus.PENDING_CONFIRMATION)
    LocalAction.objects.filter(pk=never_confirmed.pk).update(created_at=timezone.now() - timedelta(days=8))

    report = apply_retention()

    assert (report.deleted, report.erased_contacts) == (1, 1)
    old_action.refresh_from_db()
    recent_action.refresh_from_db()
    assert (old_action.contact_name, old_action.contact_email, old_action.secret) == ("", "", "")
    assert (old_action.status, old_action.city) == (ActionStatus.APPROVED, "Lisbon")
    assert recent_action.contact_email == "organiser@example.org"
    assert apply_retention().erased_contacts == 0  # again: nothing more to do


def test_manage_py_apply_retention_runs_the_local_actions_step():
    assert apply_local_action_retention in RETENTION_STEPS
