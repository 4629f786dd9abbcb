from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AlertsConfig(AppConfig):
    name = "stoptheharm.alerts"
    label = "alerts"
    verbose_name = _("Early warnings")

    def ready(self) -> None:
        from stoptheharm.alerts.retention import apply_alert_retention
        from stoptheharm.core.retention import register_retention_step

        register_retention_step(apply_alert_retention)
