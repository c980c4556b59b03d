"""Anonymous visitors get public pages from the cache, with conditional GET; a change through the
services shows on the next request; signed-in people always get a fresh page."""

import re

import pytest
from django.urls import reverse

from knowledge import services
from knowledge.models import KnowledgeProduct
from tests.knowledge.factories import KnowledgeProductFactory

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture
def product(db):
    return KnowledgeProductFactory(title="Guide to community policing")


@pytest.mark.parametrize(
    "name, args",
    [
        ("home", []),
        ("knowledge:library", []),
        ("knowledge:feed", []),
        ("knowledge:api-product-list", []),
    ],
)
def test_anonymous_page_comes_from_the_cache_the_second_time(
    client, product, django_assert_num_queries, name, args
):
    first = client.get(reverse(name, args=args))
    assert first.status_code == 200
    with django_assert_num_queries(0):
        second = client.get(reverse(name, args=args))
    assert second.status_code == 200
    assert CSRF.sub("", second.content.decode()) == CSRF.sub("", first.content.decode())


def test_product_page_comes_from_the_cache_the_second_time(
    client, product, django_assert_num_queries
):
    url = reverse("knowledge:product-detail", args=[product.slug])
    assert client.get(url).status_code == 200
    with django_assert_num_queries(0):
        assert client.get(url).status_code == 200


def test_editing_a_product_shows_on_the_next_request(
    client, alice, product, django_capture_on_commit_callbacks
):
    url = reverse("knowledge:product-detail", args=[product.slug])
    assert "Guide to community policing" in client.get(url).content.decode()
    assert (
        "Guide to community policing" in client.get(reverse("knowledge:library")).content.decode()
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.product_update(
            product=product, by=alice, version=product.version, title="Renamed guide"
        )
    assert "Renamed guide" in client.get(url).content.decode()
    assert "Renamed guide" in client.get(reverse("knowledge:library")).content.decode()


def test_publishing_a_product_shows_it_in_the_cached_listing(
    client, alice, product, django_capture_on_commit_callbacks
):
    draft = KnowledgeProductFactory(title="Brand new toolkit", status="in_review")
    assert "Brand new toolkit" not in client.get(reverse("knowledge:library")).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        services.product_publish(product=draft, by=alice)
    assert draft.status == KnowledgeProduct.Status.PUBLISHED
    assert "Brand new toolkit" in client.get(reverse("knowledge:library")).content.decode()
    assert "Brand new toolkit" in client.get(reverse("knowledge:feed")).content.decode()


def test_a_known_page_answers_304_not_modified(client, product):
    url = reverse("knowledge:library")
    first = client.get(url)
    assert first["ETag"].startswith('W/"') and first.has_header("Last-Modified")
    assert client.get(url, headers={"if-none-match": first["ETag"]}).status_code == 304
    modified = client.get(url, headers={"if-modified-since": first["Last-Modified"]})
    assert modified.status_code == 304


def test_each_visitor_gets_their_own_working_csrf_token(product):
    from django.test import Client

    tokens = []
    for _ in range(2):
        visitor = Client(enforce_csrf_checks=True)
        response = visitor.get(reverse("knowledge:library"))
        token = CSRF.search(response.content.decode()).group(1)
        assert "@@" not in token
        tokens.append(token)
        switched = visitor.post(
            reverse("set_language"), {"language": "es", "csrfmiddlewaretoken": token}
        )
        assert switched.status_code == 302
    assert tokens[0] != tokens[1]


def test_the_language_is_part_of_the_key(client, product):
    english = client.get(reverse("home"), headers={"accept-language": "en"})
    spanish = client.get(reverse("home"), headers={"accept-language": "es"})
    assert english["Content-Language"] == "en" and spanish["Content-Language"] == "es"
    assert english.content != spanish.content


def test_signed_in_people_always_get_a_fresh_page(
    bob_client, product, django_assert_max_num_queries
):
    bob_client.get(reverse("knowledge:library"))
    response = bob_client.get(reverse("knowledge:library"))
    assert response.context is not None  # rendered, not read from the cache
    assert not response.has_header("ETag")


def test_a_download_updates_the_counts_on_the_product_page(client, alice, product):
    from tests.knowledge.factories import BROWSER, PDF_BYTES, upload

    services.product_file_add(
        product=product, by=alice, label="Report", upload=upload("r.pdf", PDF_BYTES)
    )
    url = reverse("knowledge:product-detail", args=[product.slug])
    assert client.get(url).context["product"].files.all()[0].download_total == 0
    version = product.files.get().versions.get()
    client.get(
        reverse("knowledge:file-download", args=[version.pk]), headers={"User-Agent": BROWSER}
    )
    assert client.get(url).context["product"].files.all()[0].download_total == 1


def test_an_invalid_query_is_not_cached(client, product):
    assert client.get(reverse("knowledge:library") + "?year=abc").status_code == 400
    assert client.get(reverse("knowledge:library") + "?year=abc").status_code == 400
