"""The working groups' part of the demo, read from the YAML files next to this one: lead
countries, an approved work plan per group, and reporting cycles.

Idempotent: a group that already has a work plan gets no new one, and cycles are only made when
there are none yet. Dates are relative to the day the demo is first loaded: one closed cycle
(the previous half-year) with reports in every state and its public summary published, and one
open cycle due in ten days (so its reminders go out at once)."""

import datetime

from django.db import transaction
from django.utils import timezone

from core.dates import alliance_today
from core.demo_registry import read
from members.models import Country, FocalPointAppointment, User
from working_groups import services
from working_groups.models import (
    GroupLead,
    ProgressReport,
    ReportEvent,
    ReportingCycle,
    WorkingGroup,
    WorkPlan,
)


def load(*, password: str) -> list[tuple[str, str]]:
    secretariat = User.objects.get(email="secretariat@alliance.test")
    with transaction.atomic():
        _leads()
        today = alliance_today()
        plans = read(__file__, "plans.yaml")
        for group in WorkingGroup.objects.all():
            _plan(plans, group, today, secretariat)
        if not ReportingCycle.objects.exists():
            _cycles(read(__file__, "reports.yaml"), today, secretariat)
    return []


def _leads() -> None:
    data = read(__file__, "leads.yaml")
    for number, codes in data["groups"].items():
        group = WorkingGroup.objects.get(number=number)
        for code in codes:
            GroupLead.objects.get_or_create(
                group=group,
                country=Country.objects.get(iso_code=code),
                defaults={"start_on": data["since"]},
            )


def _plan(plans: dict, group, today, secretariat) -> None:
    if WorkPlan.objects.filter(group=group).exists():
        return
    start = datetime.date(today.year - 1, 1, 1)
    end = datetime.date(today.year + 1, 12, 31)
    plan = services.work_plan_create(
        group=group,
        title=plans["title"].format(start=start.year, end=end.year),
        period_start=start,
        period_end=end,
        by=secretariat,
    )
    for index, activity in enumerate(plans["activities"][group.number]):
        services.activity_save(
            plan=plan,
            title=activity["title"],
            description="",
            start_on=start + datetime.timedelta(days=90 * index),
            due_on=end - datetime.timedelta(days=120 * (2 - index)),
            expected_output=activity["expected_output"],
            indicator=activity.get("indicator", ""),
            target=activity.get("target", ""),
        )
    services.work_plan_approve(plan=plan, by=secretariat)


def _half_year(on: datetime.date) -> tuple[datetime.date, datetime.date]:
    if on.month <= 6:
        return datetime.date(on.year, 1, 1), datetime.date(on.year, 6, 30)
    return datetime.date(on.year, 7, 1), datetime.date(on.year, 12, 31)


def _focal_points(on) -> dict[int, object]:
    appointments = FocalPointAppointment.objects.on(on).select_related("user", "ministry")
    return {a.ministry.country_id: a.user for a in appointments}


def _cycles(texts: dict, today, secretariat) -> None:
    current_start, current_end = _half_year(today)
    previous_start, previous_end = _half_year(current_start - datetime.timedelta(days=1))
    groups = list(WorkingGroup.objects.all())
    closed = services.cycle_open(
        name=texts["cycle_name"].format(start=previous_start, end=previous_end),
        period_start=previous_start,
        period_end=previous_end,
        opens_on=min(
            previous_end + datetime.timedelta(days=1), today - datetime.timedelta(days=60)
        ),
        due_on=min(previous_end + datetime.timedelta(days=31), today - datetime.timedelta(days=30)),
        late_flag_days=15,
        groups=groups,
        by=secretariat,
    )
    people = _focal_points(today)
    states = texts["closed_states"]
    reports = closed.reports.select_related("cycle").order_by("group__number", "country__iso_code")
    for index, report in enumerate(reports):
        _fill(texts, report, states[index % len(states)], people, secretariat, index)
    services.cycle_close(cycle=closed)
    services.cycle_summary_publish(cycle=closed, publish=True, by=secretariat)

    open_cycle = services.cycle_open(
        name=texts["cycle_name"].format(start=current_start, end=current_end),
        period_start=current_start,
        period_end=current_end,
        opens_on=today - datetime.timedelta(days=7),
        due_on=today + datetime.timedelta(days=10),
        late_flag_days=15,
        groups=groups,
        by=secretariat,
    )
    # A few countries have started: one submitted report and one draft in each group.
    for index, report in enumerate(
        open_cycle.reports.select_related("cycle").order_by("group__number", "country__iso_code")
    ):
        if report.country.iso_code in texts["open_cycle_left_empty"]:
            continue  # left for the demo logins to fill in
        if index % 6 == 0:
            _fill(texts, report, "submitted", people, secretariat, index)
        elif index % 6 == 1:
            _fill(texts, report, "draft_started", people, secretariat, index)


def _fill(texts: dict, report, outcome, people, secretariat, index) -> None:
    """Fill a demo report and give it the state and trail of ``outcome``."""
    author = people.get(report.country_id)
    cycle = report.cycle
    statuses = texts["statuses"]
    updates = list(report.updates.select_related("activity"))
    for offset, update in enumerate(updates):
        status = statuses[(index + offset) % len(statuses)]
        update.status = status
        update.percent = {"completed": 100, "not_started": 0}.get(status, 20 + 15 * offset)
        update.narrative = texts["narratives"][status]
        update.save(update_fields=["status", "percent", "narrative"])
    report.achievements = texts["achievements"]
    report.challenges = texts["challenges"]
    report.support_needed = texts["support_needed"]
    report.last_saved_at = timezone.now()
    report.last_saved_by = author
    if outcome == "draft_started":
        report.save()
        return
    if outcome == "draft":
        report.achievements = ""
        report.save()
        return
    late = outcome.endswith("_late")
    submitted_on = cycle.due_on + datetime.timedelta(days=20 if late else -3)
    submitted_at = timezone.make_aware(
        datetime.datetime.combine(min(submitted_on, alliance_today()), datetime.time(15))
    )
    report.first_submitted_on = submitted_at.date()
    report.days_late = max((report.first_submitted_on - cycle.due_on).days, 0)
    report.submitted_at = submitted_at
    trail = [
        (
            ReportEvent.Action.SUBMITTED_LATE if report.days_late else ReportEvent.Action.SUBMITTED,
            "draft",
            "submitted",
            author,
            "",
        )
    ]
    final = ProgressReport.State.SUBMITTED
    if outcome.startswith("accepted"):
        final = ProgressReport.State.ACCEPTED
        trail.append((ReportEvent.Action.ACCEPTED, "submitted", "accepted", secretariat, ""))
    elif outcome == "returned":
        final = ProgressReport.State.RETURNED
        trail.append(
            (
                ReportEvent.Action.RETURNED,
                "submitted",
                "returned",
                secretariat,
                texts["return_comment"],
            )
        )
    report.state = final
    report.save()
    for step, (action, from_state, to_state, by, comment) in enumerate(trail):
        ReportEvent.objects.create(
            report=report,
            action=action,
            from_state=from_state,
            to_state=to_state,
            by=by,
            comment=comment,
            at=submitted_at + datetime.timedelta(days=2 * step),
        )
