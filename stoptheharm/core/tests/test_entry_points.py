from wsgiref.util import setup_testing_defaults

import pytest
from django.core.handlers.asgi import ASGIHandler


@pytest.mark.django_db
def test_the_wsgi_application_answers_the_health_check():
    from config.wsgi import application

    environ = {"PATH_INFO": "/healthz", "HTTP_HOST": "localhost"}
    setup_testing_defaults(environ)
    statuses = []
    body = b"".join(application(environ, lambda status, headers: statuses.append(status)))
    assert statuses == ["200 OK"]
    assert b'"status": "ok"' in body


def test_the_asgi_application_is_django():
    from config.asgi import application

    assert isinstance(application, ASGIHandler)
