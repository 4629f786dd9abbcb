"""Every setting of the platform. dev, test and production only override what differs.

Configuration comes from environment variables (documented in README.md); the defaults are the
embedded mode: SQLite under var/, local-memory cache, e-mail written to files under var/mail.
"""

import os
from pathlib import Path

from django.utils.csp import CSP

from config import env

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "stoptheharm"
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))

DEBUG = env.env_bool("DEBUG", False)
SECRET_KEY = env.secret_key(debug=DEBUG, key_file=VAR_DIR / "secret_key")
ALLOWED_HOSTS = env.env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
CSRF_TRUSTED_ORIGINS = [SITE_URL] if SITE_URL.startswith("https://") else []

INSTALLED_APPS = [
    "stoptheharm.core",
    "stoptheharm.users",
    "stoptheharm.organisations",
    "stoptheharm.atlas",
    "stoptheharm.campaigns",
    "stoptheharm.news",
    "stoptheharm.pages",
    "stoptheharm.petitions",
    "stoptheharm.statements",
    "stoptheharm.events",
    "stoptheharm.library",
    "stoptheharm.courses",
    "stoptheharm.localactions",
    "stoptheharm.alerts",
    "stoptheharm.api",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.redirects",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks_db",
    "django_countries",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "stoptheharm.core.pagecache.page_cache",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "stoptheharm.core.middleware.admin_content_security_policy",
    "stoptheharm.core.middleware.permissions_policy",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "stoptheharm.core.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
AUTH_USER_MODEL = "users.User"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Database: SQLite in WAL mode under var/ unless DATABASE_URL says otherwise.
CONN_MAX_AGE = env.env_int("CONN_MAX_AGE", 0)
DATABASES = {
    "default": env.database_config(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'stoptheharm.sqlite3'}",
        conn_max_age=CONN_MAX_AGE,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Wagtail's search index uses PostgreSQL's full-text fields, which need this app's registrations.
    INSTALLED_APPS.append("django.contrib.postgres")

CACHES = {
    **env.cache_config(os.environ.get("REDIS_URL")),
    # Each process's own memory, for what is read on every request of a surge and may be a moment
    # old: whole public pages (no reader needs a count fresher than a few seconds) and the petition
    # that signatures are sent to.
    "local": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "local"},
}
PAGE_CACHE_SECONDS = env.env_int("PAGE_CACHE_SECONDS", 2)  # stoptheharm.core.pagecache
ATLAS_MAP_CACHE_SECONDS = env.env_int("ATLAS_MAP_CACHE_SECONDS", 60)  # stoptheharm.atlas.views: the drawn map

# E-mail: files under var/mail by default, so nothing leaves the machine by accident.
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Stop the Harm <no-reply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
MAILERS = env.mailers_config(os.environ.get("EMAIL_URL", "file:"), default_file_path=VAR_DIR / "mail")

# Background work: Django's Tasks framework. Immediate in the embedded mode; production runs a
# database-backed queue and its worker (docs/decisions/0002-task-backend.md).
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django.tasks.backends.immediate.ImmediateBackend"),
    }
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: the interface in five languages, URLs prefixed by language, content through Wagtail locales.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("fr", "Français"),
    ("es", "Español"),
    ("ru", "Русский"),
    ("pt", "Português"),
]
LOCALE_PATHS = [PROJECT_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = env.time_zone("TIME_ZONE", "UTC")
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

# Static files and uploads: every asset is served by the platform itself (WhiteNoise), never a CDN.
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
# Photos awaiting moderation (and every photo the public or staff upload to a feature): outside MEDIA_ROOT,
# served only by the views of stoptheharm.core.private_photos, never by nginx or Django's media view.
PRIVATE_ROOT = VAR_DIR / "private"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_PERMISSIONS = 0o640

# Wagtail
WAGTAIL_SITE_NAME = "Stop the Harm"
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "mp4", "odt", "ods", "pdf", "pptx", "txt", "webm", "xlsx", "zip"]
WAGTAIL_ENABLE_UPDATE_CHECK = False  # no request leaves the platform unasked
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # avatars from gravatar.com would tell a third party who the staff are
WAGTAILADMIN_LOGIN_URL = "wagtailadmin_login"
LOGIN_URL = "wagtailadmin_login"

