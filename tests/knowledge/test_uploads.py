"""Upload checks: the type is read from the content, the size is limited, names are cleaned."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from knowledge.models import KnowledgeProduct
from knowledge.uploads import check_upload, clean_file_name

from .factories import (
    CSV_BYTES,
    EXE_BYTES,
    PDF_BYTES,
    PNG_BYTES,
    KnowledgeProductFactory,
    docx_bytes,
    upload,
)


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("report.pdf", PDF_BYTES, "application/pdf"),
        ("chart.png", PNG_BYTES, "image/png"),
        ("data.csv", CSV_BYTES, "text/csv"),
        (
            "guide.docx",
            docx_bytes(),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
    ],
)
def test_allowed_files_pass(name, content, content_type):
    checked = check_upload(upload(name, content))
    assert checked.content_type == content_type
    assert checked.size == len(content)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("report.pdf", EXE_BYTES),  # a program named as a PDF
        ("chart.png", PDF_BYTES),  # a PDF named as an image
        ("data.csv", PNG_BYTES),  # binary named as CSV
        ("guide.docx", PDF_BYTES),
        ("setup.exe", EXE_BYTES),  # not an allowed type at all
        ("page.html", b"<html><script>alert(1)</script></html>"),
        ("noextension", PDF_BYTES),
    ],
)
def test_files_whose_content_is_not_allowed_are_refused(name, content):
    with pytest.raises(ValidationError):
        check_upload(upload(name, content))


def test_size_limit_comes_from_settings(settings):
    settings.KNOWLEDGE_MAX_UPLOAD_SIZE = 100
    with pytest.raises(ValidationError) as error:
        check_upload(upload("report.pdf", PDF_BYTES))
    assert "at most 100" in str(error.value)


def test_empty_file_is_refused():
    with pytest.raises(ValidationError):
        check_upload(upload("report.pdf", b""))


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Guía Final (v2).PDF", "guia-final-v2.pdf"),
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("C:\\Users\\ana\\Informe Año 2025.docx", "informe-ano-2025.docx"),
        ("   .pdf", "file.pdf"),
        ("données<script>.csv", "donneesscript.csv"),
    ],
)
def test_file_names_are_cleaned(raw, clean):
    assert clean_file_name(raw) == clean


def test_a_refused_file_gets_a_message_and_the_form_keeps_the_label(bob_client, ecuador):
    product = KnowledgeProductFactory(
        status=KnowledgeProduct.Status.DRAFT, proposing_country=ecuador
    )
    response = bob_client.post(
        reverse("knowledge:file-add", args=[product.pk]),
        {"label": "Annex with tables", "file": upload("annex.pdf", EXE_BYTES)},
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "is not a PDF file" in body
    assert 'value="Annex with tables"' in body
    assert not product.files.exists()
