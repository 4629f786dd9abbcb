from django.urls import path

from stoptheharm.organisations import views

app_name = "organisations"
urlpatterns = [
    path("", views.directory, name="directory"),
    path("<int:organisation_id>/", views.detail, name="detail"),
]
