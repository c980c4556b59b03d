"""Data at scale for the benchmark (``manage.py seed_scale``): years of a busy portal, inserted in
bulk. Every row it makes is marked (``@scale.test`` e-mails, ``scale-`` slugs and meeting uids,
cycle names starting with "Scale"), so ``--reset`` removes exactly what it added.

Deterministic: the same sizes give the same data (a seeded random generator)."""

import random

from django.db import connection, transaction

from governance.models import Meeting
from knowledge.models import FileVersion, KnowledgeProduct, Topic
from members.models import FocalPointAppointment, Ministry, User
from working_groups.models import Activity, ActivityUpdate, ProgressReport, ReportingCycle, WorkPlan

from . import knowledge, meetings, people, reporting
from .common import BENCH_PASSWORD, CYCLE_PREFIX, EMAIL_DOMAIN, PREFIX, Sizes
from .words import SEARCH_QUERIES, Words

__all__ = [
    "BENCH_PASSWORD",
    "CYCLE_PREFIX",
    "EMAIL_DOMAIN",
    "PREFIX",
    "SEARCH_QUERIES",
    "Sizes",
    "is_partly_seeded",
    "is_seeded",
    "reset",
    "seed",
]


def is_seeded(sizes: Sizes) -> bool:
    return (
        KnowledgeProduct.objects.filter(slug__startswith=PREFIX).count() >= sizes.products
        and User.objects.filter(email__endswith="@" + EMAIL_DOMAIN).count() >= sizes.users
    )


def is_partly_seeded() -> bool:
    return User.objects.filter(email__endswith="@" + EMAIL_DOMAIN).exists()


@transaction.atomic
def reset() -> None:
    """Remove every row the seed added."""
    scale_users = User.objects.filter(email__endswith="@" + EMAIL_DOMAIN)
    cycles = ReportingCycle.objects.filter(name__startswith=CYCLE_PREFIX)
    ActivityUpdate.objects.filter(report__cycle__in=cycles).delete()
    ProgressReport.objects.filter(cycle__in=cycles).delete()
    cycles.delete()
    plans = WorkPlan.objects.filter(title__startswith=CYCLE_PREFIX)
    Activity.objects.filter(plan__in=plans).delete()
    plans.delete()
    Meeting.objects.filter(uid__startswith=PREFIX).delete()
    products = KnowledgeProduct.objects.filter(slug__startswith=PREFIX)
    FileVersion.objects.filter(product_file__product__in=products).delete()
    products.delete()
    Topic.objects.filter(slug__startswith=PREFIX).delete()
    FocalPointAppointment.objects.filter(user__in=scale_users).delete()
    Ministry.objects.filter(name__startswith=CYCLE_PREFIX).delete()
    from allauth.mfa.models import Authenticator

    Authenticator.objects.filter(user__in=scale_users).delete()
    scale_users.delete()


def seed(sizes: Sizes, *, log=print) -> dict[str, int]:
    rng = random.Random(7)  # noqa: S311 - test data
    words = Words(rng)
    counts = {}
    with transaction.atomic():
        users = people.seed(sizes, rng)
        counts["users"] = len(users)
        log(f"users: {len(users)}")
        counts["reports"], counts["updates"] = reporting.seed(sizes, rng, words)
        log(f"reports: {counts['reports']}, activity updates: {counts['updates']}")
        counts["meetings"], counts["invitees"] = meetings.seed(sizes, rng, users)
        log(f"meetings: {counts['meetings']}, invitees: {counts['invitees']}")
        counts["products"] = knowledge.seed(sizes, rng, words)
        log(f"knowledge products: {counts['products']}")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # The search document UPDATE left a dead row per product: VACUUM clears them (and
            # the visibility map, for index-only counts); inside a transaction, ANALYZE only.
            cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")
    return counts
