import re
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db.utils import ConnectionHandler

from config import env


@pytest.mark.parametrize(
    "url",
    ["mysql://user@host/db", "postgress://user@host/db", "not a url", "127.0.0.1:5432/stoptheharm"],
)
def test_a_bad_database_url_names_the_variable(url):
    with pytest.raises(ImproperlyConfigured, match="DATABASE_URL"):
        env.database_config(url)


def test_a_postgres_url_without_a_database_name_is_refused():
    with pytest.raises(ImproperlyConfigured, match="DATABASE_URL names no database"):
        env.database_config("postgres://user:secret@127.0.0.1:5432/")


def test_a_postgres_url_is_read_with_health_checks_when_connections_persist():
    config = env.database_config("postgres://amina:s%40cret@db.internal:6543/stoptheharm", conn_max_age=60)
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["NAME"], config["USER"], config["PASSWORD"]) == ("stoptheharm", "amina", "s@cret")
    assert (config["HOST"], config["PORT"]) == ("db.internal", 6543)
    assert config["CONN_MAX_AGE"] == 60
    assert config["CONN_HEALTH_CHECKS"] is True


def test_sqlite_is_opened_in_wal_mode(tmp_path, django_db_blocker):
    connections = ConnectionHandler({"default": env.database_config(f"sqlite:///{tmp_path / 'site.sqlite3'}")})
    with django_db_blocker.unblock(), connections["default"].cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
    connections.close_all()


def mailer(url: str, default_file_path: str = "/unused") -> dict:
    return env.mailers_config(url, default_file_path=Path(default_file_path))["default"]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("smtp+tls://mailer:p%2Fss@mail.example.org:2525", {"host": "mail.example.org", "port": 2525, "use_tls": True}),
        ("smtps://mail.example.org", {"port": 465, "use_ssl": True, "use_tls": False}),
        ("smtp://127.0.0.1:1025?timeout=3", {"port": 1025, "timeout": 3, "username": "", "use_tls": False}),
    ],
)
def test_smtp_urls_become_a_mailer(url, expected):
    config = mailer(url)
    assert config["BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert expected.items() <= config["OPTIONS"].items()


def test_smtp_credentials_are_url_decoded():
    options = mailer("smtp+tls://mailer:p%2Fss@mail.example.org")["OPTIONS"]
    assert (options["username"], options["password"]) == ("mailer", "p/ss")


def test_file_email_defaults_to_the_given_folder_and_accepts_a_path():
    assert mailer("file:", "/srv/mail")["OPTIONS"] == {"file_path": "/srv/mail"}
    assert mailer("file:///tmp/outbox", "/srv/mail")["OPTIONS"] == {"file_path": "/tmp/outbox"}
    assert mailer("console:") == {"BACKEND": "django.core.mail.backends.console.EmailBackend", "OPTIONS": {}}


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("sendmail://localhost", "EMAIL_URL must start with"),
        ("smtp://", "EMAIL_URL names no host"),
        ("smtp://mail.example.org:twenty", "EMAIL_URL has a port"),
        ("smtp://mail.example.org?timeout=soon", "EMAIL_URL timeout"),
    ],
)
def test_a_bad_email_url_names_the_variable(url, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        mailer(url)


def test_the_cache_is_local_memory_without_redis_and_redis_with_it():
    assert env.cache_config(None)["default"]["BACKEND"].endswith("LocMemCache")
    redis = env.cache_config("redis://127.0.0.1:6379/1")["default"]
    assert redis["BACKEND"] == "stoptheharm.core.cache.RedisCache"
    assert redis["LOCATION"] == "redis://127.0.0.1:6379/1"


def test_a_bad_redis_url_names_the_variable():
    with pytest.raises(ImproperlyConfigured, match="REDIS_URL"):
        env.cache_config("http://127.0.0.1:6379")


@pytest.mark.parametrize(("raw", "expected"), [("1", True), ("yes", True), ("ON", True), ("0", False), ("off", False)])
def test_yes_no_variables(raw, expected):
    assert env.env_bool("DEBUG", not expected, {"DEBUG": raw}) is expected


def test_an_unclear_yes_no_value_names_the_variable():
    with pytest.raises(ImproperlyConfigured, match="DEBUG must be one of"):
        env.env_bool("DEBUG", False, {"DEBUG": "maybe"})


def test_a_number_variable_refuses_words():
    with pytest.raises(ImproperlyConfigured, match="CONN_MAX_AGE must be a whole number"):
        env.env_int("CONN_MAX_AGE", 0, {"CONN_MAX_AGE": "sixty"})


def test_lists_ignore_blanks():
    assert env.env_list("ALLOWED_HOSTS", [], {"ALLOWED_HOSTS": " a.org, ,b.org "}) == ["a.org", "b.org"]


@pytest.mark.parametrize(
    ("environ", "module"),
    [
        ({}, "config.settings.dev"),
        ({"DEBUG": "1"}, "config.settings.dev"),
        ({"DEBUG": "0"}, "config.settings.production"),
        ({"DJANGO_ENV": "production"}, "config.settings.production"),
        ({"DJANGO_ENV": "Production", "DEBUG": "1"}, "config.settings.production"),
    ],
)
def test_production_mode_is_chosen_by_django_env_or_debug_off(environ, module):
    assert env.default_settings_module(environ) == module


def test_the_embedded_secret_key_is_generated_once_and_kept_private(tmp_path):
    key_file = tmp_path / "var" / "secret_key"
    first = env.secret_key(debug=True, key_file=key_file, environ={})
    assert env.is_strong_secret_key(first)
    assert env.secret_key(debug=True, key_file=key_file, environ={}) == first
    assert key_file.stat().st_mode & 0o777 == 0o600


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY must be set"):
        env.secret_key(debug=False, key_file=tmp_path / "secret_key", environ={})
    assert not (tmp_path / "secret_key").exists()


@pytest.mark.parametrize("weak", ["changeme", "django-insecure-" + "x1y2z3" * 10, "a" * 60])
def test_production_refuses_a_weak_secret_key(tmp_path, weak):
    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY is too weak"):
        env.secret_key(debug=False, key_file=tmp_path / "secret_key", environ={"SECRET_KEY": weak})


def test_a_time_zone_is_an_iana_name():
    assert env.time_zone("TIME_ZONE", "UTC", {"TIME_ZONE": "America/Sao_Paulo"}) == "America/Sao_Paulo"
    assert env.time_zone("TIME_ZONE", "UTC", {}) == "UTC"
    for bad in ["Lisbon", "../etc/passwd", "GMT+25"]:
        with pytest.raises(ImproperlyConfigured, match="TIME_ZONE must be an IANA time zone"):
            env.time_zone("TIME_ZONE", "UTC", {"TIME_ZONE": bad})


def test_every_environment_variable_the_settings_read_is_documented_in_the_readme():
    root = Path(__file__).resolve().parents[3]
    read = re.compile(
        r"""(?:env_int|env_bool|env_list|time_zone|environ\.get|environ\[)\(?\s*["']([A-Z][A-Z0-9_]+)["']"""
    )
    names = {name for path in (root / "config" / "settings").glob("*.py") for name in read.findall(path.read_text())}
    readme = (root / "README.md").read_text()

    assert {"DATABASE_URL", "REDIS_URL", "PETITION_LIMIT_PER_IP"} <= names  # the pattern finds them
    assert sorted(name for name in names if f"`{name}`" not in readme) == []
