"""/healthz, for load balancers and monitoring."""

from django.urls import reverse


def test_healthz_answers_200_when_everything_answers(client, db):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "broker": "ok", "storage": "ok", "cache": "ok"},
    }


def test_healthz_names_the_broker_when_it_is_down_and_stays_in_service(client, db, settings):
    """Pages and saves work without the broker (the sweep queues again): "degraded", 200."""
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:9/0"  # nothing listens on the discard port
    settings.CELERY_BROKER_TRANSPORT_OPTIONS = {}
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json() == {
        "status": "degraded",
        "checks": {"database": "ok", "broker": "failed", "storage": "ok", "cache": "ok"},
    }


def test_healthz_names_the_cache_when_it_is_down_and_stays_in_service(client, db, settings):
    """A closed port: every cache alias fails soft, and /healthz still names it."""
    settings.CACHES = {
        alias: {
            "BACKEND": "alliance.cache_backend.FailSoftRedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",
            "OPTIONS": {"socket_connect_timeout": 0.5},
        }
        for alias in settings.CACHES
    }
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["checks"]["cache"] == "failed"
    assert client.get(reverse("home")).status_code == 200


def test_healthz_answers_503_when_storage_and_the_cache_fail(client, db, settings):
    settings.CACHES = {
        alias: {
            "BACKEND": "alliance.cache_backend.FailSoftRedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",
        }
        for alias in settings.CACHES
    }
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": "/proc/no-such-place"},
        },
    }
    response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert response.json()["status"] == "failed"
    assert response.json()["checks"]["cache"] == "failed"


def test_healthz_answers_503_naming_storage_when_it_cannot_write(client, db, settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": "/proc/no-such-place"},
        },
    }
    response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert response.json()["checks"]["storage"] == "failed"


def test_healthz_only_answers_get(client, db):
    assert client.post(reverse("healthz")).status_code == 405
