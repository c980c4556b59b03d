"""Writes to the knowledge library. Each function is one business action, atomic, keyword-only.

The workflow: draft -> in review -> published -> archived. A product in review may be returned
to draft with a comment. Each step is a conditional update on the status it starts from, so a
double click or two reviewers at once cannot move a product twice.
"""

import uuid
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.db.models import F, OuterRef, Subquery, TextField, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from core.audit import audit
from core.concurrency import save_versioned
from core.dates import alliance_today
from core.uploads import KNOWLEDGE_FILE, check_upload
from members.models import Country
from members.permissions import acting_country_ids, is_secretariat

from . import permissions
from .caching import library_changed
from .models import FileVersion, KnowledgeProduct, ProductFile, ProductLink, Topic
from .search import SEARCH_CONFIG, unaccent
from .selectors import linkable_products

Status = KnowledgeProduct.Status

# Scalar fields that an edit may change (many-to-many fields are set separately).
EDITABLE_FIELDS = [
    "title",
    "product_type",
    "summary",
    "body",
    "is_regional",
    "language",
    "published_on",
    "authors",
    "organisation",
    "working_group",
    "translation_of",
    "evidence_level",
    "evidence_verdict",
]


# --- Helpers --------------------------------------------------------------------------------


# Slugs that the library's own addresses use (/knowledge/workspace/, /knowledge/feed/...).
RESERVED_SLUGS = {"workspace", "feed", "files", "api"}


def _unique_slug(title: str) -> str:
    # Dashes between words ("2020–2024") separate them in the address too.
    base = slugify(title.replace("–", " ").replace("—", " "))[:100].strip("-") or "product"
    slug, n = base, 2
    while slug in RESERVED_SLUGS or KnowledgeProduct.objects.filter(slug=slug).exists():
        slug = f"{base}-{n}"
        n += 1
    return slug


def topics_from_names(names: Iterable[str]) -> list[Topic]:
    """The topics with these names, created when new (matched by their slug)."""
    topics = []
    for raw in names:
        name = " ".join(raw.split())[:80]
        slug = slugify(name)[:90]
        if not slug:
            continue
        topic, _created = Topic.objects.get_or_create(slug=slug, defaults={"name": name})
        if topic not in topics:
            topics.append(topic)
    return topics


def _check_coverage(*, countries, is_regional: bool) -> None:
    if not is_regional and not list(countries):
        raise ValidationError(
            {"countries": _("Choose the countries covered, or mark the product as regional.")}
        )


def _check_translation(product: KnowledgeProduct) -> None:
    original = product.translation_of
    if original is None:
        return
    if original.pk == product.pk:
        raise ValidationError({"translation_of": _("A product cannot translate itself.")})
    if original.translation_of_id is not None:
        raise ValidationError(
            {
                "translation_of": _(
                    "That product is itself a translation; link to its original instead."
                )
            }
        )
    if original.language == product.language:
        raise ValidationError(
            {"translation_of": _("A translation must be in another language than its original.")}
        )
    if product.pk and product.translations.exists():
        raise ValidationError(
            {"translation_of": _("This product has translations of its own, so it is an original.")}
        )


def _check_links(*, by, translation_of, related_products) -> None:
    """Only products the person may see can be linked; any other answers as an unknown one."""
    named = [p for p in [translation_of, *related_products] if p is not None]
    if not named:
        return
    allowed = set(
        linkable_products(user=by).filter(pk__in=[p.pk for p in named]).values_list("pk", flat=True)
    )
    if translation_of is not None and translation_of.pk not in allowed:
        raise ValidationError(
            {
                "translation_of": _("No product has the address name %(s)s.")
                % {"s": translation_of.slug}
            }
        )
    hidden = sorted(p.slug for p in related_products if p.pk not in allowed)
    if hidden:
        raise ValidationError(
            {
                "related_products": _("No product has the address name %(s)s.")
                % {"s": ", ".join(hidden)}
            }
        )


def _set_relations(product, *, pillars, countries, topics, related_products) -> None:
    product.pillars.set(pillars)
    product.countries.set(countries)
    product.topics.set(topics)
    product.related_products.set([p for p in related_products if p.pk != product.pk])


def search_documents_refresh(*, product_ids: Iterable[int]) -> None:
    """Rebuild the full-text search document of these products (PostgreSQL only): title weighs
    most, then topics and summary, then the body; accents are removed on both sides. Cached
    facet counts are thrown away once the transaction commits."""
    transaction.on_commit(library_changed)
    if connection.vendor != "postgresql":
        return
    from django.contrib.postgres.search import SearchVector
    from django.db.models import StringAgg

    topic_names = (
        Topic.objects.filter(products=OuterRef("pk"))
        .order_by()
        .values("products")
        .annotate(names=StringAgg("name", delimiter=Value(" ")))
        .values("names")
    )

    def vector(expression, weight):
        text = Coalesce(expression, Value(""), output_field=TextField())
        return SearchVector(unaccent(text), weight=weight, config=SEARCH_CONFIG)

    KnowledgeProduct.objects.filter(pk__in=list(product_ids)).update(
        search_document=vector(F("title"), "A")
        + vector(Subquery(topic_names), "B")
        + vector(F("summary"), "B")
        + vector(F("body"), "C")
    )


