"""Report reminders through the notification sweep: before the due date, on it, weekly while
overdue up to a cap; digests for group leads and the secretariat."""

import datetime

import pytest
from django.core import mail

from core.dates import alliance_today
from notifications import sweep
from notifications.models import Notification
from notifications.tasks import deliver_notification
from tests.conftest import open_cycle
from working_groups.reminders import report_stage

D = datetime.date


def _sweep():
    for notification_id in sweep.sweep():
        deliver_notification.apply(args=[notification_id])


@pytest.mark.parametrize(
    ("today", "stage"),
    [
        (D(2026, 6, 1), None),  # more than 14 days ahead
        (D(2026, 6, 16), "14d"),
        (D(2026, 6, 26), "14d"),
        (D(2026, 6, 27), "3d"),
        (D(2026, 6, 30), "due"),
        (D(2026, 7, 1), "overdue-1"),
        (D(2026, 7, 7), "overdue-1"),
        (D(2026, 7, 8), "overdue-2"),
        (D(2026, 7, 28), "overdue-4"),
        (D(2026, 7, 29), None),  # past the cap of four weekly reminders
    ],
)
def test_report_stages(today, stage):
    assert report_stage(D(2026, 6, 30), today) == stage


def test_focal_points_of_countries_with_an_outstanding_report_are_reminded_once(
    alice, bob, carol, dave, plans, group1, ecuador
):
    bob.preferred_language = "en"
    bob.save(update_fields=["preferred_language"])
    cycle = open_cycle(groups=[group1], by=alice, due_in_days=2)
    _sweep()
    _sweep()  # a second sweep sends nothing new
    reminders = [m for m in mail.outbox if m.to[0] in ("bob@ecuador.test", "carol@barbados.test")]
    assert sorted(m.to[0] for m in reminders) == ["bob@ecuador.test", "carol@barbados.test"]
    to_bob = next(m for m in reminders if m.to == ["bob@ecuador.test"])
    assert to_bob.subject.startswith("Progress report due soon:")
    report = cycle.reports.get(country=ecuador)
    assert f"/reporting/reports/{report.pk}/edit/" in to_bob.body
    assert "What to do" in to_bob.body
    assert "dave@ecuador.test" not in [m.to[0] for m in mail.outbox]  # his appointment ended


def test_submitted_reports_and_far_due_dates_get_no_reminder(
    alice, bob, carol, plans, group1, ecuador
):
    open_cycle(groups=[group1], by=alice, due_in_days=30, name="Far")
    _sweep()
    assert not Notification.objects.filter(kind="report_reminder").exists()
    soon = open_cycle(groups=[group1], by=alice, due_in_days=2, name="Soon")
    report = soon.reports.get(country=ecuador)
    report.first_submitted_on = alliance_today()
    report.state = "submitted"
    report.save()
    _sweep()
    assert list(
        Notification.objects.filter(kind="report_reminder").values_list(
            "recipient__email", flat=True
        )
    ) == ["carol@barbados.test"]


def test_an_overdue_report_gets_weekly_reminders_up_to_the_cap(
    alice, bob, plans, group1, ecuador, settings
):
    settings.ALLIANCE_REPORT_OVERDUE_REMINDERS = 2
    cycle = open_cycle(groups=[group1], by=alice, due_in_days=-1, opened_days_ago=30)
    report = cycle.reports.get(country=ecuador)
    # Pretend time passes: move the due date back a week at a time and sweep each day.
    for days_late in range(1, 30):
        type(cycle).objects.filter(pk=cycle.pk).update(
            due_on=alliance_today() - datetime.timedelta(days=days_late)
        )
        _sweep()
    keys = sorted(
        Notification.objects.filter(kind="report_reminder", recipient=bob).values_list(
            "key", flat=True
        )
    )
    assert keys == [f"report:{report.pk}:overdue-1", f"report:{report.pk}:overdue-2"]


def test_leads_and_secretariat_get_a_digest_of_outstanding_reports(
    alice, bob, carol, lena, plans, group1
):
    open_cycle(groups=[group1], by=alice, due_in_days=2)
    _sweep()
    digests = {
        n.recipient.email: n
        for n in Notification.objects.filter(kind="report_digest").select_related("recipient")
    }
    assert set(digests) == {"alice@iadb.test", "lena@costarica.test"}
    assert "Barbados" in digests["alice@iadb.test"].body
    assert "Ecuador" in digests["lena@costarica.test"].body
