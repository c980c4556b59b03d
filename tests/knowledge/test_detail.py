"""A product's public page: metadata, files, citation, languages, metadata for machines."""

import json
import re

import pytest
from django.urls import reverse

from knowledge import services
from knowledge.models import FileVersion, KnowledgeProduct
from tests.factories import CountryFactory

from .factories import BROWSER, PDF_BYTES, KnowledgeProductFactory, upload

Status = KnowledgeProduct.Status


def _detail(client, product):
    return client.get(reverse("knowledge:product-detail", args=[product.slug]))


@pytest.mark.parametrize("status", [Status.DRAFT, Status.IN_REVIEW])
def test_unpublished_products_are_not_found(client, db, status):
    product = KnowledgeProductFactory(status=status)
    assert _detail(client, product).status_code == 404


def test_unknown_slug_is_not_found(client, db):
    assert client.get(reverse("knowledge:product-detail", args=["nothing-here"])).status_code == 404


def test_archived_product_stays_reachable_with_a_notice(client, db):
    product = KnowledgeProductFactory(status=Status.ARCHIVED)
    response = _detail(client, product)
    assert response.status_code == 200
    assert "This product was archived" in response.content.decode()


def test_detail_shows_metadata_files_citation_and_evidence(client, alice):
    jamaica = CountryFactory(iso_code="JM")
    product = KnowledgeProductFactory(
        title="Violence interrupters in Kingston",
        authors="Marsha Brown; Devon Clarke",
        organisation="Ministry of National Security",
        is_regional=False,
        countries=[jamaica],
        topics=["youth violence"],
        evidence_level=3,
        evidence_verdict="promising",
    )
    services.product_file_add(
        product=product, by=alice, label="Evaluation report", upload=upload("report.pdf", PDF_BYTES)
    )
    response = _detail(client, product)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Evaluation report" in body
    assert "PDF" in body and f"{len(PDF_BYTES)}" in body  # type and size (bytes)
    assert "Jamaica" in body and "youth violence" in body
    assert "Promising" in body and "evidence level 3 of 5" in body
    assert (
        "Marsha Brown; Devon Clarke (2025). Violence interrupters in Kingston. "
        "Ministry of National Security. http://testserver/knowledge/" in body
    )


def test_detail_has_open_graph_and_schema_org_metadata(client, db):
    product = KnowledgeProductFactory(
        title="Data on prisons </script><script>alert(1)</script>",
        product_type="dataset",
        authors="Ana Ruiz",
    )
    body = _detail(client, product).content.decode()
    assert '<meta property="og:title" content="Data on prisons &lt;/script&gt;' in body
    assert '<meta property="og:url" content="http://testserver/knowledge/' in body
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', body, re.S)
    data = json.loads(match.group(1))
    assert data["@type"] == "Dataset"
    assert data["name"].startswith("Data on prisons </script>")
    assert data["author"] == [{"@type": "Person", "name": "Ana Ruiz"}]
    assert "<script>alert(1)" not in body


def test_markdown_with_a_script_tag_is_rendered_harmless(client, db):
    product = KnowledgeProductFactory(
        body=(
            "## Steps\n\n**Bold** and [a link](https://example.org)\n\n"
            "<script>alert('x')</script>\n\n[click](javascript:alert(1))\n\n"
            '<img src=x onerror="alert(2)">'
        )
    )
    body = _detail(client, product).content.decode()
    assert "<h2>Steps</h2>" in body
    assert "<strong>Bold</strong>" in body
    assert 'href="https://example.org"' in body
    assert "<script>alert('x')" not in body
    assert "javascript:" not in body
    assert "onerror" not in body


def test_related_products_and_alternate_languages(client, db):
    original = KnowledgeProductFactory(title="Guía de mediación", language="es")
    english = KnowledgeProductFactory(
        title="Mediation guide", language="en", translation_of=original
    )
    KnowledgeProductFactory(
        title="Guide de médiation", language="fr", translation_of=original, status=Status.DRAFT
    )
    related = KnowledgeProductFactory(title="Community policing toolkit")
    hidden = KnowledgeProductFactory(title="Unpublished related", status=Status.DRAFT)
    english.related_products.set([related, hidden])

    body = _detail(client, english).content.decode()
    assert "Also available in:" in body
    assert f'href="/knowledge/{original.slug}/" hreflang="es"' in body
    assert "Guide de médiation" not in body and "/knowledge/guide-de" not in body
    assert "Community policing toolkit" in body
    assert "Unpublished related" not in body
    # And back from the original.
    body = _detail(client, original).content.decode()
    assert f'href="/knowledge/{english.slug}/" hreflang="en"' in body


def test_download_counts_and_serves_the_file(client, alice):
    product = KnowledgeProductFactory()
    product_file = services.product_file_add(
        product=product, by=alice, label="Report", upload=upload("report.pdf", PDF_BYTES)
    )
    version = product_file.versions.get()
    url = reverse("knowledge:file-download", args=[version.pk])
    response = client.get(url, headers={"User-Agent": BROWSER})
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert 'attachment; filename="report.pdf"' in response["Content-Disposition"]
    client.get(url, headers={"User-Agent": BROWSER}, REMOTE_ADDR="198.51.100.20")
    version.refresh_from_db()
    assert version.download_count == 2  # two visitors (tests/knowledge/test_downloads.py)


def test_earlier_versions_stay_downloadable_with_who_when_why(client, alice):
    product = KnowledgeProductFactory()
    product_file = services.product_file_add(
        product=product, by=alice, label="Report", upload=upload("report.pdf", PDF_BYTES)
    )
    services.product_file_replace(
        product_file=product_file,
        by=alice,
        upload=upload("report-2.pdf", PDF_BYTES + b"%2\n"),
        reason="Corrected the figures of chapter 2",
    )
    old, new = FileVersion.objects.order_by("uploaded_at", "pk")
    body = _detail(client, product).content.decode()
    assert "Earlier versions" in body
    assert reverse("knowledge:file-download", args=[old.pk]) in body
    assert "Corrected the figures of chapter 2" in body and "Alice Secretariat" in body
    browser = {"User-Agent": BROWSER}
    response = client.get(reverse("knowledge:file-download", args=[old.pk]), headers=browser)
    assert response.status_code == 200
    client.get(reverse("knowledge:file-download", args=[new.pk]), headers=browser)
    response = _detail(client, product)
    assert response.context["product"].files.all()[0].download_total == 2


def test_files_of_unpublished_products_cannot_be_downloaded(client, alice):
    product = KnowledgeProductFactory(status=Status.DRAFT)
    product_file = services.product_file_add(
        product=product, by=alice, label="Report", upload=upload("report.pdf", PDF_BYTES)
    )
    version = product_file.versions.get()
    assert client.get(reverse("knowledge:file-download", args=[version.pk])).status_code == 404
    version.refresh_from_db()
    assert version.download_count == 0
