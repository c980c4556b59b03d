"""The Django side of ``make bench`` (``bench/run.py`` drives it through ``manage.py bench_probe``):
the pages to load with the sessions they need, the SQL queries each page runs, the reminder
sweep at a given number of due items, and search latency over the seeded library."""

import datetime
import statistics
import time
from importlib import import_module

from allauth.account.internal.flows.login import record_authentication
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.core.paginator import Paginator
from django.db import connection, transaction
from django.http import HttpRequest
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from governance.models import Meeting
from knowledge import selectors as knowledge_selectors
from knowledge.filters import ProductFilter
from knowledge.models import KnowledgeProduct
from members.models import User
from members.second_factor import SECOND_FACTOR_TYPES
from notifications import sweep
from notifications.models import Notification
from working_groups.models import ProgressReport, ReportingCycle

from . import seeding

BACKEND = "django.contrib.auth.backends.ModelBackend"


def _session_for(user: User) -> str:
    """A signed-in session as allauth's login leaves it: the password, then the code of the
    person's authenticator (members.second_factor refuses a session without it)."""
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = BACKEND
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    request = HttpRequest()
    request.session, request.user = store, user
    record_authentication(request, user, "password", email=user.email)
    for authenticator in Authenticator.objects.filter(user=user, type__in=SECOND_FACTOR_TYPES):
        record_authentication(request, user, "mfa", id=authenticator.pk, type=authenticator.type)
    store.set_expiry(60 * 60 * 4)
    store.save()
    return store.session_key


def prepare() -> dict:
    """The pages of the benchmark, each with the session cookie it needs (none for public
    pages). Needs the seeded data (``manage.py seed_scale``)."""
    staff = User.objects.get(email=f"secretariat@{seeding.EMAIL_DOMAIN}")
    focal = User.objects.get(email=f"focal@{seeding.EMAIL_DOMAIN}")
    cycle = ReportingCycle.objects.filter(
        name__startswith=seeding.CYCLE_PREFIX, status=ReportingCycle.Status.OPEN
    ).get()
    country_id = focal.appointments.select_related("ministry").get().ministry.country_id
    report = ProgressReport.objects.filter(cycle=cycle, country_id=country_id).order_by("pk")[0]
    ProgressReport.objects.filter(pk=report.pk).update(state=ProgressReport.State.DRAFT)
    product = (
        KnowledgeProduct.objects.listed()
        .filter(slug__startswith=seeding.PREFIX, files__isnull=False, related_products=None)
        .order_by("pk")
        .first()
    )
    meeting = (
        Meeting.objects.filter(uid__startswith=seeding.PREFIX, body=Meeting.Body.MINISTERS)
        .order_by("-start_at")
        .first()
    )
    cookie = settings.SESSION_COOKIE_NAME
    focal_cookie = f"{cookie}={_session_for(focal)}"
    staff_cookie = f"{cookie}={_session_for(staff)}"
    library = reverse("knowledge:library")
    pages = [
        ("ceiling", "/bench/ceiling", ""),  # only with alliance.settings.bench
        ("home", reverse("home"), ""),
        ("library", library, ""),
        ("search + 2 facets", f"{library}?q=seguridad&language=es&pillar=1", ""),
        ("product detail", reverse("knowledge:product-detail", args=[product.slug]), ""),
        ("feed", reverse("knowledge:feed"), ""),
        ("API list", reverse("knowledge:api-product-list"), ""),
        ("focal dashboard", reverse("members:dashboard"), focal_cookie),
        ("focal reporting", reverse("working_groups:report-dashboard"), focal_cookie),
        ("report edit", reverse("working_groups:report-edit", args=[report.pk]), focal_cookie),
        ("cycle matrix", reverse("working_groups:cycle-detail", args=[cycle.pk]), staff_cookie),
        ("meeting .ics", reverse("governance:meeting-ics", args=[meeting.pk]), focal_cookie),
    ]
    return {"pages": [{"name": n, "path": p, "cookie": c} for n, p, c in pages]}


