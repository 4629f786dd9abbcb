from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "stoptheharm.news"
    label = "news"
