"""Photos the public or staff upload, kept where no public URL reaches them (decision 0017).

Every such photo is stored under PRIVATE_ROOT, outside MEDIA_ROOT: neither nginx nor Django's media
view serves that directory. Two views read it:

- `/photos/<name>` (the storage's URL for the file) answers only while the feature that owns the
  folder says the photo is public (approved, published); otherwise 404, whoever asks. Whether it is
  public is read from the database on each request, so approving, unpublishing or rejecting needs no
  file to move, and nothing can leave a file public by mistake.
- `/admin/photos/<name>` answers staff with one of the folder's permissions, whatever the state,
  with `Cache-Control: private, no-store`.

A feature registers its folder (the first part of its stored names) when Django starts (its
AppConfig.ready), with the permission its moderators have and the selector that says what is public.
"""

import contextlib
import os
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django import forms
from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date

from stoptheharm.core.photos import CONTENT_TYPES

# How long browsers and the proxy may keep a public photo: one taken down (someone in it did not
# agree) is gone from the proxy's cache within this time; a browser then asks again (304 if unchanged).
PUBLIC_MAX_AGE_SECONDS = 60

# What the features store: `<folder>/<32 hex digits>.<extension>`; any other name is never served.
STORED_NAME = re.compile(r"(?P<folder>[a-z]+)/[0-9a-f]{32}\.(?P<extension>[a-z]+)")


@dataclass(frozen=True)
class PrivatePhotoFolder:
    """A feature's photos: stored under `name/`, public once `is_public(stored_name)` says so."""

    name: str
    is_public: Callable[[str], bool]
    staff_permissions: tuple[str, ...]  # any one of them shows every photo of the folder, in the admin


PRIVATE_PHOTO_FOLDERS: dict[str, PrivatePhotoFolder] = {}


def register_private_photo_folder(folder: PrivatePhotoFolder) -> None:
    PRIVATE_PHOTO_FOLDERS[folder.name] = folder


class PrivatePhotoStorage(FileSystemStorage):
    """Files under PRIVATE_ROOT (read at each use, so tests may move it); their URL is the public view's."""

    @property  # FileSystemStorage keeps it once read; this one follows the setting
    def base_location(self) -> Path:
        return Path(settings.PRIVATE_ROOT)

    @property
    def location(self) -> str:
        return os.path.abspath(self.base_location)

    def url(self, name: str | None) -> str:
        return reverse("public-photo", kwargs={"name": name})


private_photo_storage = PrivatePhotoStorage()


def staff_photo_url(name: str) -> str:
    return reverse("staff-photo", kwargs={"name": name})


def registered_folder(name: str) -> PrivatePhotoFolder:
    """The folder a stored name belongs to; Http404 for a name no feature stores."""
    match = STORED_NAME.fullmatch(name)
    if match is None or match["extension"] not in CONTENT_TYPES:
        raise Http404
    folder = PRIVATE_PHOTO_FOLDERS.get(match["folder"])
    if folder is None:
        raise Http404
    return folder


def photo_response(request: HttpRequest, name: str, *, public: bool) -> HttpResponse:
    """The stored photo as it is (never sniffed, its type from the extension the re-encoding chose).

    Public: shared caches may keep it PUBLIC_MAX_AGE_SECONDS, and an unchanged photo is answered 304.
    Otherwise `private, no-store`: nothing keeps a copy.
    """
    registered_folder(name)  # the name's form and extension
    try:
        modified = int(private_photo_storage.get_modified_time(name).timestamp())
    except FileNotFoundError as error:
        raise Http404 from error
    response = get_conditional_response(request, last_modified=modified) if public else None  # 304 (or 412)
    if response is None:
        extension = name.rsplit(".", 1)[1]
        response = FileResponse(private_photo_storage.open(name, "rb"), content_type=CONTENT_TYPES[extension])
    response["Last-Modified"] = http_date(modified)
    response["Cache-Control"] = f"public, max-age={PUBLIC_MAX_AGE_SECONDS}" if public else "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def delete_photos_on_commit(*names: str) -> None:
    """Delete the files once the transaction that let go of them commits (at once outside a transaction)."""
    kept = [name for name in names if name]

    def delete() -> None:
        for name in kept:
            private_photo_storage.delete(name)

    if kept:
        transaction.on_commit(delete)


class PrivatePhotoInput(forms.ClearableFileInput):
    """The admin's file input for such a photo: "Currently" links to the staff view, not to the public URL."""

    def get_context(self, name: str, value: Any, attrs: Any) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        if context["widget"]["is_initial"]:
            context["widget"]["value"] = _StaffLink(str(value), staff_photo_url(str(value)))
        return context


@dataclass(frozen=True)
class _StaffLink:
    name: str
    url: str

    def __str__(self) -> str:
        return self.name


def move_photo_folder(folder: str, *, source: Path, destination: Path) -> None:
    """Move every file of `source/folder/` to `destination/folder/`, same names; for the data migrations.

    Safe to run twice or in two processes at once (parallel test databases): a file already moved is skipped.
    """
    origin = Path(source) / folder
    if not origin.is_dir():
        return
    target = Path(destination) / folder
    target.mkdir(parents=True, exist_ok=True)
    for path in origin.iterdir():
        if path.is_file():
            try:
                shutil.move(path, target / path.name)
            except FileNotFoundError:
                continue
    with contextlib.suppress(OSError):  # not empty (something else was put there), or gone already
        origin.rmdir()
