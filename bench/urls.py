from django.urls import path

from bench.ceiling.views import insert_row
from config.urls import urlpatterns as site_urlpatterns

urlpatterns = [path("bench/ceiling/", insert_row), *site_urlpatterns]
