"""The knowledge library: products, their files (with every earlier version) and links."""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorExact
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.text import single_line
from members.models import Country
from working_groups.models import WorkingGroup


class SearchDocumentField(models.Field):
    """A ``tsvector`` on PostgreSQL (filled by ``knowledge.services``); unused text elsewhere."""

    description = "Full-text search document"

    def db_type(self, connection):
        return "tsvector" if connection.vendor == "postgresql" else "text"


SearchDocumentField.register_lookup(SearchVectorExact)


class Topic(models.Model):
    name = models.CharField(_("name"), max_length=80, unique=True, validators=[single_line])
    slug = models.SlugField(_("slug"), max_length=90, unique=True)

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]

    def __str__(self):
        return self.name


class KnowledgeProductQuerySet(models.QuerySet):
    def listed(self):
        """What the public library, the feed, the sitemap and the API list: published only."""
        return self.filter(status=KnowledgeProduct.Status.PUBLISHED)

    def reachable(self):
        """What the public may open by URL: published, and archived (with a notice)."""
        return self.filter(
            status__in=[KnowledgeProduct.Status.PUBLISHED, KnowledgeProduct.Status.ARCHIVED]
        )


class KnowledgeProduct(models.Model):
    class Type(models.TextChoices):
        GUIDE = "guide", _("Guide")
        TOOL = "tool", _("Tool")
        METHODOLOGY = "methodology", _("Methodology")
        PUBLICATION = "publication", _("Publication")
        POLICY_BRIEF = "policy_brief", _("Policy brief")
        DATASET = "dataset", _("Dataset")
        TRAINING = "training", _("Training material")
        PILOT = "pilot", _("Pilot intervention")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        IN_REVIEW = "in_review", _("In review")
        PUBLISHED = "published", _("Published")
        ARCHIVED = "archived", _("Archived")

    class Language(models.TextChoices):
        SPANISH = "es", _("Spanish")
        ENGLISH = "en", _("English")
        PORTUGUESE = "pt", _("Portuguese")
        FRENCH = "fr", _("French")

    class Verdict(models.TextChoices):
        EFFECTIVE = "effective", _("Effective")
        PROMISING = "promising", _("Promising")
        NO_EFFECT = "no_effect", _("No effect")
        INCONCLUSIVE = "inconclusive", _("Inconclusive")

    class EvidenceLevel(models.IntegerChoices):
        LEVEL_1 = 1, _("Level 1: correlation at one point in time")
        LEVEL_2 = 2, _("Level 2: before and after, without a comparison group")
        LEVEL_3 = 3, _("Level 3: before and after, with a comparison group")
        LEVEL_4 = 4, _("Level 4: comparison with controls for other factors")
        LEVEL_5 = 5, _("Level 5: randomised controlled trial")

    title = models.CharField(_("title"), max_length=250, validators=[single_line])
    slug = models.SlugField(_("address name"), max_length=120, unique=True)
    product_type = models.CharField(_("type"), max_length=20, choices=Type.choices)
    summary = models.TextField(_("summary"), max_length=1500)
    body = models.TextField(
        _("description"), blank=True, help_text=_("Markdown: headings, lists, links, emphasis.")
    )
    pillars = models.ManyToManyField(
        WorkingGroup, verbose_name=_("pillars"), related_name="knowledge_products", blank=True
    )
    countries = models.ManyToManyField(
        Country,
        verbose_name=_("countries covered"),
        related_name="knowledge_products",
        blank=True,
    )
    is_regional = models.BooleanField(
        _("regional"), default=False, help_text=_("Covers the region rather than named countries.")
    )
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    published_on = models.DateField(
        _("publication date"),
        null=True,
        blank=True,
        help_text=_("The date of the edition; set to the day of publication if left empty."),
    )
    authors = models.CharField(_("authors"), max_length=300, blank=True, validators=[single_line])
    organisation = models.CharField(
        _("organisation"), max_length=200, blank=True, validators=[single_line]
    )
    topics = models.ManyToManyField(
        Topic, verbose_name=_("topics"), related_name="products", blank=True
    )
    related_products = models.ManyToManyField(
        "self", verbose_name=_("related products"), blank=True, symmetrical=True
    )
    working_group = models.ForeignKey(
        WorkingGroup,
        verbose_name=_("related working group"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    translation_of = models.ForeignKey(
        "self",
        verbose_name=_("translation of"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="translations",
        help_text=_("The original product this one translates."),
    )
    evidence_level = models.PositiveSmallIntegerField(
        _("strength of evidence"),
        choices=EvidenceLevel.choices,
        null=True,
        blank=True,
        help_text=_(
            "Maryland Scientific Methods Scale, for products on an evaluated intervention."
        ),
    )
    evidence_verdict = models.CharField(
        _("evidence verdict"), max_length=20, choices=Verdict.choices, blank=True
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    proposing_country = models.ForeignKey(
        Country,
        verbose_name=_("proposed by country"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(default=timezone.now, editable=False)
    submitted_at = models.DateTimeField(null=True, blank=True, editable=False)
    published_at = models.DateTimeField(null=True, blank=True, editable=False)
    archived_at = models.DateTimeField(null=True, blank=True, editable=False)
    review_comment = models.TextField(_("review comment"), blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    search_document = SearchDocumentField(null=True, editable=False)

    objects = KnowledgeProductQuerySet.as_manager()

    class Meta:
        verbose_name = _("knowledge product")
        verbose_name_plural = _("knowledge products")
        ordering = ["-published_on", "-pk"]
        indexes = [
            models.Index(fields=["status", "-published_on"], name="knowledge_status_date"),
            models.Index(fields=["status", "-published_at"], name="knowledge_status_published"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(evidence_level__isnull=True) & Q(evidence_verdict="")
                | Q(evidence_level__gte=1, evidence_level__lte=5) & ~Q(evidence_verdict=""),
                name="knowledge_evidence_complete",
                violation_error_message=_(
                    "An evidence rating needs both the strength of evidence and the verdict."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(translation_of=models.F("pk")),
                name="knowledge_not_own_translation",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def is_public(self) -> bool:
        return self.status in (self.Status.PUBLISHED, self.Status.ARCHIVED)

    @property
    def has_evidence_rating(self) -> bool:
        return self.evidence_level is not None

    def citation(self, url: str) -> str:
        """Suggested citation: Authors (Year). Title. Organisation. URL"""
        who = (
            self.authors or self.organisation or _("Alliance for Security, Justice and Development")
        )
        year = self.published_on.year if self.published_on else ""
        parts = [f"{who} ({year})." if year else f"{who}.", f"{self.title}."]
        if self.organisation and self.organisation != who:
            parts.append(f"{self.organisation}.")
        parts.append(url)
        return " ".join(parts)


class ProductFile(models.Model):
    """A file slot of a product (for example "Full report"). Its versions are never deleted."""

    product = models.ForeignKey(KnowledgeProduct, on_delete=models.CASCADE, related_name="files")
    label = models.CharField(_("label"), max_length=150, validators=[single_line])
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("file")
        verbose_name_plural = _("files")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.label

    @property
    def current(self):
        versions = self.versions.all()
        return versions[0] if versions else None

    @property
    def download_total(self) -> int:
        """Downloads of every version of the file (from the prefetched versions)."""
        return sum(version.download_count for version in self.versions.all())

    def history(self) -> list[tuple["FileVersion", "FileVersion"]]:
        """Earlier versions, newest first, each with the version that replaced it (who, when,
        why). Uses the prefetched versions (newest first)."""
        versions = list(self.versions.all())
        return [(older, versions[index]) for index, older in enumerate(versions[1:])]


def file_version_path(instance, filename: str) -> str:
    return f"knowledge/{instance.product_file.product_id}/{instance.token}/{filename}"


class FileVersion(models.Model):
    """One upload of a file. The newest is current; earlier ones stay downloadable."""

    product_file = models.ForeignKey(ProductFile, on_delete=models.CASCADE, related_name="versions")
    file = models.FileField(_("file"), upload_to=file_version_path, max_length=300)
    token = models.CharField(max_length=32, editable=False, validators=[single_line])
    name = models.CharField(_("file name"), max_length=200, validators=[single_line])
    size = models.PositiveBigIntegerField(_("size"))
    content_type = models.CharField(_("type"), max_length=120, validators=[single_line])
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)
    reason = models.CharField(
        _("reason for the change"),
        max_length=300,
        blank=True,
        help_text=_("Why it was replaced."),
        validators=[single_line],
    )
    download_count = models.PositiveIntegerField(_("downloads"), default=0)

    class Meta:
        verbose_name = _("file version")
        verbose_name_plural = _("file versions")
        ordering = ["-uploaded_at", "-pk"]

    def __str__(self):
        return self.name

    @property
    def kind_label(self) -> str:
        """A short, human name for the file's type: PDF, DOCX, CSV..."""
        return self.name.rsplit(".", 1)[-1].upper() if "." in self.name else self.content_type


class ProductLink(models.Model):
    """An external link of a product (an online tool, a dataset portal, a video...)."""

    product = models.ForeignKey(KnowledgeProduct, on_delete=models.CASCADE, related_name="links")
    label = models.CharField(_("label"), max_length=150, validators=[single_line])
    url = models.URLField(_("address"), max_length=500)

    class Meta:
        verbose_name = _("link")
        verbose_name_plural = _("links")
        ordering = ["pk"]

    def __str__(self):
        return self.label
