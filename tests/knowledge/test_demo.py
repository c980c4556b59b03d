"""The demo data fills the library so that every facet means something; running it twice adds
nothing."""

from django.core.management import call_command
from django.db.models import Count
from django.urls import reverse

from knowledge.models import KnowledgeProduct

Status = KnowledgeProduct.Status


def test_demo_data_fills_the_library_and_is_idempotent(client, db):
    call_command("load_demo", "--quiet-logins")
    published = KnowledgeProduct.objects.listed()
    assert published.count() >= 40
    assert published.values("product_type").distinct().count() == len(KnowledgeProduct.Type)
    assert published.values("language").distinct().count() == 4
    assert published.values("pillars").distinct().count() == 3
    assert published.filter(is_regional=True).exists()
    assert published.values("countries").exclude(countries=None).distinct().count() >= 15
    assert published.exclude(evidence_level=None).count() >= 5
    assert published.exclude(translation_of=None).count() >= 2
    assert KnowledgeProduct.objects.filter(status=Status.IN_REVIEW).exists()
    assert KnowledgeProduct.objects.filter(status=Status.DRAFT).exists()
    total = KnowledgeProduct.objects.count()

    call_command("load_demo", "--quiet-logins")
    assert KnowledgeProduct.objects.count() == total
    assert not KnowledgeProduct.objects.values("title").annotate(n=Count("pk")).filter(n__gt=1)

    response = client.get(reverse("knowledge:library"))
    assert response.status_code == 200
    facets = {facet.name: facet.values for facet in response.context["facets"]}
    assert len(facets["type"]) == len(KnowledgeProduct.Type)
    assert len(facets["pillar"]) == 3
    assert len(facets["year"]) >= 2
    dataset = published.filter(product_type="dataset").first()
    assert client.get(reverse("knowledge:product-detail", args=[dataset.slug])).status_code == 200
