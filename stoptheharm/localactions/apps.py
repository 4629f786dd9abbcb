from django.apps import AppConfig


class LocalActionsConfig(AppConfig):
    name = "stoptheharm.localactions"
    label = "localactions"

    def ready(self) -> None:
        from stoptheharm.core.retention import register_retention_step
        from stoptheharm.localactions.retention import apply_local_action_retention

        register_retention_step(apply_local_action_retention)
