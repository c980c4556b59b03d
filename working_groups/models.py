"""The Alliance's three technical working groups: their member and lead countries (dated), their
work plans and activities, and the reporting cycles with each country's progress reports."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from core.periods import PeriodQuerySet
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


class GroupLead(models.Model):
    """A country leading a group from ``start_on`` until ``end_on`` (its first day no longer)."""

    group = models.ForeignKey(WorkingGroup, on_delete=models.PROTECT, related_name="leads")
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="group_leads")
    start_on = models.DateField(_("leads from"))
    end_on = models.DateField(_("until"), null=True, blank=True)

    objects = PeriodQuerySet.as_manager()

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


class GroupOptOut(models.Model):
    """A member country that does not take part in a group from ``start_on`` until ``end_on``.

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

    objects = PeriodQuerySet.as_manager()

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


# --- Reporting ------------------------------------------------------------------------------


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
