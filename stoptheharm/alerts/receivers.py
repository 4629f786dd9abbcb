"""An alert deleted in the admin takes its photo files along: its own and those its earlier revisions held."""

from typing import Any

from stoptheharm.alerts.models import Alert
from stoptheharm.core.private_photos import delete_photos_on_commit


def delete_photo_files(sender: type[Alert], instance: Alert, **kwargs: Any) -> None:
    """Before the deletion, while the revisions are still there; the files go once it commits."""
    revised = instance.revisions.values_list("content__photo", flat=True)
    delete_photos_on_commit(*{instance.photo.name or "", *(name for name in revised if isinstance(name, str))})
