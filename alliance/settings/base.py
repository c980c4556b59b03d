"""Settings shared by every mode.

Everything that differs between machines comes from environment variables. When a variable is
unset the embedded default applies: SQLite, files and e-mail on disk under ``var/``, and Celery on
kombu's filesystem transport, so that a laptop with only Python runs the whole portal.
"""

import os
from pathlib import Path

import environ
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(environ.Env().str("ALLIANCE_VAR_DIR", default=str(BASE_DIR / "var")))

env = environ.Env()

# Variables production cannot start without (docker-compose.yml passes each to web, worker, beat).
PRODUCTION_REQUIRED_ENV = [
    "SECRET_KEY",
    "DATABASE_URL",
    "REDIS_URL",
    "ALLOWED_HOSTS",
    "EMAIL_URL",
    "AWS_STORAGE_BUCKET_NAME",
]

SECRET_KEY = env.str("SECRET_KEY", default="")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_filters",
    "core",
    "members",
    "notifications",
    "working_groups",
    "governance",
    "knowledge",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "members.middleware.UserLanguageMiddleware",
    "members.middleware.UserTimezoneMiddleware",
    "members.middleware.SecondFactorMiddleware",
]

ROOT_URLCONF = "alliance.urls"
WSGI_APPLICATION = "alliance.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "members.context_processors.roles",
                "notifications.context_processors.unread_notifications",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'alliance.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=0)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The web and Celery processes share the file. A transaction takes the write lock when it
    # begins (IMMEDIATE), so two saves never both read and then race to write (SQLite would fail
    # one at once with "database is locked"); the second waits up to ``timeout`` seconds and then
    # sees the first one's changes, and a stale edit is refused with 409 as on PostgreSQL. WAL
    # lets readers go on while someone writes.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Accounts -------------------------------------------------------------------------------
AUTH_USER_MODEL = "members.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "members:dashboard"

ACCOUNT_ADAPTER = "members.adapters.InvitationOnlyAccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = False
ACCOUNT_RATE_LIMITS = {
    # allauth's defaults, stated so nobody switches them off by accident.
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
}
# A password reset never signs the person in (allauth's default, stated): they log in afterwards,
# with their code if they have an authenticator.
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
# Rate limits count per client address. Behind a reverse proxy every request comes from the
# proxy, so all clients would share one limit: name the header the proxy sets to the client's
# address (ALLAUTH_TRUSTED_CLIENT_IP_HEADER, e.g. X-Real-IP), or say how many proxies of ours
# append to X-Forwarded-For (ALLAUTH_TRUSTED_PROXY_COUNT). Unset, only the connecting address
# counts and both headers are ignored (a client could write them).
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = env.str("ALLAUTH_TRUSTED_CLIENT_IP_HEADER", default="") or None
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("ALLAUTH_TRUSTED_PROXY_COUNT", default=0)
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
# Every session gives the code at login (members.middleware.SecondFactorMiddleware logs out one
# that did not): no "trust this browser" that would skip it.
MFA_TRUST_ENABLED = False
MFA_TOTP_ISSUER = "Alliance Portal"
# Secretariat staff must have a second factor before they reach any page but the one that sets it.
ALLIANCE_MFA_REQUIRED_FOR_SECRETARIAT = env.bool(
    "ALLIANCE_MFA_REQUIRED_FOR_SECRETARIAT", default=True
)
ALLIANCE_INVITATION_VALID_DAYS = env.int("ALLIANCE_INVITATION_VALID_DAYS", default=7)
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24  # one day
# Where the portal is reached, for links in e-mails.
ALLIANCE_BASE_URL = env.str("ALLIANCE_BASE_URL", default="http://127.0.0.1:8000")

# --- Internationalisation -------------------------------------------------------------------
LANGUAGE_CODE = "es"
LANGUAGES = [
    ("es", _("Spanish")),
    ("en", _("English")),
    ("pt", _("Portuguese")),
    ("fr", _("French")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"
# The Alliance's reference time zone: "today" for dates such as who holds the presidency.
ALLIANCE_TIME_ZONE = env.str("ALLIANCE_TIME_ZONE", default="America/Panama")

# --- Static files and media -----------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(VAR_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(VAR_DIR / "media")))

AWS_STORAGE_BUCKET_NAME = env.str("AWS_STORAGE_BUCKET_NAME", default="")
if AWS_STORAGE_BUCKET_NAME:
    # S3-compatible object storage (AWS S3, MinIO, ...), switched on by the environment.
    DEFAULT_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": env.str("AWS_S3_ENDPOINT_URL", default="") or None,
            "region_name": env.str("AWS_S3_REGION_NAME", default="") or None,
            "access_key": env.str("AWS_ACCESS_KEY_ID", default="") or None,
            "secret_key": env.str("AWS_SECRET_ACCESS_KEY", default="") or None,
            "default_acl": None,
            "querystring_auth": True,
            # Signed download addresses in signature version 4: AWS refuses version 2 (botocore's
            # default for presigned URLs in us-east-1) on buckets made since 2020.
            "signature_version": "s3v4",
            "file_overwrite": False,
        },
    }
