from wsgiref.util import setup_testing_defaults

import pytest
from django.core.handlers.asgi import ASGIHandler
from django.core.signals import request_started
from django.db import close_old_connections


@pytest.mark.django_db
def test_the_wsgi_application_answers_the_health_check():
    from config.wsgi import application

    environ = {"PATH_INFO": "/healthz", "HTTP_HOST": "localhost"}
    setup_testing_defaults(environ)
    statuses = []
    # As Django's test client does: the test's transaction must survive the start of the request.
    request_started.disconnect(close_old_connections)
    try:
        body = b"".join(application(environ, lambda status, headers: statuses.append(status)))
    finally:
        request_started.connect(close_old_connections)
    assert statuses == ["200 OK"]
    assert b'"status": "ok"' in body


def test_the_asgi_application_is_django():
    from config.asgi import application

    assert isinstance(application, ASGIHandler)
