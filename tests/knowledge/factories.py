"""Factories of the knowledge library's tests."""

import datetime
import io

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from knowledge import services
from knowledge.models import KnowledgeProduct

# The smallest files that are what they claim to be, for upload tests.
PDF_BYTES = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)
PNG_BYTES = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00"
    b"\x00\x00IEND\xaeB`\x82"
)
CSV_BYTES = b"country,year,homicides\nEcuador,2024,6986\nCosta Rica,2024,880\n"
EXE_BYTES = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 200


def docx_bytes() -> bytes:
    """A minimal Word document (an Office Open XML zip)."""
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def upload(name: str, content: bytes, content_type: str = "application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


class KnowledgeProductFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = KnowledgeProduct
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Knowledge product {n}")
    slug = factory.Sequence(lambda n: f"knowledge-product-{n}")
    product_type = KnowledgeProduct.Type.GUIDE
    summary = "A practical guide for ministries."
    body = ""
    language = "en"
    is_regional = True
    published_on = datetime.date(2025, 6, 1)
    status = KnowledgeProduct.Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def pillars(self, create, extracted, **kwargs):
        if create and extracted:
            self.pillars.set(extracted)

    @factory.post_generation
    def countries(self, create, extracted, **kwargs):
        if create and extracted:
            self.countries.set(extracted)

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create and extracted:
            self.topics.set(services.topics_from_names(extracted))

    @factory.post_generation
    def index(self, create, extracted, **kwargs):
        if create:
            services.search_documents_refresh(product_ids=[self.pk])
