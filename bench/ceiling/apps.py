from django.apps import AppConfig


class CeilingConfig(AppConfig):
    name = "bench.ceiling"
    default_auto_field = "django.db.models.BigAutoField"