# Security headers, on in every mode; production adds HTTPS-only cookies and HSTS.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SAMESITE = "Lax"
# Nothing but the platform itself: no CDN, font host, analytics or embed. No inline script runs on
# any page; the public site has no inline style either, while Wagtail's admin needs style attributes.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:", "blob:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "media-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "frame-src": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
    "base-uri": [CSP.SELF],
}
ADMIN_CSP = {**SECURE_CSP, "style-src": [CSP.SELF, CSP.UNSAFE_INLINE], "frame-ancestors": [CSP.SELF]}

# Signing limits per window; over them a signature is held for staff, never refused (README: Limits).
PETITION_LIMITS = {
    "window_seconds": env.env_int("PETITION_LIMIT_WINDOW_SECONDS", 3600),
    "per_ip": env.env_int("PETITION_LIMIT_PER_IP", 200),  # per petition: a conference network shares one address
    "per_email": env.env_int("PETITION_LIMIT_PER_EMAIL", 20),  # across petitions
    "min_seconds_to_fill": env.env_int("PETITION_MIN_SECONDS_TO_FILL", 2),  # faster than a person can type
}

# Endorsing a statement (statements/limits.py): per address per statement, per contact e-mail across statements.
STATEMENT_LIMITS = {
    "window_seconds": env.env_int("STATEMENT_LIMIT_WINDOW_SECONDS", 3600),
    "per_ip": env.env_int("STATEMENT_LIMIT_PER_IP", 50),
    "per_email": env.env_int("STATEMENT_LIMIT_PER_EMAIL", 10),
    "min_seconds_to_fill": env.env_int("STATEMENT_MIN_SECONDS_TO_FILL", 3),
}

# Under attack the signing form asks a short question (petitions/challenge.py): on once more than `threshold`
# submissions to one petition are held or caught within `window_seconds`, off `cooldown_seconds` after the last time.
PETITION_CHALLENGE = {
    "threshold": env.env_int("PETITION_CHALLENGE_THRESHOLD", 30),
    "window_seconds": env.env_int("PETITION_CHALLENGE_WINDOW_SECONDS", 600),
    "cooldown_seconds": env.env_int("PETITION_CHALLENGE_COOLDOWN_SECONDS", 3600),
}
# A network or e-mail domain is listed among a petition's trending sources from this many signatures in the last hour.
PETITION_TRENDING_MIN_PER_HOUR = env.env_int("PETITION_TRENDING_MIN_PER_HOUR", 10)

# Signers' names and addresses are erased this long after a petition closes (the counts remain).
PETITION_ANONYMISE_AFTER_DAYS = env.env_int("PETITION_ANONYMISE_AFTER_DAYS", 183)

# "Join the coalition": applications over these limits per window are dropped, the applicant sees the same page.
ORGANISATION_APPLICATION_LIMITS = {
    "window_seconds": env.env_int("ORGANISATION_APPLICATION_LIMIT_WINDOW_SECONDS", 3600),
    "per_ip": env.env_int("ORGANISATION_APPLICATION_LIMIT_PER_IP", 10),
    "per_email": env.env_int("ORGANISATION_APPLICATION_LIMIT_PER_EMAIL", 3),
    "min_seconds_to_fill": env.env_int("ORGANISATION_APPLICATION_MIN_SECONDS_TO_FILL", 5),
}
# The contact's name and address on a decided application are erased this long after the decision.
ORGANISATION_APPLICATION_ERASE_AFTER_DAYS = env.env_int("ORGANISATION_APPLICATION_ERASE_AFTER_DAYS", 90)
# Endorsers' contact names and addresses are erased this long after the endorsement was approved or rejected.
STATEMENT_CONTACTS_ERASE_AFTER_DAYS = env.env_int("STATEMENT_CONTACTS_ERASE_AFTER_DAYS", 365)

