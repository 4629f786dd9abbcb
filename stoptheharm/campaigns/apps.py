from django.apps import AppConfig


class CampaignsConfig(AppConfig):
    name = "stoptheharm.campaigns"
    label = "campaigns"
