"""Tests: fast hashing, mail kept in memory, tasks run at once, SQLite unless DATABASE_URL is given."""

import os

os.environ.setdefault("DEBUG", "1")
os.environ.setdefault("EMAIL_URL", "locmem:")
os.environ.setdefault("DATABASE_URL", "sqlite:///:memory:")

from config.settings.base import *  # noqa: F403

DEBUG = False  # pages render as visitors see them; the secret key was still made the embedded way
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "local": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "local"},
}
PAGE_CACHE_SECONDS = 0  # each test sees its own changes at once; test_page_cache turns it on
ATLAS_MAP_CACHE_SECONDS = 0
