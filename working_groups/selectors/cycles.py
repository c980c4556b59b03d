"""Reporting cycles: lists, and the matrices of reports with on-time rates and flags."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Q

from core.dates import alliance_today

from ..models import (
    ProgressReport,
    ReportingCycle,
    WorkingGroup,
)
from .reports import _reports


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


def published_cycles(*, group: WorkingGroup | None = None):
    qs = ReportingCycle.objects.filter(summary_published_at__isnull=False)
    if group is not None:
        qs = qs.filter(groups=group)
    return qs.order_by("-period_end", "-pk")
