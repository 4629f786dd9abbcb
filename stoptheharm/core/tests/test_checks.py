from unittest import mock

from django.conf import settings as django_settings
from django.test import override_settings

from stoptheharm.core.checks import check_platform_security


def error_ids(**overrides):
    with override_settings(**overrides):
        return {message.id for message in check_platform_security(None)}


def test_a_deployment_with_a_queue_csp_and_healthy_connections_passes():
    assert error_ids(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}) == set()


def test_tasks_inside_requests_fail_the_deploy_check():
    immediate = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    assert "stoptheharm.E002" in error_ids(TASKS=immediate)


def test_a_missing_content_security_policy_fails_the_deploy_check():
    queue = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    assert "stoptheharm.E001" in error_ids(TASKS=queue, SECURE_CSP={})


def test_persistent_connections_without_health_checks_fail_the_deploy_check():
    queue = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with mock.patch.dict(django_settings.DATABASES["default"], {"CONN_MAX_AGE": 60, "CONN_HEALTH_CHECKS": False}):
        assert "stoptheharm.E003" in error_ids(TASKS=queue)
