"""The private photo storage and its two views, with a folder of the test's own (the features have theirs)."""

import io
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.db.models.fields.files import FieldFile, FileField
from django.utils.http import http_date
from PIL import Image

from stoptheharm.core import private_photos
from stoptheharm.core.private_photos import (
    PrivatePhotoFolder,
    PrivatePhotoInput,
    delete_photos_on_commit,
    move_photo_folder,
    private_photo_storage,
)

NAME = "testphotos/0123456789abcdef0123456789abcdef.png"
PUBLIC_NAMES: set[str] = set()


@pytest.fixture(autouse=True)
def roots(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_ROOT = tmp_path / "private"


@pytest.fixture(autouse=True)
def folder(monkeypatch):
    """A folder whose photos are public while their names are in PUBLIC_NAMES; staff who may view users see all."""
    PUBLIC_NAMES.clear()
    test_folder = PrivatePhotoFolder(
        name="testphotos", is_public=PUBLIC_NAMES.__contains__, staff_permissions=("users.view_user",)
    )
    monkeypatch.setitem(private_photos.PRIVATE_PHOTO_FOLDERS, "testphotos", test_folder)
    return test_folder


@pytest.fixture
def stored() -> bytes:
    output = io.BytesIO()
    Image.new("RGB", (4, 3), (10, 200, 10)).save(output, format="PNG")
    assert private_photo_storage.save(NAME, ContentFile(output.getvalue())) == NAME
    return output.getvalue()


def staff(username: str, *codenames: str):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))  # Wagtail's default group: admin access, pages
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    return user


def cache_directives(response) -> set[str]:
    return {directive.strip() for directive in response["Cache-Control"].split(",")}


def test_a_stored_photo_is_under_the_private_root_and_its_url_is_the_public_view(settings, stored):
    path = Path(private_photo_storage.path(NAME))
    assert path.read_bytes() == stored
    assert path.is_relative_to(settings.PRIVATE_ROOT)
    assert not path.is_relative_to(settings.MEDIA_ROOT)
    assert private_photo_storage.url(NAME) == f"/photos/{NAME}"


@pytest.mark.django_db
def test_a_photo_not_public_is_not_found_at_any_public_address(client, stored):
    for url in (f"/photos/{NAME}", f"/media/{NAME}", f"/en/photos/{NAME}"):
        assert client.get(url).status_code == 404, url
    assert client.get(f"/media/../private/{NAME}").status_code == 400  # Django's media view refuses to climb out


@pytest.mark.django_db
def test_a_public_photo_is_served_as_an_image_a_proxy_may_keep_without_a_cookie(client, stored):
    PUBLIC_NAMES.add(NAME)

    response = client.get(f"/photos/{NAME}")

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == stored
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == f"public, max-age={private_photos.PUBLIC_MAX_AGE_SECONDS}"
    assert not response.cookies and "Vary" not in response  # one copy for everyone, whatever the language
    unchanged = client.get(f"/photos/{NAME}", headers={"If-Modified-Since": response["Last-Modified"]})
    assert unchanged.status_code == 304
    assert unchanged["Cache-Control"] == response["Cache-Control"]
    older = client.get(f"/photos/{NAME}", headers={"If-Modified-Since": http_date(0)})
    assert older.status_code == 200


@pytest.mark.django_db
def test_a_photo_no_longer_public_is_not_found_even_when_the_browser_has_a_copy(client, stored):
    PUBLIC_NAMES.add(NAME)
    last_modified = client.get(f"/photos/{NAME}")["Last-Modified"]
    PUBLIC_NAMES.clear()

    assert client.get(f"/photos/{NAME}", headers={"If-Modified-Since": last_modified}).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name",
    [
        "elsewhere/0123456789abcdef0123456789abcdef.png",  # no feature's folder
        "testphotos/0123456789abcdef0123456789abcdef.svg",  # not a type the re-encoding writes
        "testphotos/../testphotos/0123456789abcdef0123456789abcdef.png",
        "testphotos/photo.png",
        "testphotos/0123456789abcdef0123456789abcdef.png/",
    ],
)
def test_names_no_feature_stores_are_not_found_even_for_staff(admin_client, stored, name):
    PUBLIC_NAMES.add(name)
    assert admin_client.get(f"/photos/{name}").status_code == 404
    assert admin_client.get(f"/admin/photos/{name}").status_code == 404


@pytest.mark.django_db
def test_a_public_name_without_its_file_is_not_found(client):
    PUBLIC_NAMES.add(NAME)
    assert client.get(f"/photos/{NAME}").status_code == 404


@pytest.mark.django_db
def test_the_staff_view_needs_a_login_and_the_folders_permission(client, stored):
    url = f"/admin/photos/{NAME}"

    anonymous = client.get(url)
    assert anonymous.status_code == 302 and anonymous["Location"].startswith("/admin/login/")
    client.force_login(staff("editor"))
    refused = client.get(url)
    assert refused.status_code == 302 and refused["Location"] == "/admin/"  # Wagtail's "permission denied"
    client.force_login(staff("moderator", "view_user"))
    response = client.get(url)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == stored
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert {"private", "no-store"} <= cache_directives(response)  # the admin adds its own never-cache ones


@pytest.mark.django_db
def test_files_are_deleted_only_once_the_deletion_commits(stored, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        delete_photos_on_commit(NAME, "")
    assert private_photo_storage.exists(NAME)  # a rolled-back deletion keeps its file

    [delete] = callbacks
    delete()
    assert not private_photo_storage.exists(NAME)
    delete()  # a file gone already is no error


def test_the_migration_helper_moves_a_folder_out_of_media_and_can_run_twice(settings):
    media_folder = Path(settings.MEDIA_ROOT) / "testphotos"
    media_folder.mkdir(parents=True)
    (media_folder / "0123456789abcdef0123456789abcdef.png").write_bytes(b"png")

    for _ in range(2):
        move_photo_folder("testphotos", source=settings.MEDIA_ROOT, destination=settings.PRIVATE_ROOT)

    assert not media_folder.exists()
    assert private_photo_storage.open(NAME).read() == b"png"
    move_photo_folder("testphotos", source=settings.PRIVATE_ROOT, destination=settings.MEDIA_ROOT)  # reversed
    assert (media_folder / "0123456789abcdef0123456789abcdef.png").read_bytes() == b"png"


def test_the_admin_file_input_links_to_the_staff_view(stored):
    html = PrivatePhotoInput().render("photo", FieldFile(None, FileField(storage=private_photo_storage), NAME))
    assert f'href="/admin/photos/{NAME}"' in html
    assert f'href="/photos/{NAME}"' not in html
