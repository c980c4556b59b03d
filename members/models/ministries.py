"""Ministries, their ministers and the focal points they appoint, each in dated rows."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.periods import DatedPeriod
from core.text import single_line

from .countries import Country


class Ministry(models.Model):
    class Kind(models.TextChoices):
        SECURITY = "security", _("Security")
        JUSTICE = "justice", _("Justice")
        BOTH = "both", _("Security and justice")

    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="ministries")
    kind = models.CharField(_("portfolio"), max_length=10, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=200, validators=[single_line])
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("ministry")
        verbose_name_plural = _("ministries")
        ordering = ["country__name_en", "name"]
        constraints = [
            models.UniqueConstraint(fields=["country", "name"], name="ministry_name_per_country")
        ]

    def __str__(self):
        return self.name


class Minister(DatedPeriod):
    """A minister in office from ``start_on``; ``end_on`` is the day they left office (the day
    their successor took it)."""

    ministry = models.ForeignKey(Ministry, on_delete=models.PROTECT, related_name="ministers")
    full_name = models.CharField(_("full name"), max_length=200, validators=[single_line])
    start_on = models.DateField(_("in office from"))
    end_on = models.DateField(_("left office on"), null=True, blank=True)

    class Meta:
        verbose_name = _("minister")
        verbose_name_plural = _("ministers")
        ordering = ["ministry", "-start_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_on__isnull=True) | Q(end_on__gt=models.F("start_on")),
                name="minister_end_after_start",
                violation_error_message=_("A minister leaves office after taking it."),
            ),
            models.UniqueConstraint(
                fields=["ministry"], condition=Q(end_on__isnull=True), name="one_sitting_minister"
            ),
        ]

    def __str__(self):
        return self.full_name


class FocalPointAppointment(DatedPeriod):
    """A person appointed by a minister to act for their ministry. No access from ``end_on``."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="appointments"
    )
    ministry = models.ForeignKey(Ministry, on_delete=models.PROTECT, related_name="appointments")
    appointed_by = models.ForeignKey(
        Minister,
        verbose_name=_("appointed by"),
        on_delete=models.PROTECT,
        related_name="appointments",
        null=True,
        blank=True,
    )
    start_on = models.DateField(_("from"))
    end_on = models.DateField(_("ended on"), null=True, blank=True)
    end_reason = models.CharField(
        _("reason it ended"), max_length=300, blank=True, validators=[single_line]
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("focal point appointment")
        verbose_name_plural = _("focal point appointments")
        ordering = ["-start_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_on__isnull=True) | Q(end_on__gte=models.F("start_on")),
                name="appointment_end_not_before_start",
                violation_error_message=_("An appointment cannot end before it starts."),
            ),
            models.UniqueConstraint(
                fields=["user", "ministry"],
                condition=Q(end_on__isnull=True),
                name="one_open_appointment_per_ministry",
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.ministry}"
