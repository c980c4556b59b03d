"""Service: e-mail reminders about progress reports, before the due date and once overdue.

Each (report, person, stage) is reminded once: a ``ReportReminder`` row is claimed before the
e-mail goes out (and released if it could not be sent), so the task may run twice, or in two
workers at once, without anyone receiving the same reminder twice."""

import datetime
import logging
from collections import defaultdict

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from members.dates import alliance_today
from members.models import FocalPointAppointment

from .models import ProgressReport, ReportingCycle, ReportReminder

logger = logging.getLogger(__name__)


def _stage(report: ProgressReport, on: datetime.date) -> str | None:
    due = report.cycle.due_on
    if on > due:
        return ReportReminder.Stage.OVERDUE
    if (due - on).days <= settings.ALLIANCE_REPORT_REMINDER_DAYS:
        return ReportReminder.Stage.DUE_SOON
    return None


def _claim(report, user, stage) -> ReportReminder | None:
    try:
        with transaction.atomic():
            return ReportReminder.objects.create(report=report, user=user, stage=stage)
    except IntegrityError:
        return None


def report_reminders_send(*, on: datetime.date | None = None) -> int:
    """Remind the focal points of each country with a report still to submit in an open cycle
    (due within ``ALLIANCE_REPORT_REMINDER_DAYS``, or overdue). One e-mail per person, listing
    their reports. Returns the number of e-mails sent."""
    on = on or alliance_today()
    reports = (
        ProgressReport.objects.filter(
            cycle__status=ReportingCycle.Status.OPEN,
            cycle__opens_on__lte=on,
            cycle__due_on__lte=on + datetime.timedelta(days=settings.ALLIANCE_REPORT_REMINDER_DAYS),
            first_submitted_on__isnull=True,
            state__in=ProgressReport.EDITABLE_STATES,
        )
        .select_related("cycle", "group", "country")
        .order_by("cycle__due_on", "group__number")
    )
    people = defaultdict(set)
    for appointment in (
        FocalPointAppointment.objects.active_on(on)
        .filter(user__is_active=True)
        .select_related("user", "ministry")
    ):
        people[appointment.ministry.country_id].add(appointment.user)
    todo = defaultdict(list)
    for report in reports:
        stage = _stage(report, on)
        for user in people.get(report.country_id, ()):
            todo[user].append((report, stage))
    sent = 0
    for user, items in todo.items():
        claimed = [(r, s, c) for r, s in items if (c := _claim(r, user, s)) is not None]
        if not claimed:
            continue
        try:
            _send(user, [(r, s) for r, s, _c in claimed], on)
        except Exception:
            ReportReminder.objects.filter(pk__in=[c.pk for _r, _s, c in claimed]).delete()
            logger.exception("Report reminder to %s could not be sent", user.pk)
            raise
        sent += 1
    return sent


def _send(user, items, on) -> None:
    base = settings.ALLIANCE_BASE_URL.rstrip("/")
    with translation.override(user.preferred_language):
        lines = [
            {
                "report": report,
                "overdue": stage == ReportReminder.Stage.OVERDUE,
                "link": base + reverse("working_groups:report-edit", args=[report.pk]),
            }
            for report, stage in items
        ]
        overdue = any(line["overdue"] for line in lines)
        subject = (
            _("Overdue progress reports on the Alliance Portal")
            if overdue
            else _("Progress reports due soon on the Alliance Portal")
        )
        body = render_to_string(
            "emails/report_reminder.txt", {"user": user, "lines": lines, "today": on}
        )
    EmailMessage(subject=subject, body=body, to=[user.email]).send()
