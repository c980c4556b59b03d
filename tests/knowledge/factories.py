"""Factories of the knowledge library's tests."""

import datetime

import factory
from django.utils import timezone

from knowledge import services
from knowledge.models import KnowledgeProduct
from tests.files import (  # noqa: F401 (the knowledge tests take their files from here)
    CSV_BYTES,
    EXE_BYTES,
    PDF_BYTES,
    PNG_BYTES,
    docx_bytes,
    upload,
)

# What a person's browser sends; downloads without a User-Agent, or from bots, are not counted.
BROWSER = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36"
)


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
