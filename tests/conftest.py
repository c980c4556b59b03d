"""The cast of users, by role, and the shared world that tests across the apps use.

One person per role, one name per person; every app's tests use these fixtures (an app's
conftest keeps only what is truly its own):

| fixture | who | role |
| --- | --- | --- |
| ``alice`` | Alice Secretariat | secretariat staff, with a second factor (``alice.totp_secret``) |
| ``bob`` | Bob Ecuador | focal point of Ecuador (Ministerio del Interior); Ecuador leads nothing |
| ``carol`` | Carol Barbados | focal point of Barbados (Ministry of Home Affairs) |
| ``dave`` | Dave Former | his appointment (Ecuador, Ministerio de Justicia) ended in 2025 |
| ``eve`` | Eve Nobody | an account, no appointment |
| ``lena`` | Lena Lead | focal point of Costa Rica, which leads working group 1 from 2025-01-01 |
| ``paula`` | Paula Panamá | focal point of Panama, group 1's second lead country from 2025-01-01 |
| ``oscar`` | Oscar Outsider | focal point of a country whose Alliance membership ended |

``alice_client`` and ``bob_client`` are test clients signed in as them; ``client_for(client,
user)`` signs in anyone else. Countries: ``ecuador``, ``barbados``, ``costa_rica``, ``panama``
(all members, from the migrations). Working groups, one fixture each, by pillar number:
``group1`` (vulnerable populations), ``group2`` (institutions), ``group3`` (illicit finance).
The shared world: ``plans`` (an approved plan per group, by number), ``cycle`` (an open
reporting cycle on the three groups), ``make_meeting(**fields)`` (a meeting of group 2 organised
by Alice unless told otherwise), and the helpers ``open_cycle`` and ``in_days``.

The lead rows are made through the service that a person would use (``group_lead_add``), so what
follows a lead (the steering committee) follows it in tests too.
"""

import datetime
import zoneinfo

import pytest
from allauth.account.internal.flows.login import record_authentication
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.core.cache import caches
from django.test import RequestFactory

from core.dates import alliance_today
from governance import services as governance_services
from governance.models import Meeting
from members.models import Country
from members.second_factor import SECOND_FACTOR_TYPES
from working_groups import services as wg_services
from working_groups.models import WorkingGroup
from working_groups.services import group_lead_add

from .factories import (
    AppointmentFactory,
    CountryFactory,
    MembershipPeriodFactory,
    MinistryFactory,
    UserFactory,
    approved_plan,
)

PASSWORD = "correct horse battery staple"


@pytest.fixture(autouse=True)
def _english(settings):
    settings.LANGUAGE_CODE = "en"


