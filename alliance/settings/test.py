"""Settings for pytest: the same services as the environment gives (PostgreSQL and Redis in CI),
the embedded default otherwise."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import (
    CELERY_BROKER_URL,
    DATABASES,
    INSTALLED_APPS,
    PAGE_CACHE_MAX_ENTRIES,
    REDIS_URL,
    env,
    redis_caches,
)

# The benchmark's tooling (bench/) is tested here; production never installs it.
INSTALLED_APPS = [*INSTALLED_APPS, "bench"]

SECRET_KEY = "test-only-not-secret-" + "x" * 40
DEBUG = False
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
ALLIANCE_MFA_REQUIRED_FOR_SECRETARIAT = True

_tmp = Path(tempfile.mkdtemp(prefix="alliance-test-"))
MEDIA_ROOT = _tmp / "media"
STORAGES = {
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(MEDIA_ROOT), "base_url": "/media/"},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not memory: tests run a Celery worker process and several connections at once on
    # the same database, as the web and worker processes of the embedded default do.
    DATABASES["default"]["TEST"] = {"NAME": str(_tmp / "test.sqlite3")}
if REDIS_URL:
    CACHES = redis_caches(REDIS_URL, key_prefix="alliance-test")
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "pages",
            "OPTIONS": {"MAX_ENTRIES": PAGE_CACHE_MAX_ENTRIES},
        },
    }
    _broker = _tmp / "broker"
    for sub in ("queue", "processed", "control"):
        (_broker / sub).mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_broker / "queue"),
        "data_folder_out": str(_broker / "queue"),
        "processed_folder": str(_broker / "processed"),
        "store_processed": False,
        "control_folder": str(_broker / "control"),
    }
# Tasks run in the test process unless a test starts a real worker (tests/test_celery_worker.py).
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=True)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_BROKER_URL = CELERY_BROKER_URL
ALLIANCE_DEMO_PASSWORD = "demo-password-for-tests"
