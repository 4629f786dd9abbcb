from django.urls import path, register_converter

from stoptheharm.core.converters import DatabaseIdConverter
from stoptheharm.library import views

register_converter(DatabaseIdConverter, "id")

app_name = "library"
urlpatterns = [
    path("<id:resource_id>/guide.pdf", views.guide_pdf, name="guide-pdf"),
]
