"""The public listing: only published products, search, facets, sorting, bad input."""

import datetime

import pytest
from django.db import connection
from django.urls import reverse

from knowledge.models import KnowledgeProduct
from tests.factories import CountryFactory
from working_groups.models import WorkingGroup

from .factories import KnowledgeProductFactory

Status = KnowledgeProduct.Status
LIBRARY = reverse("knowledge:library")
on_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL full-text search"
)


def _titles(response) -> list[str]:
    return [p.title for p in response.context["page_obj"]]


def test_only_published_products_are_listed(client, db):
    KnowledgeProductFactory(title="Published guide")
    for status in (Status.DRAFT, Status.IN_REVIEW, Status.ARCHIVED):
        KnowledgeProductFactory(title=f"Hidden {status}", status=status)
    response = client.get(LIBRARY)
    assert response.status_code == 200
    assert _titles(response) == ["Published guide"]
    body = response.content.decode()
    assert "Hidden" not in body


def test_a_word_in_the_body_is_found_and_a_title_match_ranks_higher(client, db):
    KnowledgeProductFactory(
        title="Community programmes",
        body="This evaluation covers mentoring in schools.",
        published_on=datetime.date(2025, 9, 1),
    )
    KnowledgeProductFactory(
        title="Mentoring toolkit",
        summary="Step by step.",
        published_on=datetime.date(2024, 1, 1),
    )
    KnowledgeProductFactory(title="Prison reform", body="Nothing related.")
    response = client.get(LIBRARY, {"q": "mentoring"})
    assert response.status_code == 200
    # The older title match comes before the newer body match: relevance, not date.
    assert _titles(response) == ["Mentoring toolkit", "Community programmes"]


def test_search_finds_topics(client, db):
    KnowledgeProductFactory(title="Guide A", topics=["money laundering"])
    KnowledgeProductFactory(title="Guide B")
    assert _titles(client.get(LIBRARY, {"q": "laundering"})) == ["Guide A"]


def test_search_ignores_accents_and_case(client, db):
    KnowledgeProductFactory(title="Segurança cidadã nas cidades", language="pt")
    KnowledgeProductFactory(title="Política de prevención", language="es")
    assert _titles(client.get(LIBRARY, {"q": "seguranca"})) == ["Segurança cidadã nas cidades"]
    assert _titles(client.get(LIBRARY, {"q": "PREVENCION"})) == ["Política de prevención"]
    assert _titles(client.get(LIBRARY, {"q": "política"})) == ["Política de prevención"]


@on_postgres
def test_search_uses_the_gin_index_on_postgresql(db):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'knowledge_search_document_gin'"
        )
        (definition,) = cursor.fetchone()
    assert "gin (search_document)" in definition


def test_facet_counts_under_a_combined_filter(client, db):
    pillar1, pillar2 = WorkingGroup.objects.filter(number__in=[1, 2]).order_by("number")
    ecuador = CountryFactory(iso_code="EC")
    KnowledgeProductFactory(product_type="guide", language="es", pillars=[pillar1])
    KnowledgeProductFactory(product_type="guide", language="en", pillars=[pillar1, pillar2])
    KnowledgeProductFactory(product_type="tool", language="es", pillars=[pillar1])
    KnowledgeProductFactory(
        product_type="tool", language="es", pillars=[pillar2], countries=[ecuador]
    )
    KnowledgeProductFactory(product_type="dataset", language="es", pillars=[pillar1])
    KnowledgeProductFactory(product_type="guide", language="es", status=Status.DRAFT)

    response = client.get(LIBRARY, {"pillar": "1", "language": "es"})
    assert response.status_code == 200
    assert response.context["page_obj"].paginator.count == 3
    facets = {f.name: {v.value: v.count for v in f.values} for f in response.context["facets"]}
    # Type counts: pillar 1 and Spanish (the type itself not chosen).
    assert facets["type"] == {"guide": 1, "tool": 1, "dataset": 1}
    # Language counts: pillar 1 and any language.
    assert facets["language"] == {"es": 3, "en": 1}
    # Pillar counts: Spanish and any pillar.
    assert facets["pillar"] == {"1": 3, "2": 1}
    assert facets["country"] == {}


def test_combined_filters_narrow_and_choices_within_a_facet_widen(client, db):
    KnowledgeProductFactory(title="G", product_type="guide", language="es")
    KnowledgeProductFactory(title="T", product_type="tool", language="es")
    KnowledgeProductFactory(title="D", product_type="dataset", language="en")
    response = client.get(LIBRARY + "?type=guide&type=tool&language=es&sort=title")
    assert _titles(response) == ["G", "T"]
    response = client.get(LIBRARY + "?type=guide&type=dataset&language=en")
    assert _titles(response) == ["D"]


