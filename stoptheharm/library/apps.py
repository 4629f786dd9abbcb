from django.apps import AppConfig


class LibraryConfig(AppConfig):
    name = "stoptheharm.library"
    label = "library"