def query_counts(pages: list[dict]) -> dict[str, dict]:
    """SQL queries of each page, on a first (cold cache) and a second (warm) request."""
    result = {}
    for page in pages:
        client = Client(HTTP_HOST="127.0.0.1")
        if page["cookie"]:
            name, value = page["cookie"].split("=", 1)
            client.cookies[name] = value
        counts = []
        statuses = []
        for attempt in range(2):
            if attempt == 0:
                from django.core.cache import caches

                for cache in caches.all():
                    cache.clear()
            with CaptureQueriesContext(connection) as queries:
                response = client.get(page["path"])
            counts.append(len(queries))
            statuses.append(response.status_code)
        result[page["name"]] = {"cold": counts[0], "warm": counts[1], "status": statuses}
    return result


class _Rollback(Exception):
    pass


def sweep_timing(items: int, invitees_per_meeting: int = 100) -> dict:
    """Time the reminder sweep with ``items`` meeting reminders due (meetings three days ahead,
    each with ``invitees_per_meeting`` people invited by name), then undo everything."""
    result = {}
    try:
        with transaction.atomic():
            now = timezone.now()
            # Only the meetings made here are due.
            Meeting.objects.filter(
                status=Meeting.Status.PLANNED, start_at__gt=now - datetime.timedelta(days=1)
            ).update(status=Meeting.Status.HELD)
            ReportingCycle.objects.filter(status=ReportingCycle.Status.OPEN).update(
                status=ReportingCycle.Status.CLOSED
            )
            people = list(
                User.objects.filter(email__endswith="@" + seeding.EMAIL_DOMAIN, is_active=True)
                .exclude(is_secretariat=True)
                .order_by("pk")[:invitees_per_meeting]
            )
            staff = User.objects.filter(is_secretariat=True).first()
            count = max(1, items // len(people))
            start = now + datetime.timedelta(days=3)
            meetings = Meeting.objects.bulk_create(
                [
                    Meeting(
                        body=Meeting.Body.STEERING_COMMITTEE,
                        title=f"Sweep meeting {n}",
                        start_at=start,
                        end_at=start + datetime.timedelta(hours=2),
                        place="Online",
                        organiser=staff,
                        uid=f"bench-sweep-{n}-{now.timestamp()}",
                    )
                    for n in range(count)
                ]
            )
            Meeting.extra_invitees.through.objects.bulk_create(
                [
                    Meeting.extra_invitees.through(meeting=m, user=u)
                    for m in meetings
                    for u in people
                ]
            )
            before = Notification.objects.count()
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                ids = sweep.sweep(now)
                elapsed = time.perf_counter() - started
            result = {
                "due_items": Notification.objects.count() - before,
                "seconds": round(elapsed, 3),
                "queries": len(queries),
                "to_send": len(ids),
            }
            raise _Rollback
    except _Rollback:
        pass
    return result


def search_timing(repeat: int = 5) -> dict:
    """Latency of the library's results for each search (first page and the total, as the
    listing asks), over every product; ``repeat`` runs of each of the 20 queries."""
    timings = {}
    for text in seeding.SEARCH_QUERIES:
        runs = []
        for _ in range(repeat):
            started = time.perf_counter()
            filterset = ProductFilter({"q": text}, queryset=knowledge_selectors.library_products())
            page = Paginator(filterset.qs, settings.KNOWLEDGE_PAGE_SIZE).get_page(1)
            list(page.object_list)
            total = page.paginator.count
            runs.append((time.perf_counter() - started) * 1000)
        timings[text] = {"ms": [round(r, 2) for r in runs], "results": total}
    every = sorted(r for t in timings.values() for r in t["ms"])
    return {
        "products": KnowledgeProduct.objects.listed().count(),
        "p50_ms": round(statistics.median(every), 2),
        "p95_ms": round(every[int(len(every) * 0.95) - 1], 2),
        "queries": timings,
    }
