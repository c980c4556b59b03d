"""A knowledge product's files go through the upload check (``core.uploads``, tested in
``tests/core/``): a refused file gets a message, the form keeps its input and nothing is saved."""

import pytest
from django.urls import reverse

from knowledge.models import FileVersion, KnowledgeProduct
from tests.files import (
    EXE_BYTES,
    HTML_BYTES,
    SVG_BYTES,
    Member,
    docx_bytes,
    upload,
    zeros,
    zip_bytes,
)

from .factories import KnowledgeProductFactory


@pytest.fixture
def draft(ecuador):
    return KnowledgeProductFactory(status=KnowledgeProduct.Status.DRAFT, proposing_country=ecuador)


def _add(client, product, name, content):
    return client.post(
        reverse("knowledge:file-add", args=[product.pk]),
        {"label": "Annex with tables", "file": upload(name, content)},
    )


def test_a_refused_file_gets_a_message_and_the_form_keeps_the_label(bob_client, draft):
    response = _add(bob_client, draft, "annex.pdf", EXE_BYTES)
    assert response.status_code == 400
    body = response.content.decode()
    assert "The content of annex.pdf is not what a .pdf file holds." in body
    assert 'value="Annex with tables"' in body
    assert not draft.files.exists()


@pytest.mark.parametrize(
    "content", [HTML_BYTES, SVG_BYTES, b"year,value\n2024,<script>x</script>\n"]
)
def test_html_or_svg_named_csv_is_refused(bob_client, draft, content):
    response = _add(bob_client, draft, "dataset.csv", content)
    assert response.status_code == 400
    assert "contains web page or image markup" in response.content.decode()
    assert not FileVersion.objects.exists()


def test_a_docx_with_a_gigabyte_part_is_refused(bob_client, draft):
    bomb = zip_bytes(
        Member.deflated("word/document.xml", b"<w:document/>"), zeros("word/media.bin")
    )
    response = _add(bob_client, draft, "annex.docx", bomb)
    assert response.status_code == 400
    assert "would unpack to an unreasonable size" in response.content.decode()
    assert not FileVersion.objects.exists()


def test_an_accepted_file_is_stored_under_its_clean_name(bob_client, draft):
    response = _add(bob_client, draft, "Guía Final (v2).DOCX", docx_bytes())
    assert response.status_code == 302
    assert FileVersion.objects.get().name == "guia-final-v2.docx"
