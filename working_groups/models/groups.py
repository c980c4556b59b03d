"""Groups, their dated lead countries and the member countries that step out of them."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from core.periods import DatedPeriod
from core.text import single_line
from members.models import Country


class WorkingGroup(models.Model):
    """One group per pillar; created by migration."""

    number = models.PositiveSmallIntegerField(_("pillar number"), unique=True)
    slug = models.SlugField(unique=True)
    name_es = models.CharField(_("name in Spanish"), max_length=200, validators=[single_line])
    name_en = models.CharField(_("name in English"), max_length=200, validators=[single_line])
    mandate_es = models.TextField(_("mandate in Spanish"), blank=True)
    mandate_en = models.TextField(_("mandate in English"), blank=True)
    name_pt = models.CharField(
        _("name in Portuguese"), max_length=200, blank=True, validators=[single_line]
    )
    name_fr = models.CharField(
        _("name in French"), max_length=200, blank=True, validators=[single_line]
    )
    mandate_pt = models.TextField(_("mandate in Portuguese"), blank=True)
    mandate_fr = models.TextField(_("mandate in French"), blank=True)

    class Meta:
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")
        ordering = ["number"]

    def __str__(self):
        return self.name

    def _in_language(self, field: str) -> str:
        language = (translation.get_language() or "es")[:2]
        return getattr(self, f"{field}_{language}", "") or getattr(self, f"{field}_en")

    @property
    def name(self) -> str:
        return self._in_language("name")

    @property
    def mandate(self) -> str:
        return self._in_language("mandate")

    def member_country_ids(self, on) -> list[int]:
        """Every member country of the Alliance on that date takes part in the group, unless it
        stepped out of it (a ``GroupOptOut`` covering that date)."""
        opted_out = GroupOptOut.objects.on(on).filter(group=self).values("country_id")
        return list(
            Country.objects.members_on(on).exclude(pk__in=opted_out).values_list("pk", flat=True)
        )

    def lead_country_ids(self, on) -> list[int]:
        return list(self.leads.on(on).values_list("country_id", flat=True))


class GroupLead(DatedPeriod):
    """A country leading a group on the days ``[start_on, end_on)`` (``core.periods``: ``end_on``
    is its first day no longer; pages show ``last_day``)."""

    group = models.ForeignKey(WorkingGroup, on_delete=models.PROTECT, related_name="leads")
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="group_leads")
    start_on = models.DateField(_("leads from"))
    end_on = models.DateField(_("until"), null=True, blank=True)

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


class GroupOptOut(DatedPeriod):
    """A member country that does not take part in a group on the days ``[start_on, end_on)``
    (``end_on``: the first day it takes part again; pages show ``last_day``).

    Every member country belongs to every group by default; the dated opt-outs are the edits, so
    the composition of a group on any date can be told and a country joining the Alliance joins
    all groups without anyone having to remember it."""

    group = models.ForeignKey(WorkingGroup, on_delete=models.PROTECT, related_name="opt_outs")
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="group_opt_outs")
    start_on = models.DateField(_("not taking part from"))
    end_on = models.DateField(_("taking part again from"), null=True, blank=True)
    note = models.CharField(
        _("reason or reference"), max_length=300, blank=True, validators=[single_line]
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("group opt-out")
        verbose_name_plural = _("group opt-outs")
        ordering = ["group", "-start_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_on__isnull=True) | Q(end_on__gt=models.F("start_on")),
                name="group_opt_out_end_after_start",
            ),
            models.UniqueConstraint(
                fields=["group", "country"],
                condition=Q(end_on__isnull=True),
                name="one_open_opt_out_per_group_country",
            ),
        ]

    def __str__(self):
        return f"{self.country} – {self.group} ({self.start_on}–{self.end_on or ''})"
