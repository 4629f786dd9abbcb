from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "stoptheharm.core"
    label = "core"

    def ready(self) -> None:
        from django.urls import register_converter

        from stoptheharm.core import checks  # noqa: F401  (registers the deploy checks)
        from stoptheharm.core.converters import DatabaseIdConverter

        register_converter(DatabaseIdConverter, "id")  # once for every app's URLs: `<id:resource_id>`
