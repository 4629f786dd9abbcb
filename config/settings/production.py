"""Production: HTTPS only, a real secret key, hosts named, a real task queue.

Selected by DJANGO_ENV=production or DEBUG=0. Passes `manage.py check --deploy` with no warnings.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from config import env

if env.env_bool("DEBUG", False):
    raise ImproperlyConfigured("DEBUG must be off in production (DJANGO_ENV=production).")
os.environ["DEBUG"] = "0"

from config.settings.base import *  # noqa: F403
from config.settings.base import ALLOWED_HOSTS, CONN_MAX_AGE, DATABASES, SITE_URL, TRUSTED_PROXY_COUNT

if not ALLOWED_HOSTS or "*" in ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must name the site's host names in production, e.g. stoptheharm.org")
if not SITE_URL.startswith("https://"):
    raise ImproperlyConfigured(
        "SITE_URL must be the site's https:// address in production, e.g. https://stoptheharm.org"
    )

DEBUG = False
SECURE_SSL_REDIRECT = env.env_bool("SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # load balancers often probe over plain HTTP inside the network
SECURE_HSTS_SECONDS = 31_536_000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env.env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
# The __Host- prefix binds the cookies to this exact host over HTTPS: no subdomain can set or read them.
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken"
SESSION_COOKIE_AGE = 8 * 60 * 60  # staff sessions end after a working day
if TRUSTED_PROXY_COUNT:
    # The proxy terminates TLS and says so; only trusted when a proxy is declared.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

DATABASES["default"]["CONN_HEALTH_CHECKS"] = CONN_MAX_AGE > 0

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
TASKS = {"default": {"BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}
