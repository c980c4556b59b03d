"""The knowledge library's part of the demo, read from the files next to this one: published
products of every type (with their data files), versions in other languages and related
products, and proposals still in the workflow. Safe to run again: a product whose title is
already in the library is skipped."""

from django.core.files.uploadedfile import SimpleUploadedFile

from core.demo_registry import read, read_bytes
from knowledge import services
from knowledge.models import KnowledgeProduct
from members.models import Country, User
from working_groups.models import WorkingGroup


def load(*, password: str) -> list[tuple[str, str]]:
    """Runs after the members' demo: its secretariat publishes, its focal point proposes."""
    secretariat = User.objects.get(email="secretariat@alliance.test")
    _products(secretariat)
    _links(secretariat)
    _proposals()
    return []


def _body(texts: dict, language: str, organisation: str) -> str:
    return texts["template"].format(organisation=organisation, **texts[language])


def _products(secretariat) -> None:
    groups = {group.number: group for group in WorkingGroup.objects.all()}
    countries = {country.iso_code: country for country in Country.objects.all()}
    existing = set(KnowledgeProduct.objects.values_list("title", flat=True))
    body = read(__file__, "body.yaml")
    for item in read(__file__, "products.yaml"):
        if item["title"] in existing:
            continue
        regional = item.get("regional", False)
        covered = [] if regional else item["countries"]
        product = services.product_create(
            by=secretariat,
            title=item["title"],
            product_type=item["product_type"],
            summary=item["summary"],
            body=_body(body, item["language"], item["organisation"]),
            language=item["language"],
            pillars=[groups[number] for number in item["pillars"]],
            countries=[countries[code] for code in covered if code in countries],
            is_regional=regional,
            published_on=item["published_on"],
            authors=item.get("authors", ""),
            organisation=item["organisation"],
            topics=item["topics"],
            working_group=groups[item["pillars"][0]],
            evidence_level=item.get("evidence_level"),
            evidence_verdict=item.get("evidence_verdict", ""),
        )
        for file in item.get("files", []):
            services.product_file_add(
                product=product,
                by=secretariat,
                label=file["label"],
                upload=SimpleUploadedFile(file["name"], read_bytes(__file__, file["path"])),
            )
        services.product_publish(product=product, by=secretariat)


def _links(secretariat) -> None:
    links = read(__file__, "links.yaml")
    by_title = {p.title: p for p in KnowledgeProduct.objects.all()}
    for link in links["translations"]:
        translation, original = by_title.get(link["translation"]), by_title.get(link["original"])
        if translation and original and translation.translation_of_id != original.pk:
            services.product_update(
                product=translation,
                by=secretariat,
                version=translation.version,
                translation_of=original,
            )
    for link in links["related"]:
        first, second = by_title.get(link["product"]), by_title.get(link["related"])
        if first and second and not first.related_products.filter(pk=second.pk).exists():
            first.related_products.add(second)


def _proposals() -> None:
    """Proposals of a focal point, still in the workflow (draft, or in review)."""
    for item in read(__file__, "proposals.yaml"):
        if KnowledgeProduct.objects.filter(title=item["title"]).exists():
            continue
        proposer = User.objects.get(email=item["proposer"])
        product = services.product_create(
            by=proposer,
            title=item["title"],
            product_type=item["product_type"],
            summary=item["summary"],
            language=item["language"],
            pillars=list(WorkingGroup.objects.filter(number__in=item["pillars"])),
            is_regional=False,
            countries=list(Country.objects.filter(iso_code__in=item["countries"])),
        )
        if item["status"] == KnowledgeProduct.Status.IN_REVIEW:
            services.product_submit(product=product, by=proposer)
