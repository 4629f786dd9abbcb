from django.urls import path

from stoptheharm.organisations import views

app_name = "organisations"
urlpatterns = [
    path("", views.directory, name="directory"),
    path("<id:organisation_id>/", views.detail, name="detail"),
    path("join/", views.join, name="join"),
    path("join/thank-you/", views.join_thank_you, name="join-thank-you"),
    path("join/confirm/<str:token>/", views.join_confirm, name="join-confirm"),
]
