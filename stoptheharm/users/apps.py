from django.apps import AppConfig


class UsersConfig(AppConfig):
    name = "stoptheharm.users"
    label = "users"