else:
    DEFAULT_STORAGE = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(MEDIA_ROOT), "base_url": MEDIA_URL},
    }
STORAGES = {
    "default": DEFAULT_STORAGE,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024  # larger uploads go to a temporary file
# The largest file each use accepts, in megabytes (the policies are in core/uploads.py).
ALLIANCE_UPLOAD_MAX_MB = {
    "evidence": env.int("ALLIANCE_UPLOAD_MAX_MB_EVIDENCE", default=10),
    "meeting_document": env.int("ALLIANCE_UPLOAD_MAX_MB_MEETING_DOCUMENT", default=20),
    "knowledge_file": env.int("ALLIANCE_UPLOAD_MAX_MB_KNOWLEDGE_FILE", default=50),
}
# The names these had before; a deployment that still sets one is told the new name.
_RENAMED = {
    "ALLIANCE_EVIDENCE_MAX_MB": "ALLIANCE_UPLOAD_MAX_MB_EVIDENCE",
    "ALLIANCE_MAX_UPLOAD_BYTES": "ALLIANCE_UPLOAD_MAX_MB_MEETING_DOCUMENT (in megabytes)",
    "KNOWLEDGE_MAX_UPLOAD_MB": "ALLIANCE_UPLOAD_MAX_MB_KNOWLEDGE_FILE",
}
for _old, _new in _RENAMED.items():
    if _old in os.environ:
        raise ImproperlyConfigured(f"{_old} is no longer read: set {_new} instead.")
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- E-mail ---------------------------------------------------------------------------------
EMAIL_URL = env.str("EMAIL_URL", default="")
if EMAIL_URL:
    # For example smtp+tls://user:password@smtp.example.org:587
    _mail = env.email_url_config(EMAIL_URL)
    MAILERS = {
        "default": {
            "BACKEND": _mail["EMAIL_BACKEND"],
            "OPTIONS": {
                "host": _mail.get("EMAIL_HOST") or "localhost",
                "port": _mail.get("EMAIL_PORT") or 25,
                "username": _mail.get("EMAIL_HOST_USER") or "",
                "password": _mail.get("EMAIL_HOST_PASSWORD") or "",
                "use_tls": bool(_mail.get("EMAIL_USE_TLS")),
                "use_ssl": bool(_mail.get("EMAIL_USE_SSL")),
                "timeout": 20,
            },
        }
    }
else:
    # Embedded default: every message is written to a file under var/mail/.
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "OPTIONS": {"file_path": str(VAR_DIR / "mail")},
        }
    }
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Alliance Portal <portal@alliance.test>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Cache, Celery --------------------------------------------------------------------------
REDIS_URL = env.str("REDIS_URL", default="")
# Copies of public pages for anonymous visitors, their generation counters and the library's
# facet counts live in their own alias, "pages", that holds at most this many entries.
PAGE_CACHE_MAX_ENTRIES = env.int("PAGE_CACHE_MAX_ENTRIES", default=2000)


def redis_caches(url: str, *, key_prefix: str = "") -> dict:
    """The two aliases on Redis (alliance/cache_backend.py): a Redis outage never answers 500.
    "default" (login rate limits, used second-factor codes) counts in each process's memory
    while Redis is down; "pages" then serves nothing, so pages are rendered afresh."""
    fail_soft = {
        "BACKEND": "alliance.cache_backend.FailSoftRedisCache",
        "LOCATION": url,
    }
    # An unreachable Redis costs at most this long per try, then is left alone for 5 s.
    sockets = {"socket_connect_timeout": 0.5, "socket_timeout": 0.5, "RETRY_SECONDS": 5}
    return {
        "default": {**fail_soft, "KEY_PREFIX": key_prefix, "OPTIONS": {**sockets}},
        "pages": {
            **fail_soft,
            "KEY_PREFIX": f"{key_prefix}-pages" if key_prefix else "pages",
            "OPTIONS": {**sockets, "STAND_IN": "none", "MAX_ENTRIES": PAGE_CACHE_MAX_ENTRIES},
        },
    }


