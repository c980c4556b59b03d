"""Groups, plans and cycles that the working-group tests share.

Ecuador (Bob) leads nothing; Costa Rica leads group 1 through Lena, its focal point. Cycles are
dated around the real "today", so lateness is computed as in production."""

import datetime

import pytest

from core.dates import alliance_today
from members.models import Country
from tests.factories import AppointmentFactory, MinistryFactory, UserFactory, approved_plan
from working_groups import services
from working_groups.models import GroupLead, WorkingGroup


@pytest.fixture
def group1(db):
    return WorkingGroup.objects.get(number=1)


@pytest.fixture
def group2(db):
    return WorkingGroup.objects.get(number=2)


@pytest.fixture
def group3(db):
    return WorkingGroup.objects.get(number=3)


@pytest.fixture
def costa_rica(db):
    return Country.objects.get(iso_code="CR")


@pytest.fixture
def lena(costa_rica, group1):
    """Focal point of Costa Rica, which leads group 1."""
    GroupLead.objects.create(group=group1, country=costa_rica, start_on=datetime.date(2025, 1, 1))
    appointment = AppointmentFactory(
        user=UserFactory(email="lena@costarica.test", full_name="Lena Lead"),
        ministry=MinistryFactory(country=costa_rica, name="Ministerio de Seguridad Pública"),
    )
    return appointment.user


@pytest.fixture
def plans(group1, group2, group3):
    return {g.number: approved_plan(g, activities=2) for g in (group1, group2, group3)}


def open_cycle(*, groups, by, due_in_days=20, name="2026 first half", opened_days_ago=10):
    today = alliance_today()
    return services.cycle_open(
        name=name,
        period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2026, 6, 30),
        opens_on=today - datetime.timedelta(days=opened_days_ago),
        due_on=today + datetime.timedelta(days=due_in_days),
        groups=groups,
        by=by,
    )


@pytest.fixture
def cycle(plans, alice, group1, group2, group3):
    return open_cycle(groups=[group1, group2, group3], by=alice)
