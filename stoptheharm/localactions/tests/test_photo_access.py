"""Who reaches a local action's photo, and when: nobody but moderators (and the organiser) until it is public."""

from pathlib import Path

import pytest
from django.conf import settings

from stoptheharm.localactions import services
from stoptheharm.localactions.models import ActionPhoto
from stoptheharm.localactions.tests.factories import add_action, image_upload, past_day
from stoptheharm.localactions.tests.test_moderation import staff
from stoptheharm.localactions.tokens import edit_token


@pytest.fixture
def action(section):
    return add_action(past_day(parent=section))


@pytest.fixture
def photo(action) -> ActionPhoto:
    return services.add_action_photo(action=action, upload=image_upload(), alt_text="Candles on the steps")


@pytest.fixture
def moderator(db):
    return staff("moderator", "view_actionphoto", "moderate_local_actions")


def cache_directives(response) -> set[str]:
    """The admin adds its own never-cache directives to the view's `private, no-store`."""
    return {directive.strip() for directive in response["Cache-Control"].split(",")}


def public_status(client, photo: ActionPhoto) -> int:
    return client.get(photo.image.url).status_code


def staff_url(photo: ActionPhoto) -> str:
    return f"/admin/photos/{photo.image.name}"


def edit_link(action) -> str:
    return f"/en/local-actions/edit/{edit_token(action.pk, action.secret)}/"


@pytest.mark.django_db
def test_a_photo_awaiting_moderation_is_stored_out_of_public_reach(client, photo):
    path = Path(photo.image.path)
    assert path.is_file()
    assert path.is_relative_to(settings.PRIVATE_ROOT)
    assert not path.is_relative_to(settings.MEDIA_ROOT)
    assert photo.image.url == f"/photos/{photo.image.name}"

    for url in (photo.image.url, f"/media/{photo.image.name}", f"/media/{Path(photo.image.name).name}"):
        assert client.get(url).status_code == 404, url


@pytest.mark.django_db
def test_moderators_see_a_photo_awaiting_moderation_and_nobody_else_does(client, photo, moderator):
    anonymous = client.get(staff_url(photo))
    assert anonymous.status_code == 302 and anonymous["Location"].startswith("/admin/login/")
    client.force_login(staff("viewer", "view_actionphoto"))
    refused = client.get(staff_url(photo))
    assert refused.status_code == 302 and refused["Location"] == "/admin/"  # Wagtail's "permission denied"
    assert public_status(client, photo) == 404  # staff too: the public address is the same for everyone

    client.force_login(moderator)
    response = client.get(staff_url(photo))
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    assert {"private", "no-store"} <= cache_directives(response) and response["X-Content-Type-Options"] == "nosniff"
    with photo.image.open("rb") as stored:
        assert b"".join(response.streaming_content) == stored.read()
    assert staff_url(photo) in client.get(f"/admin/local-actions/photos/{photo.pk}/approve/").content.decode()


@pytest.mark.django_db
def test_approving_makes_the_photo_public_and_its_page_shows_it(client, action, photo, moderator):
    services.approve_photo(photo_id=photo.pk, user=moderator)

    response = client.get(photo.image.url)
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    assert response["Cache-Control"].startswith("public, max-age=")
    assert not response.cookies
    assert f'src="{photo.image.url}"' in client.get(action.day.url).content.decode()


@pytest.mark.django_db
def test_an_approved_action_sent_back_to_moderation_hides_its_photos_until_approved_again(client, action, photo):
    services.approve_photo(photo_id=photo.pk, user=None)

    services.edit_local_action(action=action, title="A vigil and a march")
    assert public_status(client, photo) == 404
    services.approve_local_action(action_id=action.pk, user=None)
    assert public_status(client, photo) == 200


@pytest.mark.django_db
def test_rejecting_an_action_deletes_its_photos_and_their_files(
    client, action, photo, django_capture_on_commit_callbacks
):
    services.approve_photo(photo_id=photo.pk, user=None)
    services.edit_local_action(action=action, city="Porto")

    with django_capture_on_commit_callbacks(execute=True):
        services.reject_local_action(action_id=action.pk, user=None, reason="Not on the day")

    assert not ActionPhoto.objects.exists()
    assert not photo.image.storage.exists(photo.image.name)
    assert public_status(client, photo) == 404


@pytest.mark.django_db
def test_a_removed_photo_is_not_found_and_its_file_is_gone(client, photo, django_capture_on_commit_callbacks):
    services.approve_photo(photo_id=photo.pk, user=None)
    with django_capture_on_commit_callbacks(execute=True):
        services.remove_photo(photo_id=photo.pk, user=None)

    assert public_status(client, photo) == 404
    assert not Path(photo.image.path).exists()


@pytest.mark.django_db
def test_deleting_the_day_of_action_deletes_the_photo_files(action, photo, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        action.day.delete()

    assert not ActionPhoto.objects.exists()
    assert not Path(photo.image.path).exists()


@pytest.mark.django_db
def test_photos_of_an_unpublished_day_of_action_are_not_public(client, action, photo):
    services.approve_photo(photo_id=photo.pk, user=None)
    action.day.unpublish()
    assert public_status(client, photo) == 404


@pytest.mark.django_db
def test_the_organiser_sees_their_photos_through_their_private_link_only(client, section, action, photo):
    page = client.get(edit_link(action)).content.decode()
    own_url = f"{edit_link(action)}photos/{photo.pk}/"
    assert f'src="{own_url}"' in page

    response = client.get(own_url)
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    assert response["Cache-Control"] == "private, no-store" and response["Referrer-Policy"] == "no-referrer"
    other = add_action(action.day, contact_email="other@example.org")
    assert client.get(f"{edit_link(other)}photos/{photo.pk}/").status_code == 404
    assert client.get(f"/en/local-actions/edit/not-a-token/photos/{photo.pk}/").status_code == 404