if REDIS_URL:
    CACHES = redis_caches(REDIS_URL)
    CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default=REDIS_URL)
    CELERY_BROKER_TRANSPORT_OPTIONS = {}
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache"),
        },
        "pages": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "page-cache"),
            "OPTIONS": {"MAX_ENTRIES": PAGE_CACHE_MAX_ENTRIES},
        },
    }
    # Embedded broker: kombu's filesystem transport, a folder of messages, no server needed.
    CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="filesystem://")
    _queue_dir = VAR_DIR / "broker"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_queue_dir / "queue"),
        "data_folder_out": str(_queue_dir / "queue"),
        "processed_folder": str(_queue_dir / "processed"),
        "store_processed": False,
        "control_folder": str(_queue_dir / "control"),
    }
# Tasks report through the database (Notification rows), so results are not kept by default;
# with Redis configured it is also the result backend for the tasks that ask for one.
CELERY_TASK_IGNORE_RESULT = True
CELERY_RESULT_BACKEND = REDIS_URL or None
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_TIMEZONE = "UTC"
CELERY_TASK_TIME_LIMIT = 5 * 60
CELERY_TASK_SOFT_TIME_LIMIT = 60
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A notification claimed for sending longer ago than this was lost with its worker (killed, or
# its machine stopped): the next sweep queues it again, and a redelivered task takes it. Never
# less than the time limit of the task that sends it (60 s, notifications/tasks.py).
ALLIANCE_DELIVERY_STALE_SECONDS = env.int("ALLIANCE_DELIVERY_STALE_SECONDS", default=60)
CELERY_BEAT_SCHEDULE = {
    "sweep-notifications": {
        "task": "notifications.tasks.sweep_notifications",
        "schedule": env.int("ALLIANCE_SWEEP_SECONDS", default=300),
    },
    "daily-digests": {
        "task": "notifications.tasks.send_digests",
        "schedule": crontab(hour=7, minute=0),
        "args": ["daily"],
    },
    "weekly-digests": {
        "task": "notifications.tasks.send_digests",
        "schedule": crontab(day_of_week=1, hour=7, minute=0),
        "args": ["weekly"],
    },
    "sync-steering-committee": {
        "task": "governance.tasks.sync_steering_committee",
        "schedule": 24 * 60 * 60,
    },
}

# --- Logging --------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
}

# --- Knowledge library ----------------------------------------------------------------------
KNOWLEDGE_PAGE_SIZE = 20
# Anonymous visitors' copies of the public pages live this long in the cache (library pages are
# also thrown away as soon as a product changes, see knowledge/caching.py).
PUBLIC_PAGE_CACHE_SECONDS = env.int("PUBLIC_PAGE_CACHE_SECONDS", default=300)
HOME_PAGE_CACHE_SECONDS = env.int("HOME_PAGE_CACHE_SECONDS", default=60)

MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"
PAGE_SIZE = 50

# Reminder stages, in days (before the event, or after it for minutes).
_days = {"cast": int}
ALLIANCE_MEETING_REMINDER_DAYS = env.list("ALLIANCE_MEETING_REMINDER_DAYS", default=[7, 1], **_days)
ALLIANCE_REPORT_REMINDER_DAYS = env.list("ALLIANCE_REPORT_REMINDER_DAYS", default=[14, 3], **_days)
ALLIANCE_REPORT_OVERDUE_REMINDERS = env.int("ALLIANCE_REPORT_OVERDUE_REMINDERS", default=4)
ALLIANCE_HANDOVER_REMINDER_DAYS = env.list(
    "ALLIANCE_HANDOVER_REMINDER_DAYS", default=[60, 14], **_days
)
ALLIANCE_MINUTES_REMINDER_DAYS = env.list("ALLIANCE_MINUTES_REMINDER_DAYS", default=[3, 7], **_days)

# --- Security headers (every mode; production adds HTTPS, HSTS and secure cookies) -----------
# No inline scripts or styles anywhere: scripts and styles come from our own static files.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_HTTPONLY = True
# The language cookie is read by the server only (production also makes it Secure).
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
