"""Work plans (versioned, approved) and their activities."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.text import single_line
from members.models import Country

from .groups import WorkingGroup


class WorkPlan(models.Model):
    """A group's plan for a period. Edited while a draft; approved plans are never edited in
    place: a change is a new version (a draft copy) that, once approved, supersedes the old one."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        APPROVED = "approved", _("Approved")
        SUPERSEDED = "superseded", _("Superseded")

    group = models.ForeignKey(WorkingGroup, on_delete=models.PROTECT, related_name="work_plans")
    title = models.CharField(_("title"), max_length=200, validators=[single_line])
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period until"))
    number = models.PositiveIntegerField(_("version number"), default=1, editable=False)
    previous = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="next_version"
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("work plan")
        verbose_name_plural = _("work plans")
        ordering = ["group", "-period_start", "-number"]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gt=models.F("period_start")),
                name="work_plan_end_after_start",
                violation_error_message=_("The period must end after it starts."),
            ),
            models.UniqueConstraint(
                fields=["group", "period_start"],
                condition=Q(status="approved"),
                name="one_approved_work_plan_per_group_period",
            ),
            models.UniqueConstraint(
                fields=["group", "period_start"],
                condition=Q(status="draft"),
                name="one_draft_work_plan_per_group_period",
            ),
        ]

    def __str__(self):
        return f"{self.title} (v{self.number})"

    @property
    def is_editable(self) -> bool:
        return self.status == self.Status.DRAFT


class Activity(models.Model):
    """An item of a work plan. ``lineage`` is shared by the copies of one activity across the
    versions of a plan, so progress carries over when the plan is revised."""

    plan = models.ForeignKey(WorkPlan, on_delete=models.CASCADE, related_name="activities")
    lineage = models.UUIDField(default=uuid.uuid4, editable=False)
    position = models.PositiveIntegerField(_("position"), default=0)
    title = models.CharField(_("title"), max_length=200, validators=[single_line])
    description = models.TextField(_("description"), blank=True)
    responsible_countries = models.ManyToManyField(
        Country,
        verbose_name=_("responsible countries"),
        blank=True,
        related_name="+",
        help_text=_("Leave empty when every member country of the group takes part."),
    )
    start_on = models.DateField(_("starts on"))
    due_on = models.DateField(_("due on"))
    expected_output = models.TextField(_("expected output"))
    indicator = models.CharField(
        _("indicator"), max_length=200, blank=True, validators=[single_line]
    )
    target = models.CharField(_("target"), max_length=200, blank=True, validators=[single_line])

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["plan", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(due_on__gte=models.F("start_on")),
                name="activity_due_after_start",
                violation_error_message=_("The due date cannot come before the start date."),
            ),
            models.UniqueConstraint(fields=["plan", "lineage"], name="activity_lineage_per_plan"),
        ]

    def __str__(self):
        return self.title
