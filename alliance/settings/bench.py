"""The benchmark (``make bench``): production settings, with two differences so that it runs on
one machine without TLS or an object store.

- Uploaded files go to disk (``var/bench-media``), not to ``AWS_STORAGE_BUCKET_NAME``.
- No redirect to HTTPS: gunicorn is reached over plain HTTP on loopback.

It also installs the benchmark's app that production never has (``bench``: ``seed_scale``,
``bench_probe`` and the ceiling view ``/bench/ceiling``, no database, a few bytes). Everything else
(DEBUG off, static files through WhiteNoise's manifest storage, Redis cache, PostgreSQL with
persistent connections, secure cookies) is production's."""

from .production import *  # noqa: F403
from .production import VAR_DIR, env

STORAGES["default"] = {  # noqa: F405
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {"location": str(VAR_DIR / "bench-media"), "base_url": "/media/"},
}
STATIC_ROOT = VAR_DIR / "bench-static"
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
ALLOWED_HOSTS = [*env.list("ALLOWED_HOSTS"), "testserver"]
INSTALLED_APPS = [*INSTALLED_APPS, "bench"]  # noqa: F405
