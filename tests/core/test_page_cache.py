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


def _entries(alias: str) -> int:
    """How many entries a cache alias holds: its keys in Redis, or a memory cache's entries."""
    from django.core.cache import caches
    from django.core.cache.backends.redis import RedisCache

    cache = caches[alias]
    if isinstance(cache, RedisCache):
        client = cache._cache.get_client(write=True)
        return sum(1 for _ in client.scan_iter(match=f"{cache.key_prefix}:*", count=1000))
    return len(cache._cache)


def _all_entries(settings) -> int:
    return sum(_entries(alias) for alias in settings.CACHES)


def cached_pages(product) -> list[str]:
    """Public pages that anonymous visitors get from the cache, one of each kind."""
    return [
        reverse("home"),
        reverse("knowledge:library"),
        reverse("knowledge:library") + "?q=policing",
        reverse("knowledge:product-detail", args=[product.slug]),
        reverse("knowledge:feed"),
        reverse("knowledge:api-product-list"),
    ]


def test_junk_query_parameters_add_no_copies_and_change_nothing(
    client, product, settings, django_assert_num_queries
):
    pages = cached_pages(product)
    first = {url: client.get(url) for url in pages}
    before = _all_entries(settings)
    for n in range(600):
        url = pages[n % len(pages)]
        junk = f"utm_source=campaign-{n}&fbclid={n * 7919}&x{n}=1"
        joined = f"{url}{'&' if '?' in url else '?'}{junk}"
        with django_assert_num_queries(0):  # the copy made without the junk
            response = client.get(joined)
        assert response.status_code == 200
        if n < len(pages):
            assert CSRF.sub("", response.content.decode()) == CSRF.sub(
                "", first[url].content.decode()
            )
    assert _all_entries(settings) - before <= 3


def test_parameters_in_another_order_are_the_same_copy(client, product, django_assert_num_queries):
    url = reverse("knowledge:library")
    assert client.get(url + "?q=policing&sort=title").status_code == 200
    with django_assert_num_queries(0):
        assert client.get(url + "?sort=title&q=policing").status_code == 200


def test_the_page_cache_holds_at_most_its_bound(client, product, settings):
    pages = settings.CACHES["pages"]
    settings.CACHES = {
        **settings.CACHES,
        "pages": {**pages, "OPTIONS": {**pages.get("OPTIONS", {}), "MAX_ENTRIES": 20}},
    }
    for n in range(60):  # sixty different searches: sixty pages and their facet counts
        response = client.get(reverse("knowledge:library"), {"q": f"policing{n}"})
        assert response.status_code == 200
    # 20 copies at most, and the few generation counters that never expire.
    assert _entries("pages") <= 20 + 4
    assert (
        "Guide to community policing" in client.get(reverse("knowledge:library")).content.decode()
    )
