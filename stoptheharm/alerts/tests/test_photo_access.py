"""Who reaches an alert's photo, and when: only reviewers and writers, in the admin, until it is published."""

from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission

from stoptheharm.alerts import services
from stoptheharm.alerts.models import Alert, AlertStatus
from stoptheharm.alerts.tests.factories import add_alert, jpeg_with_gps


@pytest.fixture
def alert(db) -> Alert:
    return add_alert(published=False, photo=jpeg_with_gps(), photo_description="A blue pill")


def staff(django_user_model, username: str, *codenames: str):
    """An admin user with only these permissions of the alerts app."""
    group = Group.objects.create(name=f"{username}s")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="alerts", codename__in=codenames),
    )
    user = django_user_model.objects.create_user(username=username, password="x" * 20)
    user.groups.add(group)
    return user


def cache_directives(response) -> set[str]:
    """The admin adds its own never-cache directives to the view's `private, no-store`."""
    return {directive.strip() for directive in response["Cache-Control"].split(",")}


def public_status(client, alert: Alert) -> int:
    return client.get(alert.photo.url).status_code


def staff_url(name: str) -> str:
    return f"/admin/photos/{name}"


def replace_photo(alert: Alert) -> str:
    """What the admin's edit form does with a new photo: store it, save the alert, save a revision."""
    alert.photo.save("photo.jpg", services.clean_alert_photo(jpeg_with_gps()), save=False)
    alert.save()
    alert.save_revision()
    return alert.photo.name


@pytest.mark.django_db
def test_the_photo_of_an_alert_awaiting_review_is_stored_out_of_public_reach(client, alert):
    path = Path(alert.photo.path)
    assert path.is_file()
    assert path.is_relative_to(settings.PRIVATE_ROOT) and not path.is_relative_to(settings.MEDIA_ROOT)
    assert alert.photo.url == f"/photos/{alert.photo.name}"

    for url in (alert.photo.url, f"/media/{alert.photo.name}"):
        assert client.get(url).status_code == 404, url


@pytest.mark.django_db
def test_reviewers_and_writers_see_the_photo_in_the_admin_and_nobody_else(client, django_user_model, alert):
    url = staff_url(alert.photo.name)
    anonymous = client.get(url)
    assert anonymous.status_code == 302 and anonymous["Location"].startswith("/admin/login/")
    client.force_login(staff(django_user_model, "reader", "view_alert"))
    refused = client.get(url)
    assert refused.status_code == 302 and refused["Location"] == "/admin/"  # Wagtail's "permission denied"

    for role, codenames in {"reviewer": ["publish_alert"], "writer": ["add_alert", "change_alert"]}.items():
        client.force_login(staff(django_user_model, role, *codenames))
        response = client.get(url)
        assert response.status_code == 200 and response["Content-Type"] == "image/jpeg", role
        assert {"private", "no-store"} <= cache_directives(response) and response["X-Content-Type-Options"] == "nosniff"
        assert public_status(client, alert) == 404, role  # the public address is the same for everyone


@pytest.mark.django_db
def test_the_review_queue_and_the_edit_form_show_the_photo_through_the_staff_view(admin_client, alert):
    queue = admin_client.get("/admin/alerts/review/").content.decode()
    form = admin_client.get(f"/admin/snippets/alerts/alert/edit/{alert.pk}/").content.decode()

    for page in (queue, form):
        assert staff_url(alert.photo.name) in page
        assert f'"{alert.photo.url}"' not in page


@pytest.mark.django_db
def test_publishing_makes_the_photo_public_and_a_rejected_alerts_photo_stays_private(client, admin_user, alert):
    rejected = add_alert(published=False, service=alert.service, photo=jpeg_with_gps())
    services.reject_alert(alert=rejected, user=admin_user, reason="Not confirmed by the lab.")
    services.publish_alert(alert=alert, user=admin_user)

    response = client.get(alert.photo.url)
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    assert response["Cache-Control"].startswith("public, max-age=") and not response.cookies
    assert f'src="{alert.photo.url}"' in client.get(alert.get_absolute_url()).content.decode()
    assert client.get("/api/v1/alerts/").json()[0]["photo_url"] == f"http://testserver{alert.photo.url}"
    assert public_status(client, rejected) == 404


@pytest.mark.django_db
def test_the_photo_is_public_only_while_the_alert_is_published(client, alert):
    services.publish_alert(alert=alert, user=None)
    assert public_status(client, alert) == 200

    Alert.objects.filter(pk=alert.pk).update(status=AlertStatus.REJECTED)  # however it stops being published
    assert public_status(client, alert) == 404


@pytest.mark.django_db
def test_a_replaced_photo_is_no_longer_public(client, alert):
    alert.save_revision()
    first = alert.photo.name
    services.publish_alert(alert=alert, user=None)

    alert.refresh_from_db()
    second = replace_photo(alert)

    assert client.get(f"/photos/{first}").status_code == 404
    assert client.get(f"/photos/{second}").status_code == 200


@pytest.mark.django_db
def test_deleting_an_alert_deletes_its_photo_and_those_of_its_earlier_revisions(
    admin_client, alert, django_capture_on_commit_callbacks
):
    alert.save_revision()
    first = alert.photo.name
    second = replace_photo(alert)
    unrelated = add_alert(published=False, service=alert.service, photo=jpeg_with_gps())

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(f"/admin/snippets/alerts/alert/delete/{alert.pk}/")

    assert response.status_code == 302
    assert not Alert.objects.filter(pk=alert.pk).exists()
    storage = alert.photo.storage
    assert not storage.exists(first) and not storage.exists(second)
    assert storage.exists(unrelated.photo.name)
