from django.urls import path

from stoptheharm.localactions import views

app_name = "localactions"
urlpatterns = [
    path("<id:day_id>/register/", views.register, name="register"),
    path("<id:day_id>/thank-you/", views.thank_you, name="thank-you"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("edit/<str:token>/", views.edit, name="edit"),
    path("edit/<str:token>/photos/", views.upload_photo, name="upload-photo"),
    path("edit/<str:token>/photos/<id:photo_id>/", views.organiser_photo, name="photo"),
]
