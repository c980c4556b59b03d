"""Read queries for the knowledge library, each with a fixed number of SQL queries."""

import hashlib
from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q
from django.db.models.functions import ExtractYear
from django.http import Http404
from django.utils import translation

from members.models import Country
from members.permissions import country_ids_for, is_secretariat
from working_groups.models import WorkingGroup

from . import permissions
from .caching import library_cached
from .filters import ProductFilter
from .models import FileVersion, KnowledgeProduct, ProductFile, Topic

TOPIC_FACET_SIZE = 25
# Facet counts are the listing's heaviest queries: cached for this long, and thrown away at once
# when the library changes (see knowledge/caching.py).
FACET_CACHE_SECONDS = 300


def library_products():
    """Published products with what a result card shows (type, pillars, countries, evidence)."""
    return KnowledgeProduct.objects.listed().prefetch_related(
        Prefetch("pillars", queryset=WorkingGroup.objects.order_by("number")),
        Prefetch("countries", queryset=Country.objects.order_by("name_en")),
    )


def feed_products():
    return library_products().prefetch_related(
        Prefetch("topics", queryset=Topic.objects.order_by("name"))
    )


def api_products():
    return feed_products()


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    chosen: bool


@dataclass
class Facet:
    name: str
    label: str
    values: list[FacetValue]


def _facet(filterset: ProductFilter, name: str, rows) -> Facet:
    chosen = filterset.chosen(name)
    values = [
        FacetValue(value=str(value), label=str(label), count=count, chosen=str(value) in chosen)
        for value, label, count in rows
    ]
    return Facet(name=name, label=str(filterset.filters[name].label), values=values)


def _facets_cache_name(filterset: ProductFilter) -> str:
    query = sorted(
        (name, value)
        for name, values in filterset.data.lists()
        if name not in ("page", "sort")
        for value in values
    )
    digest = hashlib.sha256(repr(query).encode()).hexdigest()[:32]
    language = translation.get_language() or ""
    return f"facets:{language}:{digest}"


def facet_counts(filterset: ProductFilter) -> tuple[list["Facet"], int]:
    """The facets with their counts, and the number of regional products; cached (see
    ``FACET_CACHE_SECONDS``)."""
    return library_cached(
        _facets_cache_name(filterset),
        lambda: (_facet_counts(filterset), _regional_count(filterset)),
        seconds=FACET_CACHE_SECONDS,
    )


def _facet_counts(filterset: ProductFilter) -> list[Facet]:
    """For each facet, how many results each value has when combined with every *other* chosen
    filter (one query per facet, whatever the number of products)."""
    facets = []
    product = KnowledgeProduct

    def grouped(facet, field, labels):
        base = filterset.queryset_without(facet)
        rows = base.exclude(**{f"{field}__isnull": True}).values(field).annotate(n=Count("pk"))
        counts = {row[field]: row["n"] for row in rows}
        return [(value, label, counts[value]) for value, label in labels if value in counts]

    facets.append(_facet(filterset, "type", grouped("type", "product_type", product.Type.choices)))

    pillars = (
        WorkingGroup.objects.filter(knowledge_products__in=filterset.queryset_without("pillar"))
        .annotate(n=Count("knowledge_products"))
        .order_by("number")
    )
    facets.append(_facet(filterset, "pillar", [(g.number, g.name, g.n) for g in pillars]))

    countries = (
        Country.objects.filter(knowledge_products__in=filterset.queryset_without("country"))
        .annotate(n=Count("knowledge_products"))
        .ordered_by_name()
    )
    facets.append(_facet(filterset, "country", [(c.iso_code, c.name, c.n) for c in countries]))

    facets.append(
        _facet(filterset, "language", grouped("language", "language", product.Language.choices))
    )

    years = (
        filterset.queryset_without("year")
        .exclude(published_on__isnull=True)
        .annotate(year=ExtractYear("published_on"))
        .values("year")
        .annotate(n=Count("pk"))
        .order_by("-year")
    )
    facets.append(_facet(filterset, "year", [(r["year"], r["year"], r["n"]) for r in years]))

    topics = (
        Topic.objects.filter(products__in=filterset.queryset_without("topic"))
        .annotate(n=Count("products"))
        .order_by("-n", "name")[:TOPIC_FACET_SIZE]
    )
    chosen_topics = filterset.chosen("topic")
    topic_rows = [(t.slug, t.name, t.n) for t in topics]
    facets.append(_facet(filterset, "topic", topic_rows))
    # A chosen topic outside the most frequent ones still shows, so it can be unchosen.
    shown = {row[0] for row in topic_rows}
    for topic in filterset.form.cleaned_data.get("topic") or []:
        if topic.slug not in shown and topic.slug in chosen_topics:
            facets[-1].values.append(FacetValue(topic.slug, topic.name, 0, True))

    facets.append(
        _facet(
            filterset,
            "evidence",
            grouped("evidence", "evidence_verdict", product.Verdict.choices),
        )
    )
    levels = grouped("level", "evidence_level", product.EvidenceLevel.choices)
    facets.append(_facet(filterset, "level", levels))
    return facets


