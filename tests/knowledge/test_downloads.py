"""The public download counter counts people, not requests (issue 11, item 9): once per
visitor, file and day, no range continuations, no bots; without a cookie or a stored address."""

import datetime

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from knowledge import services
from knowledge.models import FileVersion

from .factories import BROWSER, PDF_BYTES, KnowledgeProductFactory, upload

FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"


@pytest.fixture
def version(alice):
    product = KnowledgeProductFactory()
    product_file = services.product_file_add(
        product=product, by=alice, label="Report", upload=upload("report.pdf", PDF_BYTES)
    )
    return product_file.versions.get()


def _download(client, version, *, agent=BROWSER, address="203.0.113.7", **headers):
    return client.get(
        reverse("knowledge:file-download", args=[version.pk]),
        headers={"User-Agent": agent, **headers},
        REMOTE_ADDR=address,
    )


def _count(version) -> int:
    return FileVersion.objects.get(pk=version.pk).download_count


def test_fifty_requests_for_the_first_byte_count_one_download(client, version):
    for _ in range(50):
        response = _download(client, version, Range="bytes=0-0")
        assert response.status_code == 200
    assert _count(version) == 1


def test_the_same_visitor_downloading_again_the_same_day_counts_once(client, version):
    _download(client, version)
    _download(client, version)
    assert _count(version) == 1


def test_other_visitors_and_other_files_each_count(client, version, alice):
    _download(client, version)
    _download(client, version, address="198.51.100.20")  # another address
    _download(client, version, agent=FIREFOX)  # another browser at the same address
    assert _count(version) == 3
    other = services.product_file_replace(
        product_file=version.product_file,
        by=alice,
        upload=upload("report-2.pdf", PDF_BYTES + b"%2\n"),
        reason="Corrected",
    )
    _download(client, other)
    assert _count(other) == 1


def test_the_same_visitor_counts_again_the_next_day(client, version, monkeypatch):
    _download(client, version)
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    monkeypatch.setattr("knowledge.downloads.timezone.now", lambda: tomorrow)
    _download(client, version)
    assert _count(version) == 2


@pytest.mark.parametrize("byte_range", ["bytes=1000-", "bytes=500-999", "bytes=-500"])
def test_a_range_continuation_is_served_but_not_counted(client, version, byte_range):
    response = _download(client, version, Range=byte_range)
    assert response.status_code == 200
    assert _count(version) == 0


@pytest.mark.parametrize(
    "agent",
    [
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2)",
        "curl/8.11.0",
        "python-requests/2.32.3",
        "Wget/1.25.0",
        "",
    ],
)
def test_known_bots_and_requests_without_a_user_agent_are_not_counted(client, version, agent):
    response = _download(client, version, agent=agent)
    assert response.status_code == 200
    assert _count(version) == 0


def test_a_download_sets_no_cookie_and_keeps_no_address(client, version, rf):
    from knowledge.downloads import counted_visitor

    response = _download(client, version)
    assert not response.cookies
    request = rf.get("/", headers={"User-Agent": BROWSER}, REMOTE_ADDR="203.0.113.7")
    visitor = counted_visitor(request)
    assert visitor and "203.0.113.7" not in visitor and BROWSER not in visitor
    assert cache.get(f"knowledge:downloaded:{version.pk}:{visitor}") is not None
    assert "203.0.113.7" not in str(FileVersion.objects.filter(pk=version.pk).values().get())


def test_the_product_page_shows_the_counted_downloads(client, version):
    for agent in (BROWSER, FIREFOX, "curl/8.11.0"):
        _download(client, version, agent=agent)
    page = client.get(reverse("knowledge:product-detail", args=[version.product_file.product.slug]))
    assert page.context["product"].files.all()[0].download_total == 2
