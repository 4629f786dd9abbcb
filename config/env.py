"""Read the platform's configuration from environment variables.

Every function raises ImproperlyConfigured naming the variable at fault, so a typo in a
deployment fails at start-up with a sentence, not with a traceback from deep inside Django.
"""

import os
import secrets
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import SplitResult, parse_qs, unquote, urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = frozenset({"1", "true", "yes", "on"})
FALSE_WORDS = frozenset({"0", "false", "no", "off", ""})
INSECURE_KEY_PREFIX = "django-insecure"
MIN_SECRET_KEY_LENGTH = 50
MIN_SECRET_KEY_UNIQUE_CHARACTERS = 5


def env_bool(name: str, default: bool, environ: Mapping[str, str] = os.environ) -> bool:
    """Read a yes/no variable; anything but a clear yes or no is an error."""
    raw = environ.get(name)
    if raw is None:
        return default
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(f"{name} must be one of 1/0, true/false, yes/no, on/off; got {raw!r}.")


def env_int(name: str, default: int, environ: Mapping[str, str] = os.environ) -> int:
    """Read a non-negative whole number."""
    raw = environ.get(name, "").strip()
    if not raw:
        return default
    if not raw.isdigit():
        raise ImproperlyConfigured(f"{name} must be a whole number of 0 or more; got {raw!r}.")
    return int(raw)


def env_list(name: str, default: list[str], environ: Mapping[str, str] = os.environ) -> list[str]:
    """Read a comma-separated list, ignoring blanks around the commas."""
    raw = environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def time_zone(name: str, default: str, environ: Mapping[str, str] = os.environ) -> str:
    """Read an IANA time zone name such as Europe/Lisbon."""
    value = environ.get(name, "").strip() or default
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise ImproperlyConfigured(f"{name} must be an IANA time zone such as Europe/Lisbon; got {value!r}.") from error
    return value


def is_production(environ: Mapping[str, str] = os.environ) -> bool:
    """Production mode: DJANGO_ENV=production, or DEBUG explicitly off."""
    if environ.get("DJANGO_ENV", "").strip().lower() == "production":
        return True
    return environ.get("DEBUG") is not None and not env_bool("DEBUG", True, environ)


def default_settings_module(environ: Mapping[str, str] = os.environ) -> str:
    """The settings module manage.py, WSGI and ASGI use when DJANGO_SETTINGS_MODULE is unset."""
    return "config.settings.production" if is_production(environ) else "config.settings.dev"


def database_config(url: str, *, conn_max_age: int = 0) -> dict[str, Any]:
    """Turn DATABASE_URL into a DATABASES entry, or explain what is wrong with it."""
    scheme = urlsplit(url).scheme
    if scheme not in {"sqlite", "postgres", "postgresql", "pgsql"}:
        raise ImproperlyConfigured(
            f"DATABASE_URL must start with sqlite:/// or postgres://; got scheme {scheme!r}. "
            "Example: postgres://user:password@127.0.0.1:5432/stoptheharm"
        )
    try:
        config = dj_database_url.parse(url, conn_max_age=conn_max_age, conn_health_checks=conn_max_age > 0)
    except ValueError as error:
        raise ImproperlyConfigured(f"DATABASE_URL could not be read: {error}") from error
    if config["ENGINE"] != "django.db.backends.sqlite3" and not config.get("NAME"):
        raise ImproperlyConfigured("DATABASE_URL names no database: add it after the last slash, e.g. /stoptheharm.")
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["OPTIONS"] = sqlite_options()
    return config


def sqlite_options() -> dict[str, Any]:
    """WAL journal so that readers never wait for the writer; IMMEDIATE so writers queue instead of failing."""
    return {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }


EMAIL_BACKENDS = {
    "console": "django.core.mail.backends.console.EmailBackend",
    "file": "django.core.mail.backends.filebased.EmailBackend",
    "locmem": "django.core.mail.backends.locmem.EmailBackend",
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "smtps": "django.core.mail.backends.smtp.EmailBackend",
    "smtp+tls": "django.core.mail.backends.smtp.EmailBackend",
}


