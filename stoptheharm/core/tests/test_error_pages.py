import pytest
from django.db import OperationalError
from django.test import override_settings
from django.urls import path

SECRET_DETAIL = "password=hunter2 at db.internal"


def failing_view(request):
    raise RuntimeError(SECRET_DETAIL)


urlpatterns = [path("boom/", failing_view)]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("code", "heading"),
    [
        ("en", "Page not found"),
        ("fr", "Page introuvable"),
        ("es", "Página no encontrada"),
        ("ru", "Страница не найдена"),
        ("pt", "Página não encontrada"),
    ],
)
def test_the_not_found_page_is_branded_and_translated(client, demo_site, code, heading):
    response = client.get(f"/{code}/no-such-page/?next=<script>alert(1)</script>")
    assert response.status_code == 404
    content = response.content.decode()
    assert f'<html lang="{code}"' in content
    assert heading in content
    assert "Stop the Harm" in content
    assert "no-such-page" not in content
    assert "<script>" not in content


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=__name__)
def test_the_server_error_page_is_branded_and_reveals_nothing(client):
    client.raise_request_exception = False
    response = client.get("/boom/")
    assert response.status_code == 500
    content = response.content.decode()
    assert "Stop the Harm" in content
    assert "Something went wrong" in content
    for leak in [SECRET_DETAIL, "RuntimeError", "Traceback", "failing_view", "/boom/"]:
        assert leak not in content


@pytest.mark.django_db
def test_health_reports_a_reachable_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_health_reports_an_unreachable_database_with_503(client, monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr("stoptheharm.core.views.connection.cursor", refuse)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unreachable"


@pytest.mark.django_db
def test_health_accepts_only_reads(client):
    assert client.post("/healthz").status_code == 405


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/api/v1/no-such-endpoint/", "/api/v1/petitions/no-such-petition/", "/healthzz"])
def test_an_unknown_address_outside_the_pages_stays_a_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert not response.has_header("Location")
