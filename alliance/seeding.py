"""Data at scale for the benchmark (``manage.py seed_scale``): years of a busy portal, inserted in
bulk. Every row it makes is marked (``@scale.test`` e-mails, ``scale-`` slugs and meeting uids,
cycle names starting with "Scale"), so ``--reset`` removes exactly what it added.

Deterministic: the same sizes give the same data (a seeded random generator)."""

import datetime
import itertools
import random
import uuid
from dataclasses import dataclass

from django.contrib.auth.hashers import make_password
from django.db import connection, transaction
from django.utils import timezone

from governance.models import Meeting
from knowledge.models import FileVersion, KnowledgeProduct, ProductFile, Topic
from knowledge.services import search_documents_refresh
from members.models import Country, FocalPointAppointment, Ministry, User
from working_groups.models import (
    Activity,
    ActivityUpdate,
    ProgressReport,
    ReportingCycle,
    WorkingGroup,
    WorkPlan,
)

EMAIL_DOMAIN = "scale.test"
PREFIX = "scale-"
CYCLE_PREFIX = "Scale"
BATCH = 5000
# Password of the benchmark's two logins (secretariat and a focal point).
BENCH_PASSWORD = "scale-bench-password-2026"

# Words of the Alliance's field in its four languages, spread among made-up words (see
# _vocabulary): search finds a few hundred to a few thousand products for each.
DOMAIN_WORDS = [
    "seguridad",
    "justicia",
    "prevención",
    "violencia",
    "juvenil",
    "reclutamiento",
    "crimen",
    "organizado",
    "policía",
    "comunitaria",
    "cárceles",
    "penitenciario",
    "reinserción",
    "homicidios",
    "extorsión",
    "narcotráfico",
    "lavado",
    "activos",
    "frontera",
    "migración",
    "trata",
    "personas",
    "género",
    "víctimas",
    "fiscalía",
    "tribunales",
    "datos",
    "evaluación",
    "impacto",
    "security",
    "justice",
    "prevention",
    "violence",
    "youth",
    "recruitment",
    "organised",
    "crime",
    "policing",
    "community",
    "prisons",
    "rehabilitation",
    "homicide",
    "extortion",
    "trafficking",
    "laundering",
    "border",
    "migration",
    "gender",
    "victims",
    "prosecution",
    "courts",
    "data",
    "evaluation",
    "impact",
    "evidence",
    "hotspots",
    "schools",
    "employment",
    "training",
    "municipal",
    "segurança",
    "justiça",
    "prevenção",
    "violência",
    "juventude",
    "recrutamento",
    "crime",
    "polícia",
    "prisões",
    "reinserção",
    "sécurité",
    "justice",
    "prévention",
    "violence",
    "jeunesse",
    "recrutement",
    "criminalité",
    "police",
    "prisons",
    "réinsertion",
    "observatorio",
    "indicadores",
    "encuesta",
    "victimización",
    "cohesión",
    "social",
    "resiliencia",
    "gobernanza",
    "ciberdelito",
    "armas",
    "fuego",
    "control",
    "drogas",
    "alternativas",
    "penales",
    "mediación",
    "conflictos",
    "barrios",
]
SYLLABLES = [
    "ba",
    "be",
    "bi",
    "bo",
    "bu",
    "ca",
    "ce",
    "ci",
    "co",
    "cu",
    "da",
    "de",
    "di",
    "do",
    "du",
    "fa",
    "fe",
    "fi",
    "fo",
    "ga",
    "ge",
    "gi",
    "go",
    "la",
    "le",
    "li",
    "lo",
    "lu",
    "ma",
    "me",
    "mi",
    "mo",
    "mu",
    "na",
    "ne",
    "ni",
    "no",
    "nu",
    "pa",
    "pe",
    "pi",
    "po",
    "pu",
    "ra",
    "re",
    "ri",
    "ro",
    "ru",
    "sa",
    "se",
    "si",
    "so",
    "su",
    "ta",
    "te",
    "ti",
    "to",
    "tu",
    "va",
    "ve",
    "vi",
    "vo",
    "za",
    "ze",
    "zi",
    "zo",
    "tra",
    "tre",
    "tri",
    "pla",
    "ple",
    "pli",
    "cla",
    "cle",
    "bra",
    "bre",
    "gra",
    "gre",
]
VOCABULARY_SIZE = 6000
TOPIC_COUNT = 60


