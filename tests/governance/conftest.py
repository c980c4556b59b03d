import datetime
import zoneinfo

import pytest

from governance import services
from governance.models import Meeting
from members.models import Country
from tests.factories import AppointmentFactory, MinistryFactory, UserFactory
from working_groups.models import WorkingGroup
from working_groups.services import group_lead_add


@pytest.fixture
def groups(db):
    return {g.number: g for g in WorkingGroup.objects.all()}


@pytest.fixture
def lena(groups):
    """Focal point of Costa Rica, which leads working group 2."""
    costa_rica = Country.objects.get(iso_code="CR")
    group_lead_add(group=groups[2], country=costa_rica, start_on=datetime.date(2025, 2, 1))
    appointment = AppointmentFactory(
        user=UserFactory(email="lena@costarica.test", full_name="Lena Lead"),
        ministry=MinistryFactory(country=costa_rica, name="Ministerio de Seguridad Pública"),
    )
    return appointment.user


@pytest.fixture
def outsider(db):
    """Focal point of a country whose membership ended: in no body any more."""
    from tests.factories import CountryFactory, MembershipPeriodFactory

    country = CountryFactory()
    MembershipPeriodFactory(
        country=country, start_on=datetime.date(2025, 1, 1), end_on=datetime.date(2025, 6, 1)
    )
    return AppointmentFactory(ministry=MinistryFactory(country=country)).user


def in_days(days, hour=10, zone="America/Bogota"):
    day = datetime.date.today() + datetime.timedelta(days=days)
    return datetime.datetime(day.year, day.month, day.day, hour, tzinfo=zoneinfo.ZoneInfo(zone))


@pytest.fixture
def make_meeting(alice):
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
            values["group"] = WorkingGroup.objects.get(number=2)
        return services.meeting_create(**values)

    return make
