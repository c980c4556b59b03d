"""Every list page runs a fixed number of SQL queries, with 5 rows as with 200."""

import datetime

import pytest
from django.urls import reverse

from tests.conftest import client_for
from tests.factories import (
    AppointmentFactory,
    CountryFactory,
    MembershipPeriodFactory,
    MinisterFactory,
    MinistryFactory,
    PartnerFactory,
)

MAX_QUERIES = 12


def _rows(kind: str, n: int) -> None:
    if kind == "countries":
        for country in CountryFactory.create_batch(n):
            MembershipPeriodFactory(country=country)
            MinistryFactory(country=country)
    elif kind == "ministries":
        MinistryFactory.create_batch(n)
    elif kind == "ministers":
        MinisterFactory.create_batch(n)
    elif kind == "appointments":
        AppointmentFactory.create_batch(n, appointed_by=None)
    elif kind == "partners":
        PartnerFactory.create_batch(n, country=CountryFactory())


PAGES = [
    ("members:country-list", "countries"),
    ("members:ministry-list", "ministries"),
    ("members:minister-list", "ministers"),
    ("members:appointment-list", "appointments"),
    ("members:partner-list", "partners"),
    ("members:members", "countries"),
    ("members:members", "partners"),
    ("home", "countries"),
]


@pytest.mark.parametrize("rows", [5, 200])
@pytest.mark.parametrize(("name", "kind"), PAGES)
def test_list_page_query_count_is_fixed(
    alice_client, django_assert_max_num_queries, name, kind, rows
):
    _rows(kind, rows)
    url = reverse(name)
    with django_assert_max_num_queries(MAX_QUERIES):
        response = alice_client.get(url + "?page=2" if rows == 200 and "list" in name else url)
    assert response.status_code == 200


@pytest.mark.parametrize("rows", [5, 200])
def test_country_detail_query_count_is_fixed(alice_client, django_assert_max_num_queries, rows):
    country = CountryFactory()
    MembershipPeriodFactory(country=country, start_on=datetime.date(2025, 1, 1))
    ministry = MinistryFactory(country=country)
    for year in range(rows // 5):
        MinisterFactory(
            ministry=ministry,
            start_on=datetime.date(1900 + year, 1, 1),
            end_on=datetime.date(1900 + year, 12, 31),
        )
    AppointmentFactory.create_batch(rows, ministry=ministry)
    with django_assert_max_num_queries(MAX_QUERIES):
        response = alice_client.get(reverse("members:country-detail", args=[country.iso_code]))
    assert response.status_code == 200


@pytest.mark.parametrize("rows", [5, 200])
def test_dashboard_query_count_is_fixed(client, bob, django_assert_max_num_queries, rows):
    ministry = bob.appointments.get().ministry
    AppointmentFactory.create_batch(
        rows,
        user=bob,
        ministry=MinistryFactory(country=ministry.country),
        start_on=datetime.date(2020, 1, 1),
        end_on=datetime.date(2021, 1, 1),
    )
    client_for(client, bob)
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(reverse("members:dashboard"))
    assert response.status_code == 200
