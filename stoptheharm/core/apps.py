from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "stoptheharm.core"
    label = "core"

    def ready(self) -> None:
        from stoptheharm.core import checks  # noqa: F401  (registers the deploy checks)
