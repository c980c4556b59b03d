"""What reporting has due for the notification sweep (registered in ``apps.py``; see
``notifications.registry``).

- Focal points of each country whose report is not submitted yet: 14 and 3 days before the due
  date (``ALLIANCE_REPORT_REMINDER_DAYS``), on the due date, then weekly while overdue, at most
  ``ALLIANCE_REPORT_OVERDUE_REMINDERS`` times.
- Group leads (their group's outstanding reports) and the secretariat (all groups): a digest at
  the same stages.

A fixed number of queries, whatever the number of reports."""

import datetime
from collections import defaultdict

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext_lazy

from core.dates import alliance_today
from members.models import FocalPointAppointment, User
from notifications.models import NotificationKind
from notifications.registry import Candidate, Rendered, absolute_url

from .models import GroupLead, ProgressReport, ReportingCycle


def report_stage(due_on: datetime.date, today: datetime.date) -> str | None:
    """The reminder stage on ``today`` for something due on ``due_on``: "14d" and "3d" before
    (each until the next stage opens), "due" on the day, then "overdue-1", "overdue-2", ... one a
    week, up to the cap; None when nothing is due."""
    if today == due_on:
        return "due"
    if today > due_on:
        week = ((today - due_on).days - 1) // 7 + 1  # days 1-7 late: week 1, days 8-14: 2, ...
        return f"overdue-{week}" if week <= settings.ALLIANCE_REPORT_OVERDUE_REMINDERS else None
    stages = sorted(set(settings.ALLIANCE_REPORT_REMINDER_DAYS), reverse=True)
    for index, stage in enumerate(stages):
        opens = due_on - datetime.timedelta(days=stage)
        closes = (
            due_on - datetime.timedelta(days=stages[index + 1])
            if index + 1 < len(stages)
            else due_on
        )
        if opens <= today < closes:
            return f"{stage}d"
    return None


def _outstanding_reports(today: datetime.date) -> list[ProgressReport]:
    horizon = today + datetime.timedelta(days=max(settings.ALLIANCE_REPORT_REMINDER_DAYS))
    return list(
        ProgressReport.objects.filter(
            cycle__status=ReportingCycle.Status.OPEN,
            cycle__opens_on__lte=today,
            cycle__due_on__lte=horizon,
            first_submitted_on__isnull=True,
            state__in=ProgressReport.EDITABLE_STATES,
        )
        .select_related("cycle", "group", "country")
        .order_by("cycle__due_on", "group__number", "country__name_en")
    )


def _subject(stage: str):
    if stage.startswith("overdue"):
        return gettext_lazy("Overdue progress report: %(what)s")
    if stage == "due":
        return gettext_lazy("Progress report due today: %(what)s")
    return gettext_lazy("Progress report due soon: %(what)s")


def _report_render(report: ProgressReport, stage: str):
    def render(user: User) -> Rendered:
        url = absolute_url(reverse("working_groups:report-edit", args=[report.pk]))
        body = render_to_string(
            "emails/report_reminder.txt",
            {
                "report": report,
                "stage": stage,
                "overdue": stage.startswith("overdue"),
                "user": user,
                "url": url,
            },
        )
        what = f"{report.cycle.name} – {report.group.name} ({report.country.name})"
        return Rendered(subject=str(_subject(stage)) % {"what": what}, body=body, url=url)

    return render


def _digest_render(cycle: ReportingCycle, reports: list[ProgressReport], stage: str, group=None):
    def render(user: User) -> Rendered:
        url = absolute_url(reverse("working_groups:cycle-detail", args=[cycle.pk]))
        body = render_to_string(
            "emails/report_digest.txt",
            {
                "cycle": cycle,
                "reports": reports,
                "group": group,
                "stage": stage,
                "overdue": stage.startswith("overdue"),
                "user": user,
                "url": url,
            },
        )
        what = f"{cycle.name} – {group.name}" if group else cycle.name
        subject = gettext_lazy("Outstanding progress reports: %(what)s")
        return Rendered(subject=str(subject) % {"what": what}, body=body, url=url)

    return render


def due(now: datetime.datetime) -> list[Candidate]:
    today = alliance_today()
    reports = _outstanding_reports(today)
    if not reports:
        return []
    people: dict[int, list[User]] = defaultdict(list)
    for appointment in (
        FocalPointAppointment.objects.on(today)
        .filter(user__is_active=True)
        .select_related("user", "ministry")
    ):
        people[appointment.ministry.country_id].append(appointment.user)
    leads: dict[int, set[int]] = defaultdict(set)
    for group_id, country_id in GroupLead.objects.on(today).values_list("group_id", "country_id"):
        leads[group_id].add(country_id)
    staff = list(User.objects.filter(is_secretariat=True, is_active=True))

    candidates = []
    by_cycle: dict[int, list[ProgressReport]] = defaultdict(list)
    for report in reports:
        stage = report_stage(report.cycle.due_on, today)
        if stage is None:
            continue
        by_cycle[report.cycle_id].append(report)
        render = _report_render(report, stage)
        for user in {u.pk: u for u in people.get(report.country_id, [])}.values():
            candidates.append(
                Candidate(
                    recipient=user,
                    kind=NotificationKind.REPORT_REMINDER,
                    topic=f"report:{report.pk}",
                    key=f"report:{report.pk}:{stage}",
                    render=render,
                )
            )
    for cycle_reports in by_cycle.values():
        cycle = cycle_reports[0].cycle
        stage = report_stage(cycle.due_on, today)
        topic = f"cycle:{cycle.pk}"
        for user in staff:
            candidates.append(
                Candidate(
                    recipient=user,
                    kind=NotificationKind.REPORT_DIGEST,
                    topic=topic,
                    key=f"{topic}:all:{stage}",
                    render=_digest_render(cycle, cycle_reports, stage),
                )
            )
        by_group: dict[int, list[ProgressReport]] = defaultdict(list)
        for report in cycle_reports:
            by_group[report.group_id].append(report)
        for group_id, group_reports in by_group.items():
            group = group_reports[0].group
            render = _digest_render(cycle, group_reports, stage, group=group)
            lead_users = {
                u.pk: u
                for country_id in leads.get(group_id, ())
                for u in people.get(country_id, [])
            }
            for user in lead_users.values():
                candidates.append(
                    Candidate(
                        recipient=user,
                        kind=NotificationKind.REPORT_DIGEST,
                        topic=topic,
                        key=f"{topic}:group-{group_id}:{stage}",
                        render=render,
                    )
                )
    return candidates
