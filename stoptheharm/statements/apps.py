from django.apps import AppConfig


class StatementsConfig(AppConfig):
    name = "stoptheharm.statements"
    label = "statements"

    def ready(self) -> None:
        from stoptheharm.core.retention import register_retention_step
        from stoptheharm.statements.retention import apply_endorsement_retention

        register_retention_step(apply_endorsement_retention)
