"""Every page ``make bench`` loads runs at most 15 SQL queries, on the seeded data at a small
size (each list still holds more rows than a page, so a query per row would show), with an empty
cache as after a change, and none at all for an anonymous visitor's second request to a public
page. The same pages and sessions as the benchmark (bench/benchmark.py)."""

import pytest
from django.core.management import call_command

from bench import benchmark
from tests.conftest import clear_caches

MAX_QUERIES = 15
PUBLIC = {"home", "library", "search + 2 facets", "product detail", "feed", "API list"}


@pytest.fixture
def pages(db):
    call_command(
        "seed_scale", products=120, users=40, years=2, meetings=30, invitees=3, verbosity=0
    )
    prepared = benchmark.prepare()["pages"]
    return {page["name"]: page for page in prepared if page["name"] != "ceiling"}


def _get(client, page):
    if page["cookie"]:
        name, value = page["cookie"].split("=", 1)
        client.cookies[name] = value
    return client.get(page["path"])


@pytest.mark.parametrize(
    "name",
    [
        "home",
        "library",
        "search + 2 facets",
        "product detail",
        "feed",
        "API list",
        "focal dashboard",
        "focal reporting",
        "report edit",
        "cycle matrix",
        "meeting .ics",
    ],
)
def test_benchmarked_page_runs_at_most_15_queries(
    client, pages, django_assert_max_num_queries, name
):
    clear_caches()
    with django_assert_max_num_queries(MAX_QUERIES):
        response = _get(client, pages[name])
    assert response.status_code == 200
    if name in PUBLIC:
        with django_assert_max_num_queries(0):
            assert _get(client, pages[name]).status_code == 200
