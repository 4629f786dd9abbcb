from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AlertsConfig(AppConfig):
    name = "stoptheharm.alerts"
    label = "alerts"
    verbose_name = _("Early warnings")

    def ready(self) -> None:
        from django.db.models.signals import pre_delete

        from stoptheharm.alerts.models import PHOTO_FOLDER, Alert
        from stoptheharm.alerts.receivers import delete_photo_files
        from stoptheharm.alerts.retention import apply_alert_retention
        from stoptheharm.alerts.selectors import is_published_photo
        from stoptheharm.core.private_photos import PrivatePhotoFolder, register_private_photo_folder
        from stoptheharm.core.retention import register_retention_step

        register_retention_step(apply_alert_retention)
        # Writers (who may change alerts) see the photo they attached, as reviewers do.
        register_private_photo_folder(
            PrivatePhotoFolder(
                name=PHOTO_FOLDER,
                is_public=is_published_photo,
                staff_permissions=("alerts.publish_alert", "alerts.change_alert"),
            )
        )
        pre_delete.connect(delete_photo_files, sender=Alert, dispatch_uid="alerts.delete_photo_files")
