from django.apps import AppConfig


class PetitionsConfig(AppConfig):
    name = "stoptheharm.petitions"
    label = "petitions"
