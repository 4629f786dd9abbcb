"""The moderation queue in the admin: who may decide, what the decision does, and the photos' approval."""

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.models import ModelLogEntry

from stoptheharm.localactions import services
from stoptheharm.localactions.models import ActionPhoto, ActionStatus, DayOfActionPage, PhotoStatus
from stoptheharm.localactions.tests.factories import add_action, image_upload, past_day
from stoptheharm.organisations.tests.factories import add_organisation


def staff(username: str, *codenames: str):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))  # Wagtail's default group: admin access, pages
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    return user


@pytest.fixture
def moderator(db):
    return staff("moderator", "view_localaction", "view_actionphoto", "moderate_local_actions")


@pytest.fixture
def viewer(db):
    return staff("viewer", "view_localaction", "view_actionphoto")


@pytest.mark.django_db
def test_a_moderator_sees_the_queue_and_approves_with_a_directory_organisation(client, moderator, day, mailoutbox):
    organisation = add_organisation("Rede de Redução de Riscos")
    action = add_action(day, status=ActionStatus.AWAITING_MODERATION, title="Vigil <b>now</b>")
    client.force_login(moderator)

    queue = client.get("/admin/local_actions/", {"status": "awaiting"}).content.decode()
    assert "Vigil &lt;b&gt;now&lt;/b&gt;" in queue
    assert f"/admin/local-actions/{action.pk}/approve/" in queue
    assert "Vigil" in client.get(f"/admin/local-actions/{action.pk}/approve/").content.decode()
    response = client.post(f"/admin/local-actions/{action.pk}/approve/", {"organisation": organisation.pk})

    assert response.status_code == 302
    action.refresh_from_db()
    assert (action.status, action.organisation, action.decided_by) == (ActionStatus.APPROVED, organisation, moderator)
    assert ModelLogEntry.objects.filter(action=services.APPROVE_LOG_ACTION, user=moderator).exists()


@pytest.mark.django_db
def test_a_rejection_needs_a_reason(client, moderator, day):  # and an empty POST is a form sent empty
    action = add_action(day, status=ActionStatus.AWAITING_MODERATION)
    client.force_login(moderator)

    assert "error-message" in client.post(f"/admin/local-actions/{action.pk}/reject/").content.decode()
    client.post(f"/admin/local-actions/{action.pk}/reject/", {"reason": "Not on the day"})

    action.refresh_from_db()
    assert (action.status, action.rejection_reason) == (ActionStatus.REJECTED, "Not on the day")


@pytest.mark.django_db
def test_staff_without_the_permission_cannot_decide_or_edit(client, viewer, day):
    action = add_action(day, status=ActionStatus.AWAITING_MODERATION)
    client.force_login(viewer)

    queue = client.get("/admin/local_actions/").content.decode()
    assert "Vigil at the courthouse" in queue
    assert f"/admin/local-actions/{action.pk}/approve/" not in queue
    refused = {302, 403}  # Wagtail sends staff it refuses back to the dashboard
    assert client.post(f"/admin/local-actions/{action.pk}/approve/").status_code in refused
    assert client.post(f"/admin/local-actions/{action.pk}/reject/", {"reason": "No"}).status_code in refused
    assert client.get(f"/admin/local_actions/edit/{action.pk}/").status_code in refused
    action.refresh_from_db()
    assert action.status == ActionStatus.AWAITING_MODERATION


@pytest.mark.django_db
def test_photos_are_public_only_once_a_moderator_approves_them(client, section, moderator):
    past = past_day(parent=section)
    action = add_action(past)
    photo = services.add_action_photo(action=action, upload=image_upload(), alt_text="Candles on the steps")
    assert "Candles on the steps" not in client.get(past.url).content.decode()

    client.force_login(moderator)
    client.post(f"/admin/local-actions/photos/{photo.pk}/approve/")
    client.logout()

    photo.refresh_from_db()
    assert photo.status == PhotoStatus.APPROVED
    page = client.get(past.url).content.decode()
    assert "Candles on the steps" in page and photo.image.url in page


@pytest.mark.django_db
def test_a_moderator_removes_a_photo_with_its_file(client, section, moderator, django_capture_on_commit_callbacks):
    action = add_action(past_day(parent=section))
    photo = services.add_action_photo(action=action, upload=image_upload(), alt_text="Faces of passers-by")
    client.force_login(moderator)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/local-actions/photos/{photo.pk}/remove/")

    assert not ActionPhoto.objects.exists()
    assert not photo.image.storage.exists(photo.image.name)
    assert ModelLogEntry.objects.filter(action=services.REMOVE_PHOTO_LOG_ACTION, user=moderator).exists()


@pytest.mark.django_db
def test_editors_add_a_day_of_action_under_a_section_or_a_campaign(admin_client, section):
    parents = {model._meta.label for model in DayOfActionPage.allowed_parent_page_models()}
    assert parents == {"pages.SectionPage", "campaigns.CampaignPage"}
    section_page = apps.get_model("pages", "SectionPage")  # pages sits above: named, not imported
    take_action = section_page(title="Take Action", slug="take-action", intro="Act now.")
    section.add_child(instance=take_action)

    form = admin_client.get(f"/admin/pages/add/localactions/dayofactionpage/{take_action.pk}/")

    assert form.status_code == 200
    assert 'name="registration_closes_at"' in form.content.decode()
