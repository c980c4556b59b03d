"""The one convention for dated records: ``[start_on, end_on)``, open when ``end_on`` is empty."""

import datetime

import pytest

from core.periods import end_after, last_day
from members.models import FocalPointAppointment
from tests.factories import AppointmentFactory

D = datetime.date


def test_last_day_is_the_day_before_end_on_and_end_after_reverses_it():
    assert last_day(D(2026, 3, 1)) == D(2026, 2, 28)
    assert end_after(D(2026, 2, 28)) == D(2026, 3, 1)
    assert last_day(None) is None and end_after(None) is None


@pytest.mark.django_db
def test_a_record_is_in_force_from_its_first_day_until_the_day_before_end_on():
    row = AppointmentFactory(start_on=D(2026, 1, 10), end_on=D(2026, 2, 1))
    in_force = FocalPointAppointment.objects.filter(pk=row.pk)
    assert not in_force.on(D(2026, 1, 9)).exists()
    assert in_force.on(D(2026, 1, 10)).exists()
    assert in_force.on(D(2026, 1, 31)).exists()
    assert not in_force.on(D(2026, 2, 1)).exists(), "end_on is the first day without it"
    assert row.last_day == D(2026, 1, 31)


@pytest.mark.django_db
def test_an_open_record_stays_in_force_and_overlaps_every_later_period():
    row = AppointmentFactory(start_on=D(2026, 1, 10), end_on=None)
    rows = FocalPointAppointment.objects.filter(pk=row.pk)
    assert rows.on(D(2040, 1, 1)).exists()
    assert rows.open().exists()
    assert rows.overlapping(D(2030, 1, 1), D(2030, 2, 1)).exists()
    assert not rows.overlapping(D(2025, 1, 1), D(2026, 1, 10)).exists(), "ends the day it starts"