@dataclass
class Sizes:
    products: int = 50_000
    users: int = 3_000
    years: int = 6
    meetings: int = 5_000
    invitees: int = 3


STOPWORDS = [
    "de",
    "la",
    "el",
    "en",
    "y",
    "que",
    "los",
    "las",
    "del",
    "por",
    "para",
    "con",
    "una",
    "un",
    "the",
    "of",
    "and",
    "to",
    "in",
    "for",
    "is",
    "on",
    "with",
    "da",
    "do",
    "em",
    "os",
    "das",
    "dos",
    "le",
    "les",
    "des",
    "et",
    "pour",
    "dans",
    "est",
]


def _vocabulary(rng: random.Random) -> list[str]:
    """Stop words first (the most frequent, as in real text), then made-up words with the
    Alliance's words spread among the first 1,500: common enough to find, not everywhere."""
    domain = list(dict.fromkeys(DOMAIN_WORDS))
    seen = set(domain) | set(STOPWORDS)
    made_up = []
    while len(made_up) < VOCABULARY_SIZE - len(domain) - len(STOPWORDS):
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
        if word not in seen:
            seen.add(word)
            made_up.append(word)
    for word in domain:
        made_up.insert(rng.randint(20, 1500), word)
    return STOPWORDS + made_up


class _Words:
    """Words drawn with a Zipf-like law: rank r is drawn with weight 1 / (r + 10)."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.words = _vocabulary(rng)
        self.cum = list(itertools.accumulate(1 / (rank + 10) for rank in range(len(self.words))))

    def text(self, n: int) -> str:
        return " ".join(self.rng.choices(self.words, cum_weights=self.cum, k=n))


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
    words = _Words(rng)
    counts = {}
    with transaction.atomic():
        users = _users(sizes, rng)
        counts["users"] = len(users)
        log(f"users: {len(users)}")
        counts["reports"], counts["updates"] = _reporting(sizes, rng, words)
        log(f"reports: {counts['reports']}, activity updates: {counts['updates']}")
        counts["meetings"], counts["invitees"] = _meetings(sizes, rng, users)
        log(f"meetings: {counts['meetings']}, invitees: {counts['invitees']}")
        counts["products"] = _products(sizes, rng, words)
        log(f"knowledge products: {counts['products']}")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # The search document UPDATE left a dead row per product: VACUUM clears them (and
            # the visibility map, for index-only counts); inside a transaction, ANALYZE only.
            cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")
    return counts


# --- People -------------------------------------------------------------------------------


def _users(sizes: Sizes, rng: random.Random) -> list[User]:
    """Secretariat staff (the first is ``secretariat@scale.test``), focal points with a current
    appointment in every member country (the first is ``focal@scale.test``), former focal points,
    and people invited by name."""
    password = make_password(BENCH_PASSWORD)
    unusable = make_password(None)
    rows = []
    for i in range(sizes.users):
        if i == 0:
            email, staff = f"secretariat@{EMAIL_DOMAIN}", True
        elif i == 1:
            email, staff = f"focal@{EMAIL_DOMAIN}", False
        else:
            email, staff = f"person-{i}@{EMAIL_DOMAIN}", i % 100 == 0
        rows.append(
            User(
                email=email,
                full_name=f"Scale Person {i}",
                is_secretariat=staff,
                preferred_language="es" if i % 3 else "en",
                password=password if i < 2 else unusable,
            )
        )
    users = User.objects.bulk_create(rows, batch_size=BATCH)
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    TOTP.activate(users[0], generate_totp_secret())  # production asks staff for a second factor

    countries = list(Country.objects.members_on(datetime.date.today()).order_by("iso_code"))
    ministries = Ministry.objects.bulk_create(
        [
            Ministry(country=c, kind=Ministry.Kind.BOTH, name=f"{CYCLE_PREFIX} ministry of {c.pk}")
            for c in countries
        ]
    )
    today = datetime.date.today()
    start = today - datetime.timedelta(days=365 * sizes.years)
    appointments = []
    for i, user in enumerate(users):
        if user.is_secretariat or i % 2 == 0 and i > 1:
            continue  # staff, and half the people (invited by name, no appointment)
        ministry = ministries[0] if i == 1 else ministries[i % len(ministries)]
        ended = i % 10 != 1  # one in five of the rest is current, the others have left
        begin = start + datetime.timedelta(days=rng.randint(0, max(1, 365 * sizes.years - 400)))
        appointments.append(
            FocalPointAppointment(
                user=user,
                ministry=ministry,
                start_on=begin,
                end_on=begin + datetime.timedelta(days=rng.randint(30, 360)) if ended else None,
                end_reason="Left the ministry" if ended else "",
            )
        )
    FocalPointAppointment.objects.bulk_create(appointments, batch_size=BATCH)
    return users


# --- Reporting ----------------------------------------------------------------------------

ACTIVITIES_PER_PLAN = 8


def _reporting(sizes: Sizes, rng: random.Random, words: _Words) -> tuple[int, int]:
    """One approved plan per group and year, and a cycle every two months for ``years`` years:
    one report per (group, member country), closed and accepted except the last cycle, which is
    open with reports in every state."""
    groups = list(WorkingGroup.objects.order_by("number"))
    countries = list(Country.objects.members_on(datetime.date.today()).values_list("pk", flat=True))
    today = datetime.date.today()
    first_year = today.year - sizes.years + 1
    staff = User.objects.filter(email=f"secretariat@{EMAIL_DOMAIN}").first()
    plans = {}
    plan_rows = []
    for year in range(first_year, today.year + 1):
        for group in groups:
            plan_rows.append(
                WorkPlan(
                    group=group,
                    title=f"{CYCLE_PREFIX} work plan {group.number} {year}",
                    period_start=datetime.date(year, 1, 1),
                    period_end=datetime.date(year, 12, 31),
                    status="approved",
                    approved_at=timezone.now(),
                    approved_by=staff,
                )
            )
    WorkPlan.objects.filter(
        group__in=groups, status="approved", period_start__year__gte=first_year
    ).exclude(title__startswith=CYCLE_PREFIX).update(status="superseded")
    for plan in WorkPlan.objects.bulk_create(plan_rows):
        plans[(plan.group_id, plan.period_start.year)] = plan
    activities: dict[int, list[Activity]] = {}
    activity_rows = [
        Activity(
            plan=plan,
            position=n,
            title=words.text(5).capitalize(),
            description=words.text(20),
            start_on=plan.period_start,
            due_on=plan.period_end,
            expected_output=words.text(10),
        )
        for plan in plans.values()
        for n in range(ACTIVITIES_PER_PLAN)
    ]
    for activity in Activity.objects.bulk_create(activity_rows, batch_size=BATCH):
        activities.setdefault(activity.plan_id, []).append(activity)

    cycle_rows = []
    month = datetime.date(first_year, 1, 1)
    while month <= today.replace(day=1):
        end = _add_months(month, 2) - datetime.timedelta(days=1)
        cycle_rows.append(
            ReportingCycle(
                name=f"{CYCLE_PREFIX} {month:%Y-%m}",
                period_start=month,
                period_end=end,
                opens_on=end - datetime.timedelta(days=10),
                due_on=end + datetime.timedelta(days=20),
                status="closed",
                closed_at=timezone.now(),
                created_by=staff,
            )
        )
        month = _add_months(month, 2)
    last = cycle_rows[-1]
    last.status = "open"
    last.closed_at = None
    last.opens_on = min(last.opens_on, today)
    last.due_on = max(last.due_on, today + datetime.timedelta(days=10))
    cycles = ReportingCycle.objects.bulk_create(cycle_rows)
    ReportingCycle.groups.through.objects.bulk_create(
        [
            ReportingCycle.groups.through(reportingcycle=cycle, workinggroup=group)
            for cycle in cycles
            for group in groups
        ]
    )
    states = ["draft", "submitted", "returned", "accepted"]
    report_rows = []
    for cycle in cycles:
        is_open = cycle.status == "open"
        for group in groups:
            plan = plans.get((group.pk, cycle.period_start.year))
            for country_id in countries:
                state = rng.choice(states) if is_open else "accepted"
                submitted = state != "draft"
                report_rows.append(
                    ProgressReport(
                        cycle=cycle,
                        group=group,
                        country_id=country_id,
                        work_plan=plan,
                        state=state,
                        achievements=words.text(40),
                        challenges=words.text(20),
                        first_submitted_on=cycle.due_on if submitted else None,
                        submitted_at=timezone.now() if submitted else None,
                        days_late=rng.choice([0, 0, 0, 3, 12]) if submitted else None,
                    )
                )
    reports = ProgressReport.objects.bulk_create(report_rows, batch_size=BATCH)
    statuses = ["on_track", "delayed", "completed", "not_started"]
    update_rows = [
        ActivityUpdate(
            report=report,
            activity=activity,
            status=rng.choice(statuses),
            percent=rng.randint(0, 100),
            narrative=words.text(25),
        )
        for report in reports
        for activity in activities.get(report.work_plan_id, [])
    ]
    ActivityUpdate.objects.bulk_create(update_rows, batch_size=BATCH)
    return len(reports), len(update_rows)


def _add_months(day: datetime.date, months: int) -> datetime.date:
    index = day.month - 1 + months
    return day.replace(year=day.year + index // 12, month=index % 12 + 1, day=1)


# --- Meetings -----------------------------------------------------------------------------


def _meetings(sizes: Sizes, rng: random.Random, users: list[User]) -> tuple[int, int]:
    """Meetings of every body spread over the years (a few still ahead), each with a few extra
    invitees."""
    groups = list(WorkingGroup.objects.all())
    now = timezone.now()
    span = sizes.years * 365 * 24
    rows = []
    for i in range(sizes.meetings):
        start = now - datetime.timedelta(hours=rng.randint(-24 * 90, span))
        start = start.replace(minute=0, second=0, microsecond=0)
        body = rng.choice(["ministers", "steering_committee", "working_group", "working_group"])
        rows.append(
            Meeting(
                body=body,
                group=rng.choice(groups) if body == "working_group" else None,
                title=f"Meeting {i}",
                start_at=start,
                end_at=start + datetime.timedelta(hours=2),
                place="Online",
                agenda="1. Welcome\n2. Progress\n3. Next steps",
                status="held" if start < now else "planned",
                visibility="public" if i % 3 == 0 else "members",
                organiser=users[0],
                uid=f"{PREFIX}{uuid.uuid4().hex}",
            )
        )
    meetings = Meeting.objects.bulk_create(rows, batch_size=BATCH)
    invitee_rows = [
        Meeting.extra_invitees.through(meeting=meeting, user=user)
        for meeting in meetings
        for user in rng.sample(users, min(sizes.invitees, len(users)))
    ]
    Meeting.extra_invitees.through.objects.bulk_create(
        invitee_rows, batch_size=BATCH, ignore_conflicts=True
    )
    return len(meetings), len(invitee_rows)


# --- Knowledge ----------------------------------------------------------------------------


def _products(sizes: Sizes, rng: random.Random, words: _Words) -> int:
    topics = Topic.objects.bulk_create(
        [
            Topic(name=f"{words.words[i * 3].capitalize()} {i}", slug=f"{PREFIX}topic-{i}")
            for i in range(TOPIC_COUNT)
        ]
    )
    groups = list(WorkingGroup.objects.all())
    countries = list(Country.objects.all())
    types = KnowledgeProduct.Type.values
    languages = ["es", "es", "en", "en", "pt", "fr"]
    verdicts = KnowledgeProduct.Verdict.values
    today = datetime.date.today()
    now = timezone.now()
    days = 365 * sizes.years
    product_ids = []
    for offset in range(0, sizes.products, BATCH):
        rows = []
        for i in range(offset, min(offset + BATCH, sizes.products)):
            published_on = today - datetime.timedelta(days=rng.randint(0, days))
            rated = i % 5 == 0
            status = "published" if i % 50 else rng.choice(["draft", "in_review", "archived"])
            rows.append(
                KnowledgeProduct(
                    title=words.text(rng.randint(4, 9)).capitalize(),
                    slug=f"{PREFIX}{i}",
                    product_type=types[i % len(types)],
                    summary=words.text(rng.randint(20, 40)),
                    body=words.text(rng.randint(60, 140)),
                    is_regional=i % 7 == 0,
                    language=languages[i % len(languages)],
                    published_on=published_on,
                    authors=f"Author {i % 400}; Author {(i * 7) % 400}",
                    organisation="Alliance secretariat" if i % 2 else "",
                    evidence_level=rng.randint(1, 5) if rated else None,
                    evidence_verdict=rng.choice(verdicts) if rated else "",
                    status=status,
                    published_at=datetime.datetime.combine(
                        published_on, datetime.time(12), tzinfo=datetime.UTC
                    )
                    if status in ("published", "archived")
                    else None,
                    created_at=now,
                    updated_at=now,
                )
            )
        created = KnowledgeProduct.objects.bulk_create(rows)
        product_ids += [p.pk for p in created]
        through = KnowledgeProduct.pillars.through
        through.objects.bulk_create(
            [
                through(knowledgeproduct=p, workinggroup=g)
                for p in created
                for g in rng.sample(groups, rng.randint(1, 2))
            ]
        )
        through = KnowledgeProduct.countries.through
        through.objects.bulk_create(
            [
                through(knowledgeproduct=p, country=c)
                for p in created
                if not p.is_regional
                for c in rng.sample(countries, rng.randint(1, 3))
            ]
        )
        through = KnowledgeProduct.topics.through
        through.objects.bulk_create(
            [
                through(knowledgeproduct=p, topic=t)
                for p in created
                for t in rng.sample(topics, rng.randint(1, 4))
            ]
        )
        # One product in ten has a file (metadata only: the benchmark never downloads it).
        with_file = [p for p in created if p.pk % 10 == 0]
        files = ProductFile.objects.bulk_create(
            [ProductFile(product=p, label="Full report") for p in with_file]
        )
        FileVersion.objects.bulk_create(
            [
                FileVersion(
                    product_file=f,
                    file=f"knowledge/{f.product_id}/seed/report.pdf",
                    token="seed",
                    name="report.pdf",
                    size=rng.randint(50_000, 5_000_000),
                    content_type="application/pdf",
                )
                for f in files
            ]
        )
    for offset in range(0, len(product_ids), 10_000):
        search_documents_refresh(product_ids=product_ids[offset : offset + 10_000])
    return len(product_ids)


def search_queries() -> list[str]:
    """Twenty searches for the benchmark: one word and several, common and rare."""
    return [
        "seguridad",
        "violencia juvenil",
        "prevención",
        "justicia tribunales",
        "policía comunitaria",
        "crime prevention",
        "homicidios",
        "extorsión",
        "youth violence",
        "prisons rehabilitation",
        "segurança",
        "trata personas",
        "data evaluation",
        "sécurité",
        "lavado activos",
        "gender victims",
        "observatorio indicadores",
        "ciberdelito",
        "mediación conflictos barrios",
        "reinserción",
    ]
