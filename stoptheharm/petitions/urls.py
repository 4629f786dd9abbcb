from django.urls import path

from stoptheharm.petitions import views

app_name = "petitions"
urlpatterns = [
    path("<id:petition_id>/sign/", views.sign, name="sign"),
    path("<id:petition_id>/thank-you/", views.thank_you, name="thank-you"),
    path("<id:petition_id>/resend/", views.resend, name="resend"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("signature/<str:token>/", views.manage, name="manage"),
    path("signature/<str:token>/withdraw/", views.withdraw, name="withdraw"),
    path("signature/<str:token>/download/", views.download, name="download"),
    path("signature/<str:token>/erase/", views.erase, name="erase"),
]
