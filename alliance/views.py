"""Public home page, the health check, and the error pages."""

import logging
import uuid

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from kombu import Connection

from members import selectors as member_selectors
from members.dates import alliance_today
from working_groups.models import WorkingGroup

from .page_cache import cache_public_page, home_page_seconds

logger = logging.getLogger(__name__)


# Anonymous visitors get the home page from the cache for HOME_PAGE_CACHE_SECONDS.
@cache_public_page(timeout=home_page_seconds)
@require_GET
def home(request):
    today = alliance_today()
    return render(
        request,
        "home.html",
        {
            "countries": member_selectors.member_countries(on=today),
            "groups": WorkingGroup.objects.all(),
            "partner_count": member_selectors.partner_list(on=today, current_only=True).count(),
        },
    )


def _check_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _check_broker() -> None:
    with Connection(
        settings.CELERY_BROKER_URL,
        transport_options=settings.CELERY_BROKER_TRANSPORT_OPTIONS,
        connect_timeout=2,
    ) as conn:
        conn.ensure_connection(max_retries=1, timeout=2)


def _check_storage() -> None:
    name = default_storage.save(f"healthz/{uuid.uuid4().hex}.txt", ContentFile(b"ok"))
    default_storage.delete(name)


CHECKS = {"database": _check_database, "broker": _check_broker, "storage": _check_storage}


@never_cache
@require_GET
def healthz(request):
    """200 when the database, the broker and storage answer; 503 naming what failed."""
    results = {}
    for name, check in CHECKS.items():
        try:
            check()
        except Exception as error:  # noqa: BLE001 - any failure means "unhealthy"
            logger.warning("health check %s failed: %s", name, error)
            results[name] = "failed"
        else:
            results[name] = "ok"
    healthy = all(value == "ok" for value in results.values())
    return JsonResponse(
        {"status": "ok" if healthy else "failed", "checks": results},
        status=200 if healthy else 503,
    )


def permission_denied(request, exception=None):
    return render(request, "errors/403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "errors/404.html", status=404)


def server_error(request):
    return render(request, "errors/500.html", status=500)
