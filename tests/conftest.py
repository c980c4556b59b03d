"""The cast of users, by role, that tests across the apps share.

Alice is secretariat staff (with a second factor set up). Bob is focal point of Ecuador's security
ministry; Carol is focal point of Barbados. Dave's appointment (Ecuador) has ended. Eve has an
account but no appointment.
"""

import datetime

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.core.cache import caches

from members.models import Country

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
    add_totp(user)
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


def client_for(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def alice_client(client, alice):
    return client_for(client, alice)


@pytest.fixture
def bob_client(client, bob):
    return client_for(client, bob)


__all__ = ["PASSWORD", "Authenticator", "add_totp", "clear_caches", "client_for"]