def test_filters_by_country_year_topic_and_evidence(client, db):
    barbados = CountryFactory(iso_code="BB")
    KnowledgeProductFactory(
        title="Rated",
        countries=[barbados],
        is_regional=False,
        published_on=datetime.date(2024, 3, 1),
        topics=["policing"],
        evidence_level=4,
        evidence_verdict="effective",
    )
    KnowledgeProductFactory(title="Other", published_on=datetime.date(2025, 3, 1))
    for query in ("country=BB", "year=2024", "topic=policing", "evidence=effective", "level=4"):
        assert _titles(client.get(f"{LIBRARY}?{query}")) == ["Rated"], query
    assert _titles(client.get(f"{LIBRARY}?regional=true")) == ["Other"]


@pytest.mark.parametrize(
    "query",
    [
        "type=novel",
        "pillar=9",
        "country=XX",
        "year=abc",
        "year=1492",
        "language=klingon",
        "topic=nonexistent",
        "evidence=miracle",
        "level=7",
        "sort=random",
        "regional=perhaps",
    ],
)
def test_invalid_filter_values_get_400_with_a_message(client, db, query):
    response = client.get(f"{LIBRARY}?{query}")
    assert response.status_code == 400
    assert "Some filters are not valid" in response.content.decode()


def test_a_bad_page_number_shows_a_page_not_an_error(client, db):
    KnowledgeProductFactory()
    assert client.get(LIBRARY, {"page": "abc"}).status_code == 200
    assert client.get(LIBRARY, {"page": "999"}).status_code == 200


def test_sort_orders(client, db):
    KnowledgeProductFactory(title="B old", published_on=datetime.date(2020, 1, 1))
    KnowledgeProductFactory(title="A new", published_on=datetime.date(2025, 1, 1))
    assert _titles(client.get(LIBRARY)) == ["A new", "B old"]
    assert _titles(client.get(LIBRARY, {"sort": "oldest"})) == ["B old", "A new"]
    assert _titles(client.get(LIBRARY, {"sort": "title"})) == ["A new", "B old"]


def test_the_url_holds_the_whole_query_for_sharing(client, db, settings):
    settings.KNOWLEDGE_PAGE_SIZE = 2
    for n in range(5):
        KnowledgeProductFactory(title=f"Guide {n}", product_type="guide")
    body = client.get(LIBRARY + "?q=guide&type=guide&sort=title").content.decode()
    assert 'href="?q=guide&amp;type=guide&amp;sort=title&amp;page=2"' in body
    page2 = client.get(LIBRARY + "?q=guide&type=guide&sort=title&page=2")
    assert _titles(page2) == ["Guide 2", "Guide 3"]


def test_library_link_is_in_the_main_navigation(client, db):
    body = client.get(reverse("home")).content.decode()
    assert f'href="{LIBRARY}"' in body
    assert "Knowledge library" in body


def test_every_word_of_a_search_must_match(client, db):
    KnowledgeProductFactory(title="Prison reform guide", body="Rehabilitation in practice.")
    KnowledgeProductFactory(title="Prison statistics")
    assert _titles(client.get(LIBRARY, {"q": "prison rehabilitation"})) == ["Prison reform guide"]


def test_facet_counts_under_a_search(client, db):
    KnowledgeProductFactory(title="Mediation guide", product_type="guide", language="es")
    KnowledgeProductFactory(
        title="Guide", body="mediation mediation mediation", product_type="guide", language="es"
    )
    KnowledgeProductFactory(title="Mediation tool", product_type="tool", language="en")
    KnowledgeProductFactory(title="Unrelated", product_type="tool", language="en")
    response = client.get(LIBRARY, {"q": "mediation"})
    facets = {f.name: {v.value: v.count for v in f.values} for f in response.context["facets"]}
    assert facets["type"] == {"guide": 2, "tool": 1}
    assert facets["language"] == {"es": 2, "en": 1}
    assert facets["year"] == {"2025": 3}


def test_facet_counts_are_cached_until_the_library_changes(
    client, alice, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    from knowledge import services

    KnowledgeProductFactory(product_type="guide")
    draft = KnowledgeProductFactory(product_type="tool", status=Status.DRAFT)

    def type_counts():
        response = client.get(LIBRARY)
        facets = {f.name: f for f in response.context["facets"]}
        return {v.value: v.count for v in facets["type"].values}

    assert type_counts() == {"guide": 1}
    with django_assert_max_num_queries(5):  # results only: the facets come from the cache
        client.get(LIBRARY)
    with django_capture_on_commit_callbacks(execute=True):
        services.product_publish(product=draft, by=alice)
    assert type_counts() == {"guide": 1, "tool": 1}


def test_an_invalid_filter_keeps_the_valid_ones_in_the_form(client, db):
    response = client.get(LIBRARY + "?q=prisons&type=guide&year=abc&language=es")
    assert response.status_code == 400
    body = response.content.decode()
    assert '<input type="hidden" name="type" value="guide">' in body
    assert '<input type="hidden" name="language" value="es">' in body
    assert 'name="year"' not in body
    assert 'value="prisons"' in body