# --- Products -------------------------------------------------------------------------------


@transaction.atomic
def product_create(
    *,
    by,
    title: str,
    product_type: str,
    summary: str,
    language: str,
    body: str = "",
    proposing_country: Country | None = None,
    pillars=(),
    countries=(),
    is_regional: bool = False,
    published_on=None,
    authors: str = "",
    organisation: str = "",
    topics: Iterable[str] = (),
    related_products=(),
    working_group=None,
    translation_of=None,
    evidence_level=None,
    evidence_verdict: str = "",
) -> KnowledgeProduct:
    """A focal point or the secretariat proposes a product: it starts as a draft."""
    if not permissions.may_propose(by):
        raise PermissionDenied
    if not is_secretariat(by):
        own = acting_country_ids(by)
        if proposing_country is None and len(own) == 1:
            proposing_country = Country.objects.get(pk=next(iter(own)))
        if proposing_country is None or proposing_country.pk not in own:
            raise ValidationError(
                {"proposing_country": _("Choose a country you are focal point for.")}
            )
    _check_coverage(countries=countries, is_regional=is_regional)
    now = timezone.now()
    product = KnowledgeProduct(
        title=title,
        slug=_unique_slug(title),
        product_type=product_type,
        summary=summary,
        body=body,
        language=language,
        is_regional=is_regional,
        published_on=published_on,
        authors=authors,
        organisation=organisation,
        working_group=working_group,
        translation_of=translation_of,
        evidence_level=evidence_level,
        evidence_verdict=evidence_verdict or "",
        proposing_country=proposing_country,
        created_by=by,
        created_at=now,
        updated_at=now,
    )
    _check_links(by=by, translation_of=translation_of, related_products=related_products)
    _check_translation(product)
    product.full_clean()
    product.save()
    _set_relations(
        product,
        pillars=pillars,
        countries=countries,
        topics=topics_from_names(topics),
        related_products=related_products,
    )
    search_documents_refresh(product_ids=[product.pk])
    return product


@transaction.atomic
def product_update(
    *,
    product: KnowledgeProduct,
    by,
    version: int,
    pillars=None,
    countries=None,
    topics: Iterable[str] | None = None,
    related_products=None,
    **fields,
) -> KnowledgeProduct:
    """Edit a product. A stale ``version`` (someone saved in between) raises StaleEditError."""
    if not permissions.may_edit(by, product):
        raise PermissionDenied
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"Not editable: {', '.join(sorted(unknown))}")
    already = set(product.related_products.values_list("pk", flat=True))
    new_original = fields.get("translation_of")
    _check_links(
        by=by,
        translation_of=new_original if new_original != product.translation_of else None,
        related_products=[p for p in related_products or () if p.pk not in already],
    )
    for name, value in fields.items():
        setattr(product, name, value)
    if product.evidence_verdict is None:
        product.evidence_verdict = ""
    product.updated_at = timezone.now()
    _check_coverage(
        countries=product.countries.all() if countries is None else countries,
        is_regional=product.is_regional,
    )
    _check_translation(product)
    save_versioned(product, fields=[*fields, "updated_at"], version=version)
    _set_relations(
        product,
        pillars=product.pillars.all() if pillars is None else pillars,
        countries=product.countries.all() if countries is None else countries,
        topics=product.topics.all() if topics is None else topics_from_names(topics),
        related_products=(
            product.related_products.all() if related_products is None else related_products
        ),
    )
    search_documents_refresh(product_ids=[product.pk])
    return product


def _move(product: KnowledgeProduct, *, by, source: Iterable[str], target: str, **values) -> None:
    """Move ``product`` to ``target`` if it is still in one of ``source``; refuse otherwise.
    Every move is written to the audit log."""
    previous = product.status
    updated = KnowledgeProduct.objects.filter(pk=product.pk, status__in=list(source)).update(
        status=target, version=F("version") + 1, updated_at=timezone.now(), **values
    )
    transaction.on_commit(library_changed)
    if updated != 1:
        product.refresh_from_db(fields=["status"])
        raise ValidationError(
            _("This product is %(status)s now; the action was not carried out.")
            % {"status": product.get_status_display().lower()},
            code="status",
        )
    product.refresh_from_db()
    audit(
        actor=by,
        action=f"product.{target}",
        instance=product,
        before={"status": previous},
        after={"status": target},
    )


