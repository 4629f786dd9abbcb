"""Start the real settings in a fresh process, as a deployment would."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[3]
STRONG_KEY = "k3Yq8vN2pL7rT1wX9zC4bM6hJ0fD5sA8gE2uI7oP3yR6tW1qZ9xV4nB7mK2jH5cL"


def manage(*args: str, extra_env: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    environ = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "SECRET_KEY", "DEBUG", "DJANGO_ENV", "EMAIL_URL"}
        and not key.startswith("DJANGO_ALLOW_ASYNC")
    }
    environ |= {"VAR_DIR": str(tmp_path / "var"), **extra_env}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


PRODUCTION = {
    "DJANGO_ENV": "production",
    "SECRET_KEY": STRONG_KEY,
    "ALLOWED_HOSTS": "stoptheharm.example.org",
    "SITE_URL": "https://stoptheharm.example.org",
    "TRUSTED_PROXY_COUNT": "1",
    "EMAIL_URL": "smtp+tls://mailer:secret@mail.example.org:587",
}


def test_production_passes_check_deploy_with_no_warnings(tmp_path):
    database = f"sqlite:///{tmp_path / 'deploy.sqlite3'}"
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        extra_env={**PRODUCTION, "DATABASE_URL": database},
        tmp_path=tmp_path,
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize("mode", [{"DJANGO_ENV": "production"}, {"DEBUG": "0"}])
def test_production_refuses_to_start_without_a_secret_key(tmp_path, mode):
    result = manage("check", extra_env={**mode, "ALLOWED_HOSTS": "stoptheharm.example.org"}, tmp_path=tmp_path)
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr
    assert not (tmp_path / "var" / "secret_key").exists()


def test_a_bad_database_url_stops_start_up_with_a_sentence_naming_it(tmp_path):
    result = manage("check", extra_env={"DATABASE_URL": "mysql://root@localhost/site"}, tmp_path=tmp_path)
    assert result.returncode != 0
    assert "DATABASE_URL must start with sqlite:/// or postgres://" in result.stderr


def test_production_refuses_a_site_url_without_https(tmp_path):
    result = manage("check", extra_env={**PRODUCTION, "SITE_URL": "http://stoptheharm.example.org"}, tmp_path=tmp_path)
    assert result.returncode != 0
    assert "SITE_URL must be the site's https:// address" in result.stderr


def test_production_refuses_debug_on(tmp_path):
    result = manage("check", extra_env={**PRODUCTION, "DEBUG": "1"}, tmp_path=tmp_path)
    assert result.returncode != 0
    assert "DEBUG must be off in production" in result.stderr


def test_the_embedded_mode_needs_no_configuration(tmp_path):
    result = manage("check", extra_env={}, tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "var" / "secret_key").exists()


def test_production_redirects_to_https_except_the_health_check(tmp_path):
    probe = (
        "from django.test import Client; client = Client(HTTP_HOST='stoptheharm.example.org'); "
        "print(client.get('/healthz').status_code, client.get('/en/')['Location'])"
    )
    database = f"sqlite:///{tmp_path / 'probe.sqlite3'}"
    result = manage(
        "shell", "--no-imports", "-c", probe, extra_env={**PRODUCTION, "DATABASE_URL": database}, tmp_path=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["200", "https://stoptheharm.example.org/en/"]


def test_production_cookies_are_host_bound_and_https_only(tmp_path):
    probe = (
        "from django.conf import settings as s; "
        "print(s.SESSION_COOKIE_NAME, s.CSRF_COOKIE_NAME, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE)"
    )
    result = manage("shell", "--no-imports", "-c", probe, extra_env=PRODUCTION, tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["__Host-sessionid", "__Host-csrftoken", "True", "True"]