def _regional_count(filterset: ProductFilter) -> int:
    return filterset.queryset_without("regional").filter(is_regional=True).count()


# --- One product ----------------------------------------------------------------------------


def _with_everything(queryset):
    return queryset.select_related("working_group", "translation_of").prefetch_related(
        Prefetch("pillars", queryset=WorkingGroup.objects.order_by("number")),
        Prefetch("countries", queryset=Country.objects.order_by("name_en")),
        Prefetch("topics", queryset=Topic.objects.order_by("name")),
        Prefetch(
            "files",
            queryset=ProductFile.objects.prefetch_related(
                Prefetch(
                    "versions",
                    queryset=FileVersion.objects.select_related("uploaded_by").order_by(
                        "-uploaded_at", "-pk"
                    ),
                )
            ),
        ),
        "links",
        Prefetch(
            "related_products",
            queryset=KnowledgeProduct.objects.listed().order_by("-published_on", "title"),
            to_attr="related_public",
        ),
    )


def public_product(*, slug: str) -> KnowledgeProduct:
    """A published or archived product with its files, links and related products; 404 else."""
    product = _with_everything(KnowledgeProduct.objects.reachable()).filter(slug=slug).first()
    if product is None:
        raise Http404
    return product


def alternate_languages(*, product: KnowledgeProduct) -> list[KnowledgeProduct]:
    """The published versions of the same product in other languages."""
    original_id = product.translation_of_id or product.pk
    return list(
        KnowledgeProduct.objects.listed()
        .filter(Q(pk=original_id) | Q(translation_of_id=original_id))
        .exclude(pk=product.pk)
        .order_by("language")
        .only("slug", "title", "language")
    )


def downloadable_version(*, version_id: int) -> FileVersion:
    """A file version of a published or archived product; 404 otherwise."""
    version = (
        FileVersion.objects.filter(
            pk=version_id,
            product_file__product__status__in=[
                KnowledgeProduct.Status.PUBLISHED,
                KnowledgeProduct.Status.ARCHIVED,
            ],
        )
        .select_related("product_file__product")
        .only("file", "name", "content_type", "product_file__product__slug")
        .first()
    )
    if version is None:
        raise Http404
    return version


# --- Workspace (proposers and the secretariat) ----------------------------------------------


def workspace_products(*, user):
    """The products a user may see in the workspace: all for the secretariat, their countries'
    proposals for a focal point."""
    queryset = KnowledgeProduct.objects.select_related("proposing_country", "created_by")
    if not is_secretariat(user):
        queryset = queryset.filter(proposing_country_id__in=country_ids_for(user))
    return queryset.order_by("-updated_at", "-pk")


def linkable_products(*, user):
    """The products a user may name as the original of a translation or as related: what they
    may see, published ones and their own workspace's. Anything else answers exactly as an
    unknown address name would, so nobody learns that a draft exists."""
    listed = KnowledgeProduct.objects.listed()
    if is_secretariat(user):
        return KnowledgeProduct.objects.all()
    return KnowledgeProduct.objects.filter(
        Q(pk__in=listed.values("pk")) | Q(pk__in=workspace_products(user=user).values("pk"))
    )


def workspace_product(*, user, pk: int) -> KnowledgeProduct:
    """One product in the user's workspace, with everything; 404 outside their scope."""
    product = _with_everything(workspace_products(user=user)).filter(pk=pk).first()
    if product is None:
        raise Http404
    return product


def editable_product(*, user, pk: int) -> KnowledgeProduct:
    """A product the user may edit now; 404 for anything else (a focal point edits only their
    countries' drafts)."""
    product = workspace_products(user=user).filter(pk=pk).first()
    if product is None or not permissions.may_edit(user, product):
        raise Http404
    return product


def editable_file(*, user, pk: int) -> ProductFile:
    product_file = ProductFile.objects.select_related("product").filter(pk=pk).first()
    if product_file is None:
        raise Http404
    editable_product(user=user, pk=product_file.product_id)
    return product_file


def status_counts(*, user) -> list[tuple[str, str, int]]:
    """(status, label, number of products) for every status, in workflow order."""
    rows = workspace_products(user=user).order_by().values("status").annotate(n=Count("pk"))
    counts = {row["status"]: row["n"] for row in rows}
    return [
        (value, label, counts.get(value, 0)) for value, label in KnowledgeProduct.Status.choices
    ]