@transaction.atomic
def product_submit(*, product: KnowledgeProduct, by) -> KnowledgeProduct:
    """The proposer sends a draft to the secretariat for review."""
    if not permissions.may_edit(by, product):
        raise PermissionDenied
    _move(
        product, by=by, source=[Status.DRAFT], target=Status.IN_REVIEW, submitted_at=timezone.now()
    )
    return product


@transaction.atomic
def product_return(*, product: KnowledgeProduct, by, comment: str) -> KnowledgeProduct:
    """The secretariat sends a product in review back to its proposers, saying why."""
    if not permissions.may_review(by):
        raise PermissionDenied
    if not comment.strip():
        raise ValidationError({"comment": _("Say what should change before it can be published.")})
    _move(
        product,
        by=by,
        source=[Status.IN_REVIEW],
        target=Status.DRAFT,
        review_comment=comment.strip(),
    )
    return product


@transaction.atomic
def product_publish(*, product: KnowledgeProduct, by) -> KnowledgeProduct:
    """The secretariat publishes a draft or a product in review; it is public from now on."""
    if not permissions.may_review(by):
        raise PermissionDenied
    current = KnowledgeProduct.objects.select_for_update().get(pk=product.pk)
    if not current.summary.strip():
        raise ValidationError(_("A product needs a summary before it is published."))
    values = {"published_at": timezone.now(), "review_comment": ""}
    if current.published_on is None:
        values["published_on"] = alliance_today()
    _move(
        product, by=by, source=[Status.DRAFT, Status.IN_REVIEW], target=Status.PUBLISHED, **values
    )
    return product


@transaction.atomic
def product_archive(*, product: KnowledgeProduct, by) -> KnowledgeProduct:
    """The secretariat archives a published product: it leaves the listings, its page stays."""
    if not permissions.may_review(by):
        raise PermissionDenied
    _move(
        product,
        by=by,
        source=[Status.PUBLISHED],
        target=Status.ARCHIVED,
        archived_at=timezone.now(),
    )
    return product


@transaction.atomic
def product_unarchive(*, product: KnowledgeProduct, by) -> KnowledgeProduct:
    if not permissions.may_review(by):
        raise PermissionDenied
    _move(product, by=by, source=[Status.ARCHIVED], target=Status.PUBLISHED, archived_at=None)
    return product


# --- Files and links ------------------------------------------------------------------------


def _store_version(*, product_file: ProductFile, upload, by, reason: str = "") -> FileVersion:
    try:
        checked = check_upload(upload, policy=KNOWLEDGE_FILE)
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from error
    version = FileVersion(
        product_file=product_file,
        token=uuid.uuid4().hex[:12],
        name=checked.name,
        size=checked.size,
        content_type=checked.content_type,
        uploaded_by=by,
        uploaded_at=timezone.now(),
        reason=reason,
    )
    version.file.save(checked.name, upload, save=False)
    try:
        version.full_clean()
        version.save()
    except Exception:
        version.file.delete(save=False)
        raise
    return version


def _touch(product: KnowledgeProduct) -> None:
    """A change of files or links is an edit: it moves the version on (optimistic locking)."""
    KnowledgeProduct.objects.filter(pk=product.pk).update(
        version=F("version") + 1, updated_at=timezone.now()
    )
    transaction.on_commit(library_changed)


@transaction.atomic
def product_file_add(*, product: KnowledgeProduct, by, label: str, upload) -> ProductFile:
    if not permissions.may_edit(by, product):
        raise PermissionDenied
    position = product.files.count()
    product_file = ProductFile(product=product, label=label, position=position)
    product_file.full_clean()
    product_file.save()
    _store_version(product_file=product_file, upload=upload, by=by)
    _touch(product)
    return product_file


@transaction.atomic
def product_file_replace(*, product_file: ProductFile, by, upload, reason: str) -> FileVersion:
    """Upload a new version of a file. Earlier versions stay downloadable (who, when, why)."""
    if not permissions.may_edit(by, product_file.product):
        raise PermissionDenied
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the file is replaced; readers will see it.")})
    version = _store_version(product_file=product_file, upload=upload, by=by, reason=reason.strip())
    _touch(product_file.product)
    return version


@transaction.atomic
def product_link_add(*, product: KnowledgeProduct, by, label: str, url: str) -> ProductLink:
    if not permissions.may_edit(by, product):
        raise PermissionDenied
    link = ProductLink(product=product, label=label, url=url)
    link.full_clean()
    link.save()
    _touch(product)
    return link


@transaction.atomic
def product_link_remove(*, link: ProductLink, by) -> None:
    if not permissions.may_edit(by, link.product):
        raise PermissionDenied
    link.delete()
    _touch(link.product)
