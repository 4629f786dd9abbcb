from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "stoptheharm.events"
    label = "events"

    def ready(self) -> None:
        from stoptheharm.core.retention import register_retention_step
        from stoptheharm.events.retention import apply_registration_retention

        register_retention_step(apply_registration_retention)
