"""Public home page, the health check, and the error pages."""

import logging
import uuid

from django.conf import settings
from django.core.cache import caches
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from kombu import Connection

from core.dates import alliance_today
from core.page_cache import cache_public_page, home_page_seconds
from members import selectors as member_selectors
from working_groups.models import WorkingGroup

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


def _check_cache() -> None:
    """Every cache alias answers: Redis itself (``ping``, past the stand-in that answers for it
    during an outage, see alliance/cache_backend.py), or a write and a read for the others."""
    for cache in caches.all():
        ping = getattr(cache, "ping", None)
        if ping is not None:
            ping()
            continue
        key = f"healthz:{uuid.uuid4().hex}"
        cache.set(key, "ok", 10)
        stored = cache.get(key)
        cache.delete(key)
        if stored != "ok":
            raise RuntimeError("the cache did not keep a value")


CHECKS = {
    "database": _check_database,
    "broker": _check_broker,
    "storage": _check_storage,
    "cache": _check_cache,
}
# Without these the portal still answers every page and keeps every save (pages are rendered
# without the cache; tasks are queued again by the next sweep): a failure is reported, and the
# answer stays 200 so that a load balancer keeps the web processes in service.
DEGRADED_ONLY = {"broker", "cache"}


@never_cache
@require_GET
def healthz(request):
    """200 "ok" when everything answers; 200 "degraded" naming the cache or the broker when only
    they fail; 503 "failed" when the database or storage fails."""
    results = {}
    for name, check in CHECKS.items():
        try:
            check()
        except Exception as error:  # noqa: BLE001 - any failure means "unhealthy"
            logger.warning("health check %s failed: %s", name, error)
            results[name] = "failed"
        else:
            results[name] = "ok"
    failed = {name for name, value in results.items() if value != "ok"}
    if not failed:
        status = "ok"
    elif failed <= DEGRADED_ONLY:
        status = "degraded"
    else:
        status = "failed"
    return JsonResponse(
        {"status": status, "checks": results}, status=503 if status == "failed" else 200
    )


def permission_denied(request, exception=None):
    return render(request, "errors/403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "errors/404.html", status=404)


def server_error(request):
    return render(request, "errors/500.html", status=500)
