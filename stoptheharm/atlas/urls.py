from django.urls import path, register_converter

from stoptheharm.atlas import views


class CountryCodeConverter:
    regex = "[A-Za-z]{2}"

    def to_python(self, value: str) -> str:
        return value.upper()

    def to_url(self, value: str) -> str:
        return value.lower()


register_converter(CountryCodeConverter, "country")

app_name = "atlas"
urlpatterns = [
    path("", views.atlas_map, name="map"),
    path("data/<slug:dataset>.<slug:file_format>", views.download, name="download"),
    path("<country:country_code>/", views.country, name="country"),
]