def clear_caches() -> None:
    """Empty every cache alias (rate limits in "default"; pages and facet counts in "pages")."""
    for cache in caches.all():
        cache.clear()


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Facet counts and anonymous visitors' pages are cached; rows made by factories bypass the
    services that invalidate them, so each test starts with empty caches."""
    clear_caches()
    yield
    clear_caches()


def add_totp(user) -> str:
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def country(iso_code: str) -> Country:
    return Country.objects.get(iso_code=iso_code)


@pytest.fixture
def ecuador(db):
    return country("EC")


@pytest.fixture
def barbados(db):
    return country("BB")


@pytest.fixture
def costa_rica(db):
    return country("CR")


@pytest.fixture
def panama(db):
    return country("PA")


def working_group(number: int) -> WorkingGroup:
    return WorkingGroup.objects.get(number=number)


@pytest.fixture
def group1(db):
    """Protecting vulnerable populations and communities (led by Costa Rica when ``lena`` is)."""
    return working_group(1)


@pytest.fixture
def group2(db):
    """Strengthening security and justice institutions."""
    return working_group(2)


@pytest.fixture
def group3(db):
    """Disrupting financial flows and curbing illicit markets."""
    return working_group(3)


# --- The cast: one function per person (for worlds built outside a test's fixtures, such as the
# permission matrix's), one fixture per person ---------------------------------------------------


def make_alice():
    user = UserFactory(email="alice@iadb.test", full_name="Alice Secretariat", is_secretariat=True)
    user.totp_secret = add_totp(user)  # what her authenticator app holds, for real codes
    return user


def make_bob():
    return AppointmentFactory(
        user=UserFactory(email="bob@ecuador.test", full_name="Bob Ecuador"),
        ministry=MinistryFactory(country=country("EC"), name="Ministerio del Interior"),
    ).user


def make_carol():
    return AppointmentFactory(
        user=UserFactory(email="carol@barbados.test", full_name="Carol Barbados"),
        ministry=MinistryFactory(
            country=country("BB"), name="Ministry of Home Affairs", kind="both"
        ),
    ).user


def make_dave():
    return AppointmentFactory(
        user=UserFactory(email="dave@ecuador.test", full_name="Dave Former"),
        ministry=MinistryFactory(
            country=country("EC"), name="Ministerio de Justicia", kind="justice"
        ),
        start_on=datetime.date(2025, 1, 1),
        end_on=datetime.date(2025, 6, 1),
        end_reason="Left the ministry",
    ).user


def make_eve():
    return UserFactory(email="eve@example.org", full_name="Eve Nobody")


LEADS_SINCE = datetime.date(2025, 1, 1)


def make_lena():
    group_lead_add(group=working_group(1), country=country("CR"), start_on=LEADS_SINCE)
    return AppointmentFactory(
        user=UserFactory(email="lena@costarica.test", full_name="Lena Lead"),
        ministry=MinistryFactory(country=country("CR"), name="Ministerio de Seguridad Pública"),
    ).user


def make_paula():
    group_lead_add(group=working_group(1), country=country("PA"), start_on=LEADS_SINCE)
    return AppointmentFactory(
        user=UserFactory(email="paula@panama.test", full_name="Paula Panamá"),
        ministry=MinistryFactory(country=country("PA"), name="Ministerio de Seguridad Pública"),
    ).user


def make_oscar():
    outside = CountryFactory()
    MembershipPeriodFactory(
        country=outside, start_on=datetime.date(2025, 1, 1), end_on=datetime.date(2025, 6, 1)
    )
    return AppointmentFactory(
        user=UserFactory(email="oscar@outside.test", full_name="Oscar Outsider"),
        ministry=MinistryFactory(country=outside),
    ).user


@pytest.fixture
def alice(db):
    return make_alice()


@pytest.fixture
def bob(db):
    return make_bob()


@pytest.fixture
def carol(db):
    return make_carol()


@pytest.fixture
def dave(db):
    return make_dave()


@pytest.fixture
def eve(db):
    return make_eve()


@pytest.fixture
def lena(db):
    return make_lena()


@pytest.fixture
def paula(db):
    return make_paula()


@pytest.fixture
def oscar(db):
    return make_oscar()


def totp_code(secret: str) -> str:
    """The code the person's authenticator app shows now."""
    counters = list(yield_hotp_counters_from_time())
    return format_hotp_value(hotp_value(secret, counters[len(counters) // 2]))


def client_for(client, user):
    """Sign in without the login form. The session is marked the way allauth's login marks it:
    the password, and the second factor when the person has one (members.second_factor refuses
    a session of someone with an authenticator that never gave its code)."""
    client.force_login(user)
    session = client.session
    request = RequestFactory().get("/")
    request.session, request.user = session, user
    record_authentication(request, user, "password", email=user.email)
    authenticator = (
        Authenticator.objects.filter(user=user, type__in=SECOND_FACTOR_TYPES).order_by("pk").first()
    )
    if authenticator is not None:
        record_authentication(request, user, "mfa", id=authenticator.pk, type=authenticator.type)
    session.save()
    return client


@pytest.fixture
def alice_client(client, alice):
    return client_for(client, alice)


@pytest.fixture
def bob_client(client, bob):
    return client_for(client, bob)


# --- The shared world ---------------------------------------------------------------------------


def in_days(days, hour=10, zone="America/Bogota"):
    """``hour`` o'clock in ``zone``, ``days`` days from today."""
    day = datetime.date.today() + datetime.timedelta(days=days)
    return datetime.datetime(day.year, day.month, day.day, hour, tzinfo=zoneinfo.ZoneInfo(zone))


def open_cycle(*, groups, by, due_in_days=20, name="2026 first half", opened_days_ago=10):
    """A reporting cycle dated around the real "today", so lateness is computed as in production."""
    today = alliance_today()
    return wg_services.cycle_open(
        name=name,
        period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2026, 6, 30),
        opens_on=today - datetime.timedelta(days=opened_days_ago),
        due_on=today + datetime.timedelta(days=due_in_days),
        groups=groups,
        by=by,
    )


@pytest.fixture
def plans(group1, group2, group3):
    """An approved work plan with two activities for each group, by group number."""
    return {g.number: approved_plan(g, activities=2) for g in (group1, group2, group3)}


@pytest.fixture
def cycle(plans, alice, group1, group2, group3):
    return open_cycle(groups=[group1, group2, group3], by=alice)


@pytest.fixture
def make_meeting(alice, group2):
    """``make_meeting(**fields)``: a members-only online meeting of group 2 in ten days,
    organised by Alice, through the service; ``fields`` override any of it."""

    def make(**fields):
        values = {
            "organiser": alice,
            "body": Meeting.Body.WORKING_GROUP,
            "title": "Working group meeting",
            "start_at": in_days(10, 10),
            "end_at": in_days(10, 12),
            "time_zone": "America/Bogota",
            "online_url": "https://meet.example.org/x",
            "visibility": Meeting.Visibility.MEMBERS,
        }
        values.update(fields)
        if values["body"] == Meeting.Body.WORKING_GROUP and "group" not in values:
            values["group"] = group2
        return governance_services.meeting_create(**values)

    return make


__all__ = [
    "PASSWORD",
    "Authenticator",
    "add_totp",
    "clear_caches",
    "client_for",
    "in_days",
    "open_cycle",
    "totp_code",
]
