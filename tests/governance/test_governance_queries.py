"""The governance pages run a fixed number of queries, with 5 terms as with 200."""

import datetime

import pytest
from django.urls import reverse

from governance import services
from governance.models import PresidencyTerm
from members.models import Country


def _terms(n):
    countries = list(Country.objects.all()[:5])
    start = datetime.date(1900, 1, 1)
    rows = []
    for i in range(n):
        end = start + datetime.timedelta(days=30)
        rows.append(PresidencyTerm(country=countries[i % 5], start_on=start, end_on=end))
        start = end + datetime.timedelta(days=1)
    PresidencyTerm.objects.bulk_create(rows)
    services.committee_sync()


@pytest.mark.parametrize("rows", [5, 200])
@pytest.mark.parametrize("name", ["governance:governance", "governance:term-list"])
def test_governance_pages_query_count_is_fixed(
    alice_client, django_assert_max_num_queries, rows, name
):
    _terms(rows)
    with django_assert_max_num_queries(12):
        response = alice_client.get(reverse(name))
    assert response.status_code == 200
