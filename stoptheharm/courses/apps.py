from django.apps import AppConfig


class CoursesConfig(AppConfig):
    name = "stoptheharm.courses"
    label = "courses"
