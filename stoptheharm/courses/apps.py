from django.apps import AppConfig


class CoursesConfig(AppConfig):
    name = "stoptheharm.courses"
    label = "courses"

    def ready(self) -> None:
        from stoptheharm.core.retention import register_retention_step
        from stoptheharm.courses.retention import apply_learner_retention

        register_retention_step(apply_learner_retention)
