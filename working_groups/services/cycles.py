"""Reporting cycles: opening one (with its reports), closing it, publishing its summary."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import (
    Activity,
    ActivityUpdate,
    ProgressReport,
    ReportingCycle,
    WorkingGroup,
    WorkPlan,
)


def approved_plan_for(*, group: WorkingGroup, period_start, period_end) -> WorkPlan | None:
    """The approved plan of ``group`` that overlaps the period (the latest, if several)."""
    return (
        WorkPlan.objects.filter(
            group=group,
            status=WorkPlan.Status.APPROVED,
            period_start__lte=period_end,
            period_end__gte=period_start,
        )
        .order_by("-period_start")
        .first()
    )


def _activity_concerns(activity: Activity, country_id: int, responsible: dict) -> bool:
    ids = responsible.get(activity.pk)
    return not ids or country_id in ids


@transaction.atomic
def cycle_open(
    *,
    name: str,
    period_start: datetime.date,
    period_end: datetime.date,
    opens_on: datetime.date,
    due_on: datetime.date,
    groups,
    late_flag_days: int = 30,
    by,
) -> ReportingCycle:
    """Open a cycle: one report per (member country of the group on ``opens_on``, group), each
    with an update per activity of the group's approved plan that concerns the country."""
    groups = list(groups)
    if not groups:
        raise ValidationError({"groups": _("Choose at least one working group.")})
    cycle = ReportingCycle(
        name=name,
        period_start=period_start,
        period_end=period_end,
        opens_on=opens_on,
        due_on=due_on,
        late_flag_days=late_flag_days,
        created_by=by,
    )
    cycle.full_clean()
    cycle.save()
    cycle.groups.set(groups)
    for group in groups:
        plan = approved_plan_for(group=group, period_start=period_start, period_end=period_end)
        activities = list(plan.activities.all()) if plan else []
        responsible: dict[int, set[int]] = {}
        for activity_id, country_id in Activity.responsible_countries.through.objects.filter(
            activity__in=activities
        ).values_list("activity_id", "country_id"):
            responsible.setdefault(activity_id, set()).add(country_id)
        country_ids = group.member_country_ids(opens_on)
        reports = ProgressReport.objects.bulk_create(
            [
                ProgressReport(cycle=cycle, group=group, country_id=cid, work_plan=plan)
                for cid in country_ids
            ]
        )
        if not reports[:1] or reports[0].pk is None:
            reports = list(ProgressReport.objects.filter(cycle=cycle, group=group))
        ActivityUpdate.objects.bulk_create(
            [
                ActivityUpdate(report=report, activity=activity)
                for report in reports
                for activity in activities
                if _activity_concerns(activity, report.country_id, responsible)
            ]
        )
    return cycle


@transaction.atomic
def cycle_close(*, cycle: ReportingCycle) -> None:
    cycle = ReportingCycle.objects.select_for_update().get(pk=cycle.pk)
    if cycle.status == ReportingCycle.Status.CLOSED:
        raise ValidationError(_("This cycle is already closed."))
    cycle.status = ReportingCycle.Status.CLOSED
    cycle.closed_at = timezone.now()
    cycle.save(update_fields=["status", "closed_at"])


@transaction.atomic
def cycle_summary_publish(*, cycle: ReportingCycle, publish: bool, by) -> ReportingCycle:
    """Publish (or withdraw) the public summary of a cycle's accepted reports. Opt-in: nothing
    of a cycle is public until the secretariat does this."""
    cycle = ReportingCycle.objects.select_for_update().get(pk=cycle.pk)
    if publish and cycle.summary_published_at is not None:
        raise ValidationError(_("The summary of this cycle is already public."))
    if not publish and cycle.summary_published_at is None:
        raise ValidationError(_("The summary of this cycle is not public."))
    if publish and not cycle.reports.filter(state=ProgressReport.State.ACCEPTED).exists():
        raise ValidationError(_("There is no accepted report to publish yet."))
    cycle.summary_published_at = timezone.now() if publish else None
    cycle.summary_published_by = by if publish else None
    cycle.save(update_fields=["summary_published_at", "summary_published_by"])
    return cycle
