"""Work plans: the one in force, its activities and their published progress."""

import datetime

from django.db.models import Avg, Count, Prefetch

from core.dates import alliance_today
from members.models import Country

from ..models import (
    Activity,
    ActivityUpdate,
    ProgressReport,
    WorkingGroup,
    WorkPlan,
)


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


def plan_list(*, group: WorkingGroup):
    return (
        WorkPlan.objects.filter(group=group)
        .select_related("approved_by", "created_by")
        .annotate(activity_count=Count("activities"))
        .order_by("-period_start", "-number")
    )
