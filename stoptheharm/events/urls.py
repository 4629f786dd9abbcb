from django.urls import path

from stoptheharm.events import views

app_name = "events"
urlpatterns = [
    path("feed.ics", views.feed, name="feed"),
    path("<id:event_id>/event.ics", views.event_ics, name="ics"),
    path("<id:event_id>/register/", views.register, name="register"),
    path("<id:event_id>/thank-you/", views.thank_you, name="thank-you"),
    path("registration/<str:token>/", views.registration, name="registration"),
    path("registration/<str:token>/cancel/", views.cancel, name="cancel"),
]
