"""Partner institutions: organisations that support the Alliance (not members)."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.text import single_line

from .countries import Country


class PartnerInstitution(models.Model):
    """An organisation that supports the Alliance. Partners are not members and file no reports."""

    class Kind(models.TextChoices):
        MULTILATERAL = "multilateral", _("Multilateral organisation")
        DEVELOPMENT_AGENCY = "development_agency", _("Development agency or bank")
        CIVIL_SOCIETY = "civil_society", _("Civil society")
        ACADEMIA = "academia", _("Academia and research")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=200, unique=True, validators=[single_line])
    acronym = models.CharField(_("acronym"), max_length=30, blank=True, validators=[single_line])
    kind = models.CharField(_("kind"), max_length=24, choices=Kind.choices)
    country = models.ForeignKey(
        Country,
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="partner_institutions",
        help_text=_("Leave empty for a regional or international institution."),
    )
    website = models.URLField(_("website"), blank=True)
    joined_on = models.DateField(_("joined on"))
    left_on = models.DateField(_("left on"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("partner institution")
        verbose_name_plural = _("partner institutions")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(left_on__isnull=True) | Q(left_on__gt=models.F("joined_on")),
                name="partner_left_after_joined",
                violation_error_message=_("The date it left must come after the date it joined."),
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name
