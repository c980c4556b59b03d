"""Production: every secret and service comes from the environment, or the process stops."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import PRODUCTION_REQUIRED_ENV, env

_missing = [name for name in PRODUCTION_REQUIRED_ENV if not env.str(name, default="")]
if _missing:
    raise ImproperlyConfigured(
        "Production settings need these environment variables: " + ", ".join(_missing)
    )

DEBUG = False
SECRET_KEY = env.str("SECRET_KEY")
if len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5:
    raise ImproperlyConfigured("SECRET_KEY must be at least 50 characters of random text.")
if not env.bool("ALLIANCE_MFA_REQUIRED_FOR_SECRETARIAT", default=True):
    raise ImproperlyConfigured(
        "Production never relaxes the second factor for secretariat staff: "
        "unset ALLIANCE_MFA_REQUIRED_FOR_SECRETARIAT."
    )
ALLIANCE_MFA_REQUIRED_FOR_SECRETARIAT = True

STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)  # noqa: F405

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
ADMINS = [("Alliance Portal", a) for a in env.list("ADMIN_EMAILS", default=[])]
# Sessions live in the database only (Django's default engine, stated here on purpose): a Redis
# outage then logs nobody out and fails no sign-in. "cached_db" would save one indexed query per
# signed-in request, but a logout or sign-in during an outage would miss its cache entry, and
# the old session would be read from Redis again once it came back.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
