"""Countries and their dated membership of the Alliance."""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from core.periods import DatedPeriod
from core.text import single_line


class CountryQuerySet(models.QuerySet):
    def members_on(self, on):
        """Countries that were members of the Alliance on the date ``on``."""
        return self.filter(Exists(MembershipPeriod.objects.on(on).filter(country=OuterRef("pk"))))

    def with_membership_on(self, on):
        return self.annotate(
            is_member=Exists(MembershipPeriod.objects.on(on).filter(country=OuterRef("pk")))
        )

    def ordered_by_name(self):
        return self.order_by(Country.name_field())


class Country(models.Model):
    """A country that is, was or may become a member of the Alliance."""

    LANGUAGE_FIELDS = {"es": "name_es", "en": "name_en", "pt": "name_pt", "fr": "name_fr"}

    iso_code = models.CharField(
        _("ISO 3166 code"),
        max_length=2,
        unique=True,
        validators=[RegexValidator(r"^[A-Z]{2}$", _("Two capital letters, as in ISO 3166-1."))],
    )
    name_es = models.CharField(_("name in Spanish"), max_length=100, validators=[single_line])
    name_en = models.CharField(_("name in English"), max_length=100, validators=[single_line])
    name_pt = models.CharField(_("name in Portuguese"), max_length=100, validators=[single_line])
    name_fr = models.CharField(_("name in French"), max_length=100, validators=[single_line])
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = CountryQuerySet.as_manager()

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["name_en"]

    def __str__(self):
        return self.name

    @classmethod
    def name_field(cls) -> str:
        return cls.LANGUAGE_FIELDS.get((translation.get_language() or "en")[:2], "name_en")

    @property
    def name(self) -> str:
        return getattr(self, self.name_field()) or self.name_en


class MembershipPeriod(DatedPeriod):
    """A stretch of time during which a country was a member: it joined on ``start_on`` and left
    on ``end_on``, its first day out."""

    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, related_name="membership_periods"
    )
    start_on = models.DateField(_("joined on"))
    end_on = models.DateField(_("left on"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True, validators=[single_line])
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("membership period")
        verbose_name_plural = _("membership periods")
        ordering = ["country", "start_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_on__isnull=True) | Q(end_on__gt=models.F("start_on")),
                name="membership_left_after_joined",
                violation_error_message=_("The date it left must come after the date it joined."),
            ),
            models.UniqueConstraint(
                fields=["country"], condition=Q(end_on__isnull=True), name="one_open_membership"
            ),
        ]

    def __str__(self):
        return f"{self.country} {self.start_on}–{self.end_on or ''}"
