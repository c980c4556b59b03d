"""The public finds a knowledge product: search, filter by pillar and country, open, download."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from knowledge import services
from knowledge.models import FileVersion
from members.models import Country
from tests.knowledge.factories import PDF_BYTES, KnowledgeProductFactory, upload
from working_groups.models import WorkingGroup


@pytest.fixture
def library(alice):
    ecuador, jamaica = Country.objects.filter(iso_code__in=["EC", "JM"]).order_by("iso_code")
    prevention, justice = WorkingGroup.objects.filter(number__in=[1, 2]).order_by("number")
    wanted = KnowledgeProductFactory(
        title="Community policing guide for Ecuador",
        summary="How police and neighbourhoods prevent violence together.",
        is_regional=False,
        countries=[ecuador],
        pillars=[prevention],
        topics=["community policing"],
    )
    services.product_file_add(
        product=wanted, by=alice, label="The guide", upload=upload("guide.pdf", PDF_BYTES)
    )
    KnowledgeProductFactory(
        title="Community policing in Kingston",
        summary="Neighbourhood policing in Jamaica.",
        is_regional=False,
        countries=[jamaica],
        pillars=[prevention],
    )
    KnowledgeProductFactory(
        title="Community courts in Ecuador",
        summary="Justice closer to communities.",
        is_regional=False,
        countries=[ecuador],
        pillars=[justice],
    )
    KnowledgeProductFactory(title="Prison data standard", summary="A regional dataset.")
    return wanted


def test_the_public_searches_filters_opens_and_downloads(person, library):
    public = person("public")
    # A shared link with a filter that is not valid says which one, and offers a new search.
    page = public.goto("/knowledge/?year=abc&pillar=1", "library with a bad filter")
    expect(page.get_by_role("alert")).to_contain_text("Year")
    page.get_by_role("link", name="Start a new search").click()
    public.check("library")
    expect(page.get_by_role("heading", name="4 products")).to_be_visible()

    page.get_by_role("searchbox", name="Search the library").fill("community")
    page.get_by_role("button", name="Search", exact=True).click()
    public.check("library search")
    expect(page.get_by_role("heading", name="3 products")).to_be_visible()

    facets = page.locator(".facets")
    facets.get_by_role("checkbox", name="Protecting vulnerable populations").check()
    facets.get_by_role("checkbox", name="Ecuador").check()
    page.get_by_role("button", name="Apply filters").click()
    public.check("library filtered")
    assert "q=community" in public.path and "pillar=1" in public.path
    assert "country=EC" in public.path
    expect(page.get_by_role("heading", name="1 product")).to_be_visible()

    page.get_by_role("link", name="Community policing guide for Ecuador").click()
    public.check("product")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Community policing guide for Ecuador"
    )

    with page.expect_download() as download_info:
        page.get_by_role("link", name="The guide").click()
    download = download_info.value
    assert download.suggested_filename == "guide.pdf"
    assert Path(download.path()).read_bytes() == PDF_BYTES
    assert FileVersion.objects.get(product_file__product=library).download_count == 1
