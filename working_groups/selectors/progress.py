"""Consolidated progress per cycle and group (accepted reports) and the public summary."""

from dataclasses import dataclass

from django.db.models import Count

from ..models import (
    Activity,
    ActivityUpdate,
    ProgressReport,
    ReportingCycle,
    WorkingGroup,
)
from .reports import _reports


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