def mailers_config(url: str, *, default_file_path: Path) -> dict[str, Any]:
    """Turn EMAIL_URL into Django's MAILERS setting.

    smtp://user:password@host:25 (plain), smtp+tls://...:587 (STARTTLS), smtps://...:465 (TLS),
    console: (print to the terminal), file: or file:///path (one file per message), locmem: (tests).
    """
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in EMAIL_BACKENDS:
        raise ImproperlyConfigured(
            f"EMAIL_URL must start with one of {', '.join(sorted(EMAIL_BACKENDS))}; got {url.split(':')[0]!r}."
        )
    options: dict[str, Any] = {}
    if scheme == "file":
        options["file_path"] = str(Path(unquote(parts.path)) if parts.path else default_file_path)
    elif scheme.startswith("smtp"):
        options = _smtp_options(parts, scheme)
    return {"default": {"BACKEND": EMAIL_BACKENDS[scheme], "OPTIONS": options}}


def _smtp_options(parts: SplitResult, scheme: str) -> dict[str, Any]:
    if not parts.hostname:
        raise ImproperlyConfigured("EMAIL_URL names no host: e.g. smtp+tls://user:password@mail.example.org:587")
    try:
        port = parts.port or {"smtps": 465, "smtp+tls": 587}.get(scheme, 25)
    except ValueError as error:
        raise ImproperlyConfigured(f"EMAIL_URL has a port that is not a number: {error}") from error
    timeout = parse_qs(parts.query).get("timeout", ["10"])[0]
    if not timeout.isdigit():
        raise ImproperlyConfigured(f"EMAIL_URL timeout must be a whole number of seconds; got {timeout!r}.")
    return {
        "host": parts.hostname,
        "port": port,
        "username": unquote(parts.username or ""),
        "password": unquote(parts.password or ""),
        "use_ssl": scheme == "smtps",
        "use_tls": scheme == "smtp+tls",
        "timeout": int(timeout),
    }


def cache_config(redis_url: str | None) -> dict[str, Any]:
    """Redis when REDIS_URL is set (shared by every worker process), local memory otherwise."""
    if not redis_url:
        return {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "stoptheharm"}}
    if urlsplit(redis_url).scheme not in {"redis", "rediss", "unix"}:
        raise ImproperlyConfigured(f"REDIS_URL must start with redis://, rediss:// or unix://; got {redis_url!r}.")
    return {
        "default": {
            "BACKEND": "stoptheharm.core.cache.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": "stoptheharm",
        }
    }


def is_strong_secret_key(key: str) -> bool:
    """The same bar as Django's security.W009 deploy check."""
    return (
        len(key) >= MIN_SECRET_KEY_LENGTH
        and len(set(key)) >= MIN_SECRET_KEY_UNIQUE_CHARACTERS
        and not key.startswith(INSECURE_KEY_PREFIX)
    )


def secret_key(*, debug: bool, key_file: Path, environ: Mapping[str, str] = os.environ) -> str:
    """SECRET_KEY from the environment; in the embedded (DEBUG) mode, generated once and kept under var/."""
    key = environ.get("SECRET_KEY", "").strip()
    if key:
        if not debug and not is_strong_secret_key(key):
            raise ImproperlyConfigured(
                f"SECRET_KEY is too weak for production: use at least {MIN_SECRET_KEY_LENGTH} random characters, "
                'e.g. python -c "import secrets; print(secrets.token_urlsafe(64))"'
            )
        return key
    if not debug:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off (production mode). "
            'Generate one with: python -c "import secrets; print(secrets.token_urlsafe(64))"'
        )
    if key_file.exists():
        return key_file.read_text().strip()
    key_file.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(64)
    key_file.write_text(key)
    key_file.chmod(0o600)
    return key
