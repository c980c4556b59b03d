"""The library runs a fixed number of SQL queries, with 20 products as with 2,000."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from knowledge.models import KnowledgeProduct, Topic
from members.models import Country
from working_groups.models import WorkingGroup

MAX_QUERIES = 14


def _bulk_products(n: int) -> None:
    now = timezone.now()
    types = [value for value, _label in KnowledgeProduct.Type.choices]
    languages = [value for value, _label in KnowledgeProduct.Language.choices]
    verdicts = [value for value, _label in KnowledgeProduct.Verdict.choices]
    products = KnowledgeProduct.objects.bulk_create(
        [
            KnowledgeProduct(
                title=f"Product {i}",
                slug=f"product-{i}",
                product_type=types[i % len(types)],
                summary="A summary of the product.",
                language=languages[i % len(languages)],
                is_regional=i % 3 == 0,
                published_on=datetime.date(2020 + i % 6, 1 + i % 12, 1),
                status=KnowledgeProduct.Status.PUBLISHED,
                published_at=now,
                evidence_level=(i % 5) + 1 if i % 4 == 0 else None,
                evidence_verdict=verdicts[i % 4] if i % 4 == 0 else "",
            )
            for i in range(n)
        ]
    )
    groups = list(WorkingGroup.objects.all())
    countries = list(Country.objects.all()[:10])
    topics = Topic.objects.bulk_create(
        [Topic(name=f"Topic {i}", slug=f"topic-{i}") for i in range(40)]
    )
    KnowledgeProduct.pillars.through.objects.bulk_create(
        [
            KnowledgeProduct.pillars.through(knowledgeproduct=p, workinggroup=groups[i % 3])
            for i, p in enumerate(products)
        ]
    )
    KnowledgeProduct.countries.through.objects.bulk_create(
        [
            KnowledgeProduct.countries.through(knowledgeproduct=p, country=countries[i % 10])
            for i, p in enumerate(products)
        ]
    )
    KnowledgeProduct.topics.through.objects.bulk_create(
        [
            KnowledgeProduct.topics.through(knowledgeproduct=p, topic=topics[(i * 7) % 40])
            for i, p in enumerate(products)
        ]
    )


@pytest.mark.parametrize("products", [20, 2000])
@pytest.mark.parametrize(
    "query",
    [
        "",
        "?page=2",
        "?type=guide&pillar=1&country=EC&language=es&year=2024&topic=topic-7&evidence=effective&level=1&sort=title",
    ],
)
def test_library_query_count_is_fixed(client, db, django_assert_max_num_queries, products, query):
    _bulk_products(products)
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(reverse("knowledge:library") + query)
    assert response.status_code == 200


@pytest.mark.parametrize("products", [20, 2000])
@pytest.mark.parametrize("name", ["knowledge:feed", "knowledge:api-product-list"])
def test_feed_and_api_query_count_is_fixed(
    client, db, django_assert_max_num_queries, products, name
):
    _bulk_products(products)
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(reverse(name) + "?page_size=100")
    assert response.status_code == 200


@pytest.mark.parametrize("files", [1, 20])
def test_detail_query_count_is_fixed(client, alice, django_assert_max_num_queries, files):
    from knowledge import services
    from tests.knowledge.factories import PDF_BYTES, KnowledgeProductFactory, upload

    product = KnowledgeProductFactory(topics=["a", "b", "c"])
    related = KnowledgeProductFactory.create_batch(files)
    product.related_products.set(related)
    for n in range(files):
        product_file = services.product_file_add(
            product=product, by=alice, label=f"File {n}", upload=upload("f.pdf", PDF_BYTES)
        )
        services.product_file_replace(
            product_file=product_file, by=alice, upload=upload("g.pdf", PDF_BYTES), reason="v2"
        )
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(reverse("knowledge:product-detail", args=[product.slug]))
    assert response.status_code == 200


@pytest.mark.parametrize("products", [20, 2000])
def test_workspace_query_count_is_fixed(alice_client, django_assert_max_num_queries, products):
    _bulk_products(products)
    with django_assert_max_num_queries(MAX_QUERIES):
        response = alice_client.get(reverse("knowledge:workspace") + "?page=2")
    assert response.status_code == 200
