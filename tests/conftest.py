"""The cast of users, by role, that tests across the apps share.

Alice is secretariat staff (with a second factor set up). Bob is focal point of Ecuador's security
ministry; Carol is focal point of Barbados. Dave's appointment (Ecuador) has ended. Eve has an
account but no appointment.
"""

import datetime

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

from members.models import Country
from members.second_factor import SECOND_FACTOR_TYPES

from .factories import AppointmentFactory, MinistryFactory, UserFactory

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


@pytest.fixture
def ecuador(db):
    return Country.objects.get(iso_code="EC")


@pytest.fixture
def barbados(db):
    return Country.objects.get(iso_code="BB")


@pytest.fixture
def alice(db):
    user = UserFactory(email="alice@iadb.test", full_name="Alice Secretariat", is_secretariat=True)
    user.totp_secret = add_totp(user)  # what her authenticator app holds, for real codes
    return user


@pytest.fixture
def bob(ecuador):
    appointment = AppointmentFactory(
        user=UserFactory(email="bob@ecuador.test", full_name="Bob Ecuador"),
        ministry=MinistryFactory(country=ecuador, name="Ministerio del Interior"),
    )
    return appointment.user


@pytest.fixture
def carol(barbados):
    appointment = AppointmentFactory(
        user=UserFactory(email="carol@barbados.test", full_name="Carol Barbados"),
        ministry=MinistryFactory(country=barbados, name="Ministry of Home Affairs", kind="both"),
    )
    return appointment.user


@pytest.fixture
def dave(ecuador):
    appointment = AppointmentFactory(
        user=UserFactory(email="dave@ecuador.test", full_name="Dave Former"),
        ministry=MinistryFactory(country=ecuador, name="Ministerio de Justicia", kind="justice"),
        start_on=datetime.date(2025, 1, 1),
        end_on=datetime.date(2025, 6, 1),
        end_reason="Left the ministry",
    )
    return appointment.user


@pytest.fixture
def eve(db):
    return UserFactory(email="eve@example.org", full_name="Eve Nobody")


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


__all__ = ["PASSWORD", "Authenticator", "add_totp", "clear_caches", "client_for", "totp_code"]
