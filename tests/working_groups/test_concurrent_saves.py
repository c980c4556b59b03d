"""Eight people save the same report at the same moment, each from the version they opened: one
save wins and the seven others are told, with 409 and their text kept, that someone saved first.
On the embedded default (SQLite) as on PostgreSQL: never a 500 "database is locked"."""

import threading

import pytest
from django.db import connections
from django.test import Client

from tests.factories import AppointmentFactory, UserFactory
from working_groups.models import ProgressReport

from .test_reports import edit_url

PEOPLE = 8


@pytest.fixture
def colleagues(bob):
    """Bob and seven colleagues of his ministry, all focal points of Ecuador."""
    ministry = bob.appointments.get().ministry
    others = [
        AppointmentFactory(user=UserFactory(email=f"colleague{n}@ecuador.test"), ministry=ministry)
        for n in range(PEOPLE - 1)
    ]
    return [bob, *(appointment.user for appointment in others)]


def _save_at_once(users, report) -> list[int]:
    clients = []
    for user in users:
        client = Client(raise_request_exception=False)
        client.force_login(user)
        clients.append(client)
    start = threading.Barrier(len(clients))
    statuses: list[int] = [0] * len(clients)

    def save(index: int, client: Client) -> None:
        try:
            start.wait()
            response = client.post(
                edit_url(report),
                {"version": report.version, "achievements": f"Words of person {index}"},
            )
            statuses[index] = response.status_code
        finally:
            connections.close_all()  # this thread's own connection

    threads = [
        threading.Thread(target=save, args=(index, client)) for index, client in enumerate(clients)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_eight_simultaneous_saves_give_one_success_and_seven_409(colleagues, cycle, ecuador):
    report = ProgressReport.objects.get(cycle=cycle, country=ecuador, group__number=1)

    statuses = _save_at_once(colleagues, report)

    assert sorted(statuses) == [302] + [409] * (PEOPLE - 1)
    report.refresh_from_db()
    assert report.version == 2
    assert report.achievements.startswith("Words of person ")
