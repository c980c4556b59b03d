"""The Alliance's three technical working groups and their dated lead countries."""

from django.db import models
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from members.models import Country, DatedQuerySet


class WorkingGroup(models.Model):
    """One group per pillar; created by migration."""

    number = models.PositiveSmallIntegerField(_("pillar number"), unique=True)
    slug = models.SlugField(unique=True)
    name_es = models.CharField(_("name in Spanish"), max_length=200)
    name_en = models.CharField(_("name in English"), max_length=200)
    mandate_es = models.TextField(_("mandate in Spanish"), blank=True)
    mandate_en = models.TextField(_("mandate in English"), blank=True)

    class Meta:
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")
        ordering = ["number"]

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        return self.name_es if (translation.get_language() or "")[:2] == "es" else self.name_en

    @property
    def mandate(self) -> str:
        return (
            self.mandate_es if (translation.get_language() or "")[:2] == "es" else self.mandate_en
        )

    def member_country_ids(self, on) -> list[int]:
        """Every member country of the Alliance on that date takes part in every group."""
        return list(Country.objects.members_on(on).values_list("pk", flat=True))

    def lead_country_ids(self, on) -> list[int]:
        return list(self.leads.active_on(on).values_list("country_id", flat=True))


class GroupLead(models.Model):
    """A country leading a group from ``start_on`` until ``end_on`` (its first day no longer)."""

    group = models.ForeignKey(WorkingGroup, on_delete=models.PROTECT, related_name="leads")
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="group_leads")
    start_on = models.DateField(_("leads from"))
    end_on = models.DateField(_("until"), null=True, blank=True)

    objects = DatedQuerySet.as_manager()

    class Meta:
        verbose_name = _("group lead")
        verbose_name_plural = _("group leads")
        ordering = ["group", "-start_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_on__isnull=True) | Q(end_on__gt=models.F("start_on")),
                name="group_lead_end_after_start",
            ),
            models.UniqueConstraint(
                fields=["group", "country"],
                condition=Q(end_on__isnull=True),
                name="one_open_lead_per_group_country",
            ),
        ]

    def __str__(self):
        return f"{self.country} – {self.group}"
