"""Feeds, the sitemap and the JSON API: published products only, the listing's filters."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import timezone

from knowledge import services
from knowledge.models import KnowledgeProduct
from tests.factories import CountryFactory

from .factories import PDF_BYTES, KnowledgeProductFactory, upload

Status = KnowledgeProduct.Status
API = reverse("knowledge:api-product-list")


@pytest.fixture
def catalogue(db):
    return {
        "guide": KnowledgeProductFactory(title="Published guide", product_type="guide"),
        "tool": KnowledgeProductFactory(title="Published tool", product_type="tool"),
        "draft": KnowledgeProductFactory(title="Draft product", status=Status.DRAFT),
        "review": KnowledgeProductFactory(title="Product in review", status=Status.IN_REVIEW),
        "archived": KnowledgeProductFactory(title="Archived product", status=Status.ARCHIVED),
    }


# --- Feeds ----------------------------------------------------------------------------------


def test_rss_feed_lists_published_products_newest_first(client, catalogue):
    KnowledgeProduct.objects.filter(pk=catalogue["tool"].pk).update(
        published_at=timezone.now() + datetime.timedelta(hours=1)
    )
    response = client.get(reverse("knowledge:feed"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    titles = [item.findtext("title") for item in ET.fromstring(response.content).iter("item")]
    assert titles == ["Published tool", "Published guide"]


def test_atom_feed_and_filters(client, catalogue):
    response = client.get(reverse("knowledge:feed-atom"), {"type": "guide"})
    assert response.status_code == 200
    namespace = {"atom": "http://www.w3.org/2005/Atom"}
    entries = ET.fromstring(response.content).findall("atom:entry", namespace)
    assert [e.findtext("atom:title", namespaces=namespace) for e in entries] == ["Published guide"]


def test_feed_rejects_invalid_filters_with_400(client, catalogue):
    response = client.get(reverse("knowledge:feed"), {"type": "novel"})
    assert response.status_code == 400
    assert "Some filters are not valid" in response.content.decode()


# --- Sitemap --------------------------------------------------------------------------------


def test_sitemap_lists_published_products_only(client, catalogue):
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    assert "<loc>http://testserver/sitemap-knowledge.xml</loc>" in index.content.decode()
    response = client.get("/sitemap-knowledge.xml")
    assert response.status_code == 200
    body = response.content.decode()
    assert f"/knowledge/{catalogue['guide'].slug}/" in body
    assert f"/knowledge/{catalogue['tool'].slug}/" in body
    for hidden in ("draft", "review", "archived"):
        assert f"/knowledge/{catalogue[hidden].slug}/" not in body
    library = client.get("/sitemap-library.xml").content.decode()
    assert "<loc>http://testserver/knowledge/</loc>" in library
    assert client.get("/sitemap-nothing.xml").status_code == 404


# --- API ------------------------------------------------------------------------------------


def test_api_lists_published_products_only(client, catalogue):
    response = client.get(API)
    assert response.status_code == 200
    data = response.json()
    assert data["count"] == 2
    assert {item["title"] for item in data["results"]} == {"Published guide", "Published tool"}
    item = data["results"][0]
    assert item["url"].startswith("http://testserver/knowledge/")
    assert item["api_url"].startswith("http://testserver/api/v1/knowledge/")


def test_api_filters_and_paginates_like_the_listing(client, db):
    ecuador = CountryFactory(iso_code="EC")
    for n in range(5):
        KnowledgeProductFactory(
            title=f"Ecuador {n}", countries=[ecuador], is_regional=False, language="es"
        )
    KnowledgeProductFactory(title="Elsewhere", language="es")
    data = client.get(API, {"country": "EC", "page_size": 2, "sort": "title"}).json()
    assert data["count"] == 5 and data["pages"] == 3
    assert [item["title"] for item in data["results"]] == ["Ecuador 0", "Ecuador 1"]
    assert "country=EC" in data["next"] and "page=2" in data["next"]
    assert data["previous"] is None
    page3 = client.get(data["next"].replace("page=2", "page=3")).json()
    assert [item["title"] for item in page3["results"]] == ["Ecuador 4"]


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ({"type": "novel"}, 400),
        ({"year": "abc"}, 400),
        ({"page": "abc"}, 400),
        ({"page": "0"}, 400),
        ({"page_size": "1000"}, 400),
        ({"page": "99"}, 404),
    ],
)
def test_api_bad_input_gets_a_json_error(client, catalogue, query, status):
    response = client.get(API, query)
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    assert response.json()["error"]


def test_api_detail_has_files_links_and_translations(client, alice):
    original = KnowledgeProductFactory(title="Guía", language="es", body="**Hola**")
    product = KnowledgeProductFactory(title="Guide", language="en", translation_of=original)
    services.product_file_add(
        product=product, by=alice, label="Report", upload=upload("report.pdf", PDF_BYTES)
    )
    services.product_link_add(product=product, by=alice, label="Tool", url="https://t.example/")
    data = client.get(reverse("knowledge:api-product-detail", args=[product.slug])).json()
    assert data["title"] == "Guide"
    assert data["files"][0]["label"] == "Report"
    version = data["files"][0]["versions"][0]
    assert version["content_type"] == "application/pdf" and version["size"] == len(PDF_BYTES)
    assert version["download_url"].startswith("http://testserver/knowledge/files/")
    assert data["links"] == [{"label": "Tool", "url": "https://t.example/"}]
    assert data["translations"][0]["language"] == "es"
    assert data["citation"]
    original_data = client.get(reverse("knowledge:api-product-detail", args=[original.slug]))
    assert original_data.json()["body_html"] == "<p><strong>Hola</strong></p>"


@pytest.mark.parametrize("hidden", ["draft", "review"])
def test_api_detail_hides_unpublished_products(client, catalogue, hidden):
    response = client.get(reverse("knowledge:api-product-detail", args=[catalogue[hidden].slug]))
    assert response.status_code == 404
    assert response.json()["error"]


def test_api_detail_of_an_archived_product_says_so(client, catalogue):
    url = reverse("knowledge:api-product-detail", args=[catalogue["archived"].slug])
    assert client.get(url).json()["status"] == "archived"
