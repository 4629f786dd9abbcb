from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "stoptheharm.api"
    label = "api"
