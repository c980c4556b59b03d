"""Each country's progress report for a cycle and group: its activity updates, evidence and
the trail of its state changes (review)."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from members.models import Country

from .cycles import ReportingCycle
from .groups import WorkingGroup
from .plans import Activity, WorkPlan


class ProgressReport(models.Model):
    """What one member country reports on one group for one cycle."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        RETURNED = "returned", _("Returned for changes")
        ACCEPTED = "accepted", _("Accepted")

    EDITABLE_STATES = (State.DRAFT, State.RETURNED)

    cycle = models.ForeignKey(ReportingCycle, on_delete=models.PROTECT, related_name="reports")
    group = models.ForeignKey(WorkingGroup, on_delete=models.PROTECT, related_name="reports")
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="reports")
    work_plan = models.ForeignKey(
        WorkPlan, null=True, blank=True, on_delete=models.PROTECT, related_name="reports"
    )
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default="draft")
    achievements = models.TextField(_("overall achievements"), blank=True)
    challenges = models.TextField(_("challenges"), blank=True)
    support_needed = models.TextField(_("support needed"), blank=True)
    first_submitted_on = models.DateField(_("first submitted on"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    days_late = models.PositiveIntegerField(_("days late"), null=True, blank=True)
    last_saved_at = models.DateTimeField(_("last saved at"), null=True, blank=True)
    last_saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        ordering = ["cycle", "group", "country__name_en"]
        constraints = [
            models.UniqueConstraint(
                fields=["cycle", "group", "country"], name="one_report_per_cycle_group_country"
            ),
        ]

    def __str__(self):
        return f"{self.cycle} – {self.group} – {self.country}"

    @property
    def is_editable(self) -> bool:
        return self.state in self.EDITABLE_STATES and self.cycle.is_open

    @property
    def is_late(self) -> bool:
        """Submitted after the due date (the first submission counts)."""
        return bool(self.days_late)

    def is_overdue(self, on) -> bool:
        return self.first_submitted_on is None and on > self.cycle.due_on

    def days_overdue(self, on) -> int:
        if self.first_submitted_on is not None:
            return self.days_late or 0
        return max((on - self.cycle.due_on).days, 0)

    def latest_return(self):
        """The event that last returned the report, with the reviewer's comments (from the
        prefetched trail)."""
        returns = [e for e in self.events.all() if e.action == ReportEvent.Action.RETURNED]
        return returns[-1] if returns else None

    def is_flagged(self, on) -> bool:
        """More days late than the cycle tolerates: shown to the steering committee."""
        return self.days_overdue(on) > self.cycle.late_flag_days


class ActivityUpdate(models.Model):
    """The country's progress on one activity of the plan, inside a report."""

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Not started")
        ON_TRACK = "on_track", _("On track")
        DELAYED = "delayed", _("Delayed")
        COMPLETED = "completed", _("Completed")
        NOT_APPLICABLE = "not_applicable", _("Not applicable")

    CLOSED_STATUSES = (Status.COMPLETED, Status.NOT_APPLICABLE)

    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="updates")
    activity = models.ForeignKey(Activity, on_delete=models.PROTECT, related_name="updates")
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, blank=True)
    percent = models.PositiveSmallIntegerField(_("progress (%)"), null=True, blank=True)
    narrative = models.TextField(_("narrative"), blank=True)

    class Meta:
        verbose_name = _("activity update")
        verbose_name_plural = _("activity updates")
        ordering = ["report", "activity__position", "activity__pk"]
        constraints = [
            models.UniqueConstraint(fields=["report", "activity"], name="one_update_per_activity"),
            models.CheckConstraint(
                condition=Q(percent__isnull=True) | Q(percent__lte=100),
                name="update_percent_at_most_100",
            ),
        ]

    def __str__(self):
        return f"{self.report} – {self.activity}"

    def field_name(self, name: str) -> str:
        """The name of this update's ``name`` input on the report form (and in errors)."""
        return f"update-{self.pk}-{name}"


def evidence_upload_to(instance, filename):
    return f"evidence/{instance.update.report_id}/{uuid.uuid4().hex}/{filename}"


class Evidence(models.Model):
    """A file or a link that supports an activity update."""

    update = models.ForeignKey(ActivityUpdate, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(_("file"), upload_to=evidence_upload_to, blank=True, max_length=300)
    link = models.URLField(_("link"), blank=True, max_length=500)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    added_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ["added_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(file="") & ~Q(link="")) | (~Q(file="") & Q(link="")),
                name="evidence_file_or_link",
            ),
        ]

    def __str__(self):
        return self.link or self.filename

    @property
    def filename(self) -> str:
        return self.file.name.rsplit("/", 1)[-1] if self.file else ""


class ReportEvent(models.Model):
    """The audit trail of a report: every change of state, who made it, when and why."""

    class Action(models.TextChoices):
        CARRIED_FORWARD = "carried_forward", _("Carried forward from the previous report")
        SUBMITTED = "submitted", _("Submitted")
        SUBMITTED_LATE = "submitted_late", _("Submitted late")
        RETURNED = "returned", _("Returned for changes")
        ACCEPTED = "accepted", _("Accepted")

    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(_("action"), max_length=16, choices=Action.choices)
    from_state = models.CharField(max_length=10, choices=ProgressReport.State.choices)
    to_state = models.CharField(max_length=10, choices=ProgressReport.State.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        verbose_name = _("report event")
        verbose_name_plural = _("report events")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.report} {self.action} {self.at:%Y-%m-%d}"
