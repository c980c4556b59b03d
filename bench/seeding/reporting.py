"""Reporting at scale: a plan per group and year, a cycle every two months, reports and updates."""

import datetime
import random

from django.utils import timezone

from core.dates import add_months
from members.models import Country, User
from working_groups.models import (
    Activity,
    ActivityUpdate,
    ProgressReport,
    ReportingCycle,
    WorkingGroup,
    WorkPlan,
)

from .common import BATCH, CYCLE_PREFIX, EMAIL_DOMAIN, Sizes
from .words import Words

ACTIVITIES_PER_PLAN = 8


def seed(sizes: Sizes, rng: random.Random, words: Words) -> tuple[int, int]:
    """One approved plan per group and year, and a cycle every two months for ``years`` years:
    one report per (group, member country), closed and accepted except the last cycle, which is
    open with reports in every state."""
    groups = list(WorkingGroup.objects.order_by("number"))
    countries = list(Country.objects.members_on(datetime.date.today()).values_list("pk", flat=True))
    today = datetime.date.today()
    first_year = today.year - sizes.years + 1
    staff = User.objects.filter(email=f"secretariat@{EMAIL_DOMAIN}").first()
    plans = {}
    plan_rows = []
    for year in range(first_year, today.year + 1):
        for group in groups:
            plan_rows.append(
                WorkPlan(
                    group=group,
                    title=f"{CYCLE_PREFIX} work plan {group.number} {year}",
                    period_start=datetime.date(year, 1, 1),
                    period_end=datetime.date(year, 12, 31),
                    status="approved",
                    approved_at=timezone.now(),
                    approved_by=staff,
                )
            )
    WorkPlan.objects.filter(
        group__in=groups, status="approved", period_start__year__gte=first_year
    ).exclude(title__startswith=CYCLE_PREFIX).update(status="superseded")
    for plan in WorkPlan.objects.bulk_create(plan_rows):
        plans[(plan.group_id, plan.period_start.year)] = plan
    activities: dict[int, list[Activity]] = {}
    activity_rows = [
        Activity(
            plan=plan,
            position=n,
            title=words.text(5).capitalize(),
            description=words.text(20),
            start_on=plan.period_start,
            due_on=plan.period_end,
            expected_output=words.text(10),
        )
        for plan in plans.values()
        for n in range(ACTIVITIES_PER_PLAN)
    ]
    for activity in Activity.objects.bulk_create(activity_rows, batch_size=BATCH):
        activities.setdefault(activity.plan_id, []).append(activity)

    cycle_rows = []
    month = datetime.date(first_year, 1, 1)
    while month <= today.replace(day=1):
        end = add_months(month, 2) - datetime.timedelta(days=1)
        cycle_rows.append(
            ReportingCycle(
                name=f"{CYCLE_PREFIX} {month:%Y-%m}",
                period_start=month,
                period_end=end,
                opens_on=end - datetime.timedelta(days=10),
                due_on=end + datetime.timedelta(days=20),
                status="closed",
                closed_at=timezone.now(),
                created_by=staff,
            )
        )
        month = add_months(month, 2)
    last = cycle_rows[-1]
    last.status = "open"
    last.closed_at = None
    last.opens_on = min(last.opens_on, today)
    last.due_on = max(last.due_on, today + datetime.timedelta(days=10))
    cycles = ReportingCycle.objects.bulk_create(cycle_rows)
    ReportingCycle.groups.through.objects.bulk_create(
        [
            ReportingCycle.groups.through(reportingcycle=cycle, workinggroup=group)
            for cycle in cycles
            for group in groups
        ]
    )
    states = ["draft", "submitted", "returned", "accepted"]
    report_rows = []
    for cycle in cycles:
        is_open = cycle.status == "open"
        for group in groups:
            plan = plans.get((group.pk, cycle.period_start.year))
            for country_id in countries:
                state = rng.choice(states) if is_open else "accepted"
                submitted = state != "draft"
                report_rows.append(
                    ProgressReport(
                        cycle=cycle,
                        group=group,
                        country_id=country_id,
                        work_plan=plan,
                        state=state,
                        achievements=words.text(40),
                        challenges=words.text(20),
                        first_submitted_on=cycle.due_on if submitted else None,
                        submitted_at=timezone.now() if submitted else None,
                        days_late=rng.choice([0, 0, 0, 3, 12]) if submitted else None,
                    )
                )
    reports = ProgressReport.objects.bulk_create(report_rows, batch_size=BATCH)
    statuses = ["on_track", "delayed", "completed", "not_started"]
    update_rows = [
        ActivityUpdate(
            report=report,
            activity=activity,
            status=rng.choice(statuses),
            percent=rng.randint(0, 100),
            narrative=words.text(25),
        )
        for report in reports
        for activity in activities.get(report.work_plan_id, [])
    ]
    ActivityUpdate.objects.bulk_create(update_rows, batch_size=BATCH)
    return len(reports), len(update_rows)
