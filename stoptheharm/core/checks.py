"""Deploy checks that Django's own `check --deploy` does not make."""

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, Tags, register

CSP_MIDDLEWARE = "django.middleware.csp.ContentSecurityPolicyMiddleware"


@register(Tags.security, deploy=True)
def check_platform_security(app_configs: Any, **kwargs: Any) -> list[CheckMessage]:
    """Fail a deployment that would leak requests to third parties or send e-mail inside requests."""
    errors: list[CheckMessage] = []
    if CSP_MIDDLEWARE not in settings.MIDDLEWARE or not settings.SECURE_CSP:
        errors.append(Error("The Content-Security-Policy is not enforced.", id="stoptheharm.E001"))
    if settings.TASKS["default"]["BACKEND"].endswith("ImmediateBackend"):
        errors.append(
            Error(
                "Tasks would run inside web requests.",
                hint="Set TASKS_BACKEND to a queue with a worker, e.g. django_tasks_db.DatabaseBackend.",
                id="stoptheharm.E002",
            )
        )
    if any(db.get("CONN_MAX_AGE") and not db.get("CONN_HEALTH_CHECKS") for db in settings.DATABASES.values()):
        errors.append(Error("Persistent database connections without health checks.", id="stoptheharm.E003"))
    return errors
