from django.urls import path

from stoptheharm.library import views

app_name = "library"
urlpatterns = [
    path("<id:resource_id>/guide.pdf", views.guide_pdf, name="guide-pdf"),
]