# Registering for an event (events/limits.py): per address per event, per e-mail across events.
EVENT_LIMITS = {
    "window_seconds": env.env_int("EVENT_LIMIT_WINDOW_SECONDS", 3600),
    "per_ip": env.env_int("EVENT_LIMIT_PER_IP", 50),  # a conference network shares one address
    "per_email": env.env_int("EVENT_LIMIT_PER_EMAIL", 10),
    "min_seconds_to_fill": env.env_int("EVENT_MIN_SECONDS_TO_FILL", 2),
}
# Attendees' names, addresses and organisations are erased this long after their event ended.
EVENT_REGISTRATIONS_ERASE_AFTER_DAYS = env.env_int("EVENT_REGISTRATIONS_ERASE_AFTER_DAYS", 30)
# Local actions on a day of action (localactions/): registrations per window, photos' limits, and how long
# after the day the organisers' names and addresses are kept.
LOCAL_ACTION_LIMITS = {
    "window_seconds": env.env_int("LOCAL_ACTION_LIMIT_WINDOW_SECONDS", 3600),
    "per_ip": env.env_int("LOCAL_ACTION_LIMIT_PER_IP", 20),
    "per_email": env.env_int("LOCAL_ACTION_LIMIT_PER_EMAIL", 10),
    "min_seconds_to_fill": env.env_int("LOCAL_ACTION_MIN_SECONDS_TO_FILL", 5),
}
LOCAL_ACTION_PHOTO_MAX_BYTES = env.env_int("LOCAL_ACTION_PHOTO_MAX_BYTES", 10 * 1024 * 1024)
LOCAL_ACTION_PHOTO_MAX_PIXELS = env.env_int("LOCAL_ACTION_PHOTO_MAX_PIXELS", 40_000_000)  # decompression bombs
LOCAL_ACTION_PHOTOS_PER_ACTION = env.env_int("LOCAL_ACTION_PHOTOS_PER_ACTION", 20)
LOCAL_ACTION_CONTACTS_ERASE_AFTER_DAYS = env.env_int("LOCAL_ACTION_CONTACTS_ERASE_AFTER_DAYS", 90)
# Early warnings (alerts/): subscribing per window (over the limits a request is dropped, the page is the same),
# and the limits of the pill or product photo staff upload with an alert.
ALERT_SUBSCRIPTION_LIMITS = {
    "window_seconds": env.env_int("ALERT_SUBSCRIPTION_LIMIT_WINDOW_SECONDS", 3600),
    "per_ip": env.env_int("ALERT_SUBSCRIPTION_LIMIT_PER_IP", 20),
    "per_email": env.env_int("ALERT_SUBSCRIPTION_LIMIT_PER_EMAIL", 3),
    "min_seconds_to_fill": env.env_int("ALERT_SUBSCRIPTION_MIN_SECONDS_TO_FILL", 3),
}
ALERT_PHOTO_MAX_BYTES = env.env_int("ALERT_PHOTO_MAX_BYTES", 10 * 1024 * 1024)
ALERT_PHOTO_MAX_PIXELS = env.env_int("ALERT_PHOTO_MAX_PIXELS", 40_000_000)
# Courses (courses/limits.py): asking for a private link to keep one's progress, per window; over the limits
# the request is dropped and the page is the same.
COURSE_PROGRESS_LIMITS = {
    "window_seconds": env.env_int("COURSE_PROGRESS_LIMIT_WINDOW_SECONDS", 3600),
    "per_ip": env.env_int("COURSE_PROGRESS_LIMIT_PER_IP", 20),
    "per_email": env.env_int("COURSE_PROGRESS_LIMIT_PER_EMAIL", 3),
    "min_seconds_to_fill": env.env_int("COURSE_PROGRESS_MIN_SECONDS_TO_FILL", 2),
}

# Number of reverse proxies in front of the application whose X-Forwarded-For entries are trusted.
TRUSTED_PROXY_COUNT = env.env_int("TRUSTED_PROXY_COUNT", 0)

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": [],  # public, anonymous endpoints: no session, so no CSRF to forge
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "UNAUTHENTICATED_USER": None,
    "NUM_PROXIES": TRUSTED_PROXY_COUNT,  # the same trust as core.clients.client_ip
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Stop the Harm API",
    "DESCRIPTION": (
        "Petitions and their counts; signing with e-mail confirmation. Joint statements and their public lists of "
        "signatory organisations. Events and registering for them. Approved local actions of days of action. The "
        "library's resources. Data about signers, attendees, contact people and organisers is never exposed."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "PREPROCESSING_HOOKS": ["stoptheharm.api.schema.only_public_endpoints"],
    "SWAGGER_UI_DIST": "SIDECAR",  # served by the platform, not a CDN
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {  # several models call their choices "kind": each gets its own enum in the schema
        "OrganisationKindEnum": "stoptheharm.organisations.models.OrganisationKind",
        "LocalActionKindEnum": "stoptheharm.localactions.models.ActionKind",
        "ResourceKindEnum": "stoptheharm.library.models.ResourceKind",
    },
}


LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # Replaces Django's own "django" console handler, which would print every message twice.
        "django": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO"), "propagate": False},
        # Task runs and page publications are recorded in the database; the console gets only problems
        # (the task worker raises its own level to report each task).
        **{name: {"level": "WARNING"} for name in ("django.db.backends", "django.tasks", "wagtail", "fontTools")},
    },
}
