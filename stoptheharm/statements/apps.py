from django.apps import AppConfig


class StatementsConfig(AppConfig):
    name = "stoptheharm.statements"
    label = "statements"
