from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "stoptheharm.pages"
    label = "pages"
