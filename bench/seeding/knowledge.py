"""Knowledge products at scale: topics, pillars, countries, a file on one in ten."""

import datetime
import random

from django.utils import timezone

from knowledge.models import FileVersion, KnowledgeProduct, ProductFile, Topic
from knowledge.services import search_documents_refresh
from members.models import Country
from working_groups.models import WorkingGroup

from .common import BATCH, PREFIX, Sizes
from .words import Words

TOPIC_COUNT = 60


def seed(sizes: Sizes, rng: random.Random, words: Words) -> int:
    topics = Topic.objects.bulk_create(
        [
            Topic(name=f"{words.words[i * 3].capitalize()} {i}", slug=f"{PREFIX}topic-{i}")
            for i in range(TOPIC_COUNT)
        ]
    )
    groups = list(WorkingGroup.objects.all())
    countries = list(Country.objects.all())
    types = KnowledgeProduct.Type.values
    languages = ["es", "es", "en", "en", "pt", "fr"]
    verdicts = KnowledgeProduct.Verdict.values
    today = datetime.date.today()
    now = timezone.now()
    days = 365 * sizes.years
    product_ids = []
    for offset in range(0, sizes.products, BATCH):
        rows = []
        for i in range(offset, min(offset + BATCH, sizes.products)):
            published_on = today - datetime.timedelta(days=rng.randint(0, days))
            rated = i % 5 == 0
            status = "published" if i % 50 else rng.choice(["draft", "in_review", "archived"])
            rows.append(
                KnowledgeProduct(
                    title=words.text(rng.randint(4, 9)).capitalize(),
                    slug=f"{PREFIX}{i}",
                    product_type=types[i % len(types)],
                    summary=words.text(rng.randint(20, 40)),
                    body=words.text(rng.randint(60, 140)),
                    is_regional=i % 7 == 0,
                    language=languages[i % len(languages)],
                    published_on=published_on,
                    authors=f"Author {i % 400}; Author {(i * 7) % 400}",
                    organisation="Alliance secretariat" if i % 2 else "",
                    evidence_level=rng.randint(1, 5) if rated else None,
                    evidence_verdict=rng.choice(verdicts) if rated else "",
                    status=status,
                    published_at=datetime.datetime.combine(
                        published_on, datetime.time(12), tzinfo=datetime.UTC
                    )
                    if status in ("published", "archived")
                    else None,
                    created_at=now,
                    updated_at=now,
                )
            )
        created = KnowledgeProduct.objects.bulk_create(rows)
        product_ids += [p.pk for p in created]
        through = KnowledgeProduct.pillars.through
        through.objects.bulk_create(
            [
                through(knowledgeproduct=p, workinggroup=g)
                for p in created
                for g in rng.sample(groups, rng.randint(1, 2))
            ]
        )
        through = KnowledgeProduct.countries.through
        through.objects.bulk_create(
            [
                through(knowledgeproduct=p, country=c)
                for p in created
                if not p.is_regional
                for c in rng.sample(countries, rng.randint(1, 3))
            ]
        )
        through = KnowledgeProduct.topics.through
        through.objects.bulk_create(
            [
                through(knowledgeproduct=p, topic=t)
                for p in created
                for t in rng.sample(topics, rng.randint(1, 4))
            ]
        )
        # One product in ten has a file (metadata only: the benchmark never downloads it).
        with_file = [p for p in created if p.pk % 10 == 0]
        files = ProductFile.objects.bulk_create(
            [ProductFile(product=p, label="Full report") for p in with_file]
        )
        FileVersion.objects.bulk_create(
            [
                FileVersion(
                    product_file=f,
                    file=f"knowledge/{f.product_id}/seed/report.pdf",
                    token="seed",
                    name="report.pdf",
                    size=rng.randint(50_000, 5_000_000),
                    content_type="application/pdf",
                )
                for f in files
            ]
        )
    for offset in range(0, len(product_ids), 10_000):
        search_documents_refresh(product_ids=product_ids[offset : offset + 10_000])
    return len(product_ids)
