"""Reporting cycles: a round of progress reports opened by the secretariat."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.text import single_line

from .groups import WorkingGroup


class ReportingCycle(models.Model):
    """A round of progress reports opened by the secretariat for some groups and a period."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    name = models.CharField(_("name"), max_length=200, unique=True, validators=[single_line])
    period_start = models.DateField(_("period covered from"))
    period_end = models.DateField(_("period covered until"))
    opens_on = models.DateField(_("opens on"))
    due_on = models.DateField(_("due on"))
    groups = models.ManyToManyField(
        WorkingGroup, verbose_name=_("working groups"), related_name="cycles"
    )
    late_flag_days = models.PositiveIntegerField(
        _("flag to the steering committee after (days late)"),
        default=30,
        help_text=_("Reports submitted or still missing this many days after the due date."),
    )
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.OPEN
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    closed_at = models.DateTimeField(null=True, blank=True)
    summary_published_at = models.DateTimeField(
        _("public summary published at"),
        null=True,
        blank=True,
        help_text=_("The secretariat may publish a summary of the accepted reports (opt-in)."),
    )
    summary_published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("reporting cycle")
        verbose_name_plural = _("reporting cycles")
        ordering = ["-due_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gt=models.F("period_start")),
                name="cycle_period_end_after_start",
                violation_error_message=_("The period must end after it starts."),
            ),
            models.CheckConstraint(
                condition=Q(due_on__gte=models.F("opens_on")),
                name="cycle_due_after_opening",
                violation_error_message=_("The due date cannot come before the opening date."),
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN
