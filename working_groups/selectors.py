"""Read queries for groups, plans, cycles and reports. Each runs a fixed number of SQL queries,
whatever the number of countries, groups or reports."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Avg, Count, Prefetch, Q

from core.dates import alliance_today
from members.models import Country

from .models import (
    Activity,
    ActivityUpdate,
    Evidence,
    GroupLead,
    GroupOptOut,
    ProgressReport,
    ReportEvent,
    ReportingCycle,
    WorkingGroup,
    WorkPlan,
)

# --- Groups ---------------------------------------------------------------------------------


def group_members(*, groups, on: datetime.date) -> dict[int, list[Country]]:
    """Member countries of each group on a date, in two queries for any number of groups."""
    countries = list(Country.objects.members_on(on).ordered_by_name())
    out: dict[int, set[int]] = defaultdict(set)
    for group_id, country_id in GroupOptOut.objects.on(on).values_list("group_id", "country_id"):
        out[group_id].add(country_id)
    return {g.pk: [c for c in countries if c.pk not in out[g.pk]] for g in groups}


def _current_leads(on):
    return Prefetch(
        "leads",
        queryset=GroupLead.objects.on(on).select_related("country").order_by("start_on"),
        to_attr="current_leads",
    )


def group_list(*, on: datetime.date | None = None) -> list[WorkingGroup]:
    on = on or alliance_today()
    groups = list(WorkingGroup.objects.prefetch_related(_current_leads(on)))
    members = group_members(groups=groups, on=on)
    for group in groups:
        group.member_countries = members[group.pk]
    return groups


def current_plan(*, group: WorkingGroup, on: datetime.date | None = None) -> WorkPlan | None:
    """The approved plan in force on ``on``, or else the latest approved one."""
    on = on or alliance_today()
    approved = WorkPlan.objects.filter(group=group, status=WorkPlan.Status.APPROVED)
    return (
        approved.filter(period_start__lte=on, period_end__gte=on).order_by("-period_start").first()
        or approved.order_by("-period_start").first()
    )


def plan_activities(*, plan: WorkPlan):
    return plan.activities.prefetch_related(
        Prefetch("responsible_countries", queryset=Country.objects.ordered_by_name())
    ).order_by("position", "pk")


def plan_progress(*, plan: WorkPlan) -> list[Activity]:
    """The plan's activities with the average progress and the count of countries reporting,
    from accepted reports (the latest update of each activity's lineage in any plan version) of
    cycles whose public summary the secretariat has published: the group's page is public, and
    shows only what was published."""
    activities = list(plan_activities(plan=plan))
    stats = (
        ActivityUpdate.objects.filter(
            activity__lineage__in=[a.lineage for a in activities],
            report__state=ProgressReport.State.ACCEPTED,
            report__cycle__summary_published_at__isnull=False,
        )
        .exclude(status=ActivityUpdate.Status.NOT_APPLICABLE)
        .values("activity__lineage")
        .annotate(average=Avg("percent"), countries=Count("report__country", distinct=True))
    )
    by_lineage = {row["activity__lineage"]: row for row in stats}
    for activity in activities:
        row = by_lineage.get(activity.lineage, {})
        activity.average_percent = row.get("average")
        activity.reporting_countries = row.get("countries", 0)
    return activities


def group_composition(*, group: WorkingGroup, on: datetime.date | None = None) -> WorkingGroup:
    """The group with its current leads and its member countries on ``on``."""
    on = on or alliance_today()
    group = WorkingGroup.objects.prefetch_related(_current_leads(on)).get(pk=group.pk)
    group.member_countries = group_members(groups=[group], on=on)[group.pk]
    return group


def group_detail(*, group: WorkingGroup, on: datetime.date | None = None) -> WorkingGroup:
    """The public page: composition, the plan in force and its progress."""
    on = on or alliance_today()
    group = group_composition(group=group, on=on)
    group.plan = current_plan(group=group, on=on)
    group.activities = plan_progress(plan=group.plan) if group.plan else []
    return group


def groups_led(*, country_ids, on: datetime.date) -> list[WorkingGroup]:
    """The groups that any of these countries leads on ``on``."""
    leads = GroupLead.objects.on(on).filter(country_id__in=country_ids)
    return list(WorkingGroup.objects.filter(pk__in=leads.values("group_id")))


def lead_history(*, group: WorkingGroup):
    return GroupLead.objects.filter(group=group).select_related("country").order_by("-start_on")


def opt_out_history(*, group: WorkingGroup):
    return (
        GroupOptOut.objects.filter(group=group)
        .select_related("country", "recorded_by")
        .order_by("-start_on")
    )


def plan_list(*, group: WorkingGroup):
    return (
        WorkPlan.objects.filter(group=group)
        .select_related("approved_by", "created_by")
        .annotate(activity_count=Count("activities"))
        .order_by("-period_start", "-number")
    )


# --- Cycles and reports ---------------------------------------------------------------------


def cycle_list(*, groups=None):
    """Cycles, latest first; only those including one of ``groups`` when given."""
    cycles = ReportingCycle.objects.all()
    if groups is not None:
        cycles = cycles.filter(
            pk__in=ReportingCycle.groups.through.objects.filter(workinggroup__in=groups).values(
                "reportingcycle_id"
            )
        )
    return (
        cycles.prefetch_related("groups")
        .annotate(
            report_count=Count("reports", distinct=True),
            accepted_count=Count(
                "reports", filter=Q(reports__state=ProgressReport.State.ACCEPTED), distinct=True
            ),
        )
        .order_by("-due_on", "-pk")
    )


def _reports():
    return ProgressReport.objects.select_related("cycle", "group", "country")


def reports_for_countries(*, country_ids) -> list[ProgressReport]:
    """A focal point's reports: those still to do first (by due date), then the rest."""
    reports = list(
        _reports().filter(country_id__in=country_ids).order_by("-cycle__due_on", "group__number")
    )
    todo = [r for r in reports if r.state in ProgressReport.EDITABLE_STATES and r.cycle.is_open]
    todo.sort(key=lambda r: (r.cycle.due_on, r.group.number, r.country.name))
    done = [r for r in reports if r not in todo]
    return todo + done


@dataclass
class Rate:
    on_time: int = 0
    counted: int = 0

    def add(self, report: ProgressReport, on) -> None:
        if report.first_submitted_on is not None:
            self.counted += 1
            self.on_time += 0 if report.days_late else 1
        elif report.is_overdue(on):
            self.counted += 1

    @property
    def percent(self) -> int | None:
        return round(100 * self.on_time / self.counted) if self.counted else None


@dataclass
class Matrix:
    """Reports laid out as rows x columns, with on-time rates per row and per column."""

    rows: list = field(default_factory=list)
    columns: list = field(default_factory=list)
    cells: dict = field(default_factory=dict)
    row_rates: dict = field(default_factory=dict)
    column_rates: dict = field(default_factory=dict)
    state_counts: dict = field(default_factory=dict)
    flagged: list = field(default_factory=list)

    def table(self):
        """Rows as (row, [report or None per column], rate) for templates."""
        return [
            (
                row,
                [self.cells.get((row.pk, column.pk)) for column in self.columns],
                self.row_rates[row.pk],
            )
            for row in self.rows
        ]

    def column_rate_list(self):
        return [self.column_rates[column.pk] for column in self.columns]


def _matrix(reports, *, rows_of, columns_of, on) -> Matrix:
    matrix = Matrix()
    rows, columns = {}, {}
    matrix.state_counts = dict.fromkeys(ProgressReport.State.values, 0)
    for report in reports:
        row, column = rows_of(report), columns_of(report)
        rows.setdefault(row.pk, row)
        columns.setdefault(column.pk, column)
        matrix.cells[(row.pk, column.pk)] = report
        matrix.row_rates.setdefault(row.pk, Rate()).add(report, on)
        matrix.column_rates.setdefault(column.pk, Rate()).add(report, on)
        matrix.state_counts[report.state] += 1
        if report.is_flagged(on):
            matrix.flagged.append(report)
    matrix.rows = sorted(rows.values(), key=lambda r: str(r))
    matrix.columns = list(columns.values())
    return matrix


def cycle_matrix(*, cycle: ReportingCycle, on: datetime.date | None = None) -> Matrix:
    """The secretariat's view of a cycle: member countries x groups."""
    on = on or alliance_today()
    reports = _reports().filter(cycle=cycle).order_by("group__number")
    return _matrix(reports, rows_of=lambda r: r.country, columns_of=lambda r: r.group, on=on)


def group_matrices(*, groups, on: datetime.date | None = None, cycles: int = 4) -> list:
    """A lead's view of each group: countries x the group's latest cycles."""
    on = on or alliance_today()
    groups = list(groups)
    if not groups:
        return []
    recent = {}
    for cycle in (
        ReportingCycle.objects.filter(groups__in=groups).distinct().prefetch_related("groups")
    ):
        for group in cycle.groups.all():
            recent.setdefault(group.pk, []).append(cycle)
    wanted = {
        group.pk: sorted(recent.get(group.pk, []), key=lambda c: (c.due_on, c.pk))[-cycles:]
        for group in groups
    }
    pairs = Q(pk__in=[])
    for group_id, group_cycles in wanted.items():
        if group_cycles:
            pairs |= Q(group_id=group_id, cycle__in=group_cycles)
    reports = list(_reports().filter(pairs).order_by("cycle__due_on", "cycle__pk"))
    out = []
    for group in groups:
        mine = [r for r in reports if r.group_id == group.pk]
        out.append(
            (
                group,
                _matrix(mine, rows_of=lambda r: r.country, columns_of=lambda r: r.cycle, on=on),
            )
        )
    return out


def previous_report(*, report: ProgressReport) -> ProgressReport | None:
    """The country's latest earlier report on the same group."""
    return (
        ProgressReport.objects.filter(group_id=report.group_id, country_id=report.country_id)
        .exclude(pk=report.pk)
        .filter(cycle__period_end__lte=report.cycle.period_end)
        .filter(cycle__created_at__lt=report.cycle.created_at)
        .order_by("-cycle__period_end", "-cycle__created_at")
        .first()
    )


def report_detail(*, pk: int) -> ProgressReport:
    return (
        _reports()
        .select_related("last_saved_by", "work_plan")
        .prefetch_related(
            Prefetch(
                "updates",
                queryset=ActivityUpdate.objects.select_related("activity")
                .prefetch_related(
                    Prefetch("evidence", queryset=Evidence.objects.order_by("added_at", "pk"))
                )
                .order_by("activity__position", "activity__pk"),
            ),
            Prefetch("events", queryset=ReportEvent.objects.select_related("by").order_by("at")),
        )
        .get(pk=pk)
    )


@dataclass
class ConsolidatedRow:
    activity: Activity
    updates: list  # one ActivityUpdate or None per country
    average: float | None


def consolidated_progress(*, cycle: ReportingCycle, group: WorkingGroup):
    """Per activity of the group's plan in the cycle: each country's status and progress, and the
    average progress, from accepted reports only. Returns (countries, rows)."""
    reports = list(
        _reports()
        .filter(cycle=cycle, group=group, state=ProgressReport.State.ACCEPTED)
        .order_by("country__name_en")
    )
    countries = sorted((r.country for r in reports), key=str)
    # Every report of a cycle and group follows the plan approved when the cycle opened.
    plan_ids = ProgressReport.objects.filter(cycle=cycle, group=group).values("work_plan")
    activities = list(Activity.objects.filter(plan_id__in=plan_ids).order_by("position", "pk"))
    updates = {
        (u.activity_id, u.report.country_id): u
        for u in ActivityUpdate.objects.filter(report__in=reports).select_related("report")
    }
    rows = []
    for activity in activities:
        cells = [updates.get((activity.pk, country.pk)) for country in countries]
        values = [
            u.percent
            for u in cells
            if u is not None
            and u.percent is not None
            and u.status != ActivityUpdate.Status.NOT_APPLICABLE
        ]
        rows.append(
            ConsolidatedRow(
                activity=activity,
                updates=cells,
                average=round(sum(values) / len(values), 1) if values else None,
            )
        )
    return countries, rows


def published_cycles(*, group: WorkingGroup | None = None):
    qs = ReportingCycle.objects.filter(summary_published_at__isnull=False)
    if group is not None:
        qs = qs.filter(groups=group)
    return qs.order_by("-period_end", "-pk")


@dataclass
class GroupSummary:
    group: WorkingGroup
    expected: int
    accepted: list  # accepted ProgressReports, with their country
    rows: list  # ConsolidatedRow


def public_summary(*, cycle: ReportingCycle) -> list[GroupSummary]:
    """What the public sees of a published cycle: per group, the accepted reports' overall
    achievements and the average progress per activity. Drafts and unaccepted reports stay out."""
    groups = list(cycle.groups.order_by("number"))
    expected = dict(
        ProgressReport.objects.filter(cycle=cycle)
        .values_list("group_id")
        .annotate(n=Count("pk"))
        .values_list("group_id", "n")
    )
    out = []
    for group in groups:
        countries, rows = consolidated_progress(cycle=cycle, group=group)
        accepted = list(
            _reports()
            .filter(cycle=cycle, group=group, state=ProgressReport.State.ACCEPTED)
            .order_by("country__name_en")
        )
        accepted.sort(key=lambda r: str(r.country))
        out.append(GroupSummary(group, expected.get(group.pk, 0), accepted, rows))
    return out
