from django.urls import path

from stoptheharm.alerts import views
from stoptheharm.alerts.feeds import AlertsAtomFeed

app_name = "alerts"
urlpatterns = [
    path("", views.alert_list, name="list"),
    path("<id:alert_id>/", views.detail, name="detail"),
    path("feed.atom", AlertsAtomFeed(), name="atom"),
    path("feed/<str:country_code>.atom", AlertsAtomFeed(), name="country-atom"),
    path("subscribe/", views.subscribe, name="subscribe"),
    path("subscribe/thank-you/", views.subscribe_thank_you, name="subscribe-thank-you"),
    path("subscribe/confirm/<str:token>/", views.confirm, name="confirm"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
