from django.apps import AppConfig


class LocalActionsConfig(AppConfig):
    name = "stoptheharm.localactions"
    label = "localactions"

    def ready(self) -> None:
        from django.db.models.signals import post_delete

        from stoptheharm.core.private_photos import PrivatePhotoFolder, register_private_photo_folder
        from stoptheharm.core.retention import register_retention_step
        from stoptheharm.localactions.models import PHOTO_FOLDER, ActionPhoto
        from stoptheharm.localactions.receivers import delete_photo_file
        from stoptheharm.localactions.retention import apply_local_action_retention
        from stoptheharm.localactions.selectors import is_public_photo

        register_retention_step(apply_local_action_retention)
        register_private_photo_folder(
            PrivatePhotoFolder(
                name=PHOTO_FOLDER,
                is_public=is_public_photo,
                staff_permissions=("localactions.moderate_local_actions",),
            )
        )
        post_delete.connect(delete_photo_file, sender=ActionPhoto, dispatch_uid="localactions.delete_photo_file")
