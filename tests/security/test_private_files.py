"""Private files (report evidence, meeting documents and minutes, files of unpublished knowledge
products) are served only through the views that check who asks, in every mode: the local demo
(DEBUG) serves nothing from /media/. Published products' files still download publicly."""

import importlib

import pytest
from django.core.files.base import ContentFile
from django.urls import clear_url_caches, reverse

import alliance.urls
from governance.models import MeetingDocument
from knowledge import services as knowledge_services
from knowledge.models import KnowledgeProduct
from tests.conftest import client_for
from tests.knowledge.factories import PDF_BYTES, KnowledgeProductFactory, upload
from working_groups.models import Evidence


@pytest.fixture
def demo_urls(settings):
    """The URLs as the local demo builds them (``make run``, DEBUG on)."""
    settings.DEBUG = True
    importlib.reload(alliance.urls)
    clear_url_caches()
    yield
    settings.DEBUG = False
    importlib.reload(alliance.urls)
    clear_url_caches()


@pytest.fixture
def report(cycle, ecuador, group1):
    return cycle.reports.get(country=ecuador, group=group1)


@pytest.fixture
def evidence(report, bob):
    return Evidence.objects.create(
        update=report.updates.first(),
        file=ContentFile(PDF_BYTES, name="confidential-evidence.pdf"),
        added_by=bob,
    )


@pytest.fixture
def minutes(make_meeting, alice):
    return MeetingDocument.objects.create(
        meeting=make_meeting(),
        kind=MeetingDocument.Kind.MINUTES,
        title="Minutes",
        file=ContentFile(b"Members only.", name="minutes.txt"),
        uploaded_by=alice,
    )


def _product_version(alice, status):
    product = KnowledgeProductFactory(status=status)
    product_file = knowledge_services.product_file_add(
        product=product, by=alice, label="Guide", upload=upload("guide.pdf", PDF_BYTES)
    )
    return product, product_file.versions.get()


def test_the_demo_serves_no_private_file_from_media(client, demo_urls, evidence, minutes, alice):
    _, draft_version = _product_version(alice, KnowledgeProduct.Status.DRAFT)

    for stored in (evidence.file, minutes.file, draft_version.file):
        assert stored.storage.exists(stored.name)
        assert client.get("/media/" + stored.name).status_code == 404, stored.name


def test_pages_link_private_files_through_their_checked_views(
    client, demo_urls, evidence, minutes, alice, bob
):
    client_for(client, bob)
    page = client.get(reverse("working_groups:report-detail", args=[evidence.update.report_id]))
    assert reverse("working_groups:evidence-download", args=[evidence.pk]) in page.content.decode()
    assert "/media/" not in page.content.decode()
    download = client.get(reverse("working_groups:evidence-download", args=[evidence.pk]))
    assert download.status_code == 200
    client.logout()
    anonymous = client.get(reverse("working_groups:evidence-download", args=[evidence.pk]))
    assert anonymous.status_code == 302 and anonymous.url.startswith(reverse("account_login"))

    client_for(client, alice)
    page = client.get(reverse("governance:meeting-detail", args=[minutes.meeting_id]))
    link = reverse("governance:meeting-document-download", args=[minutes.pk])
    assert link in page.content.decode() and "/media/" not in page.content.decode()
    assert client.get(link).status_code == 200


def test_published_files_still_download_publicly_and_drafts_do_not(client, demo_urls, alice):
    published, version = _product_version(alice, KnowledgeProduct.Status.PUBLISHED)
    _, draft_version = _product_version(alice, KnowledgeProduct.Status.DRAFT)

    page = client.get(reverse("knowledge:product-detail", args=[published.slug]))
    link = reverse("knowledge:file-download", args=[version.pk])
    assert link in page.content.decode() and "/media/" not in page.content.decode()
    download = client.get(link)
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF_BYTES
    draft = client.get(reverse("knowledge:file-download", args=[draft_version.pk]))
    assert draft.status_code == 404
