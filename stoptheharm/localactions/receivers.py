"""A photo deleted in any way (by a moderator, its action rejected, its day of action deleted) takes its file."""

from typing import Any

from stoptheharm.core.private_photos import delete_photos_on_commit
from stoptheharm.localactions.models import ActionPhoto


def delete_photo_file(sender: type[ActionPhoto], instance: ActionPhoto, **kwargs: Any) -> None:
    delete_photos_on_commit(instance.image.name)
