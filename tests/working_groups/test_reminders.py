"""Reminders of reports due soon or overdue: once per person and stage, even if run twice."""

import datetime

import pytest
from django.conf import settings
from django.core import mail

from alliance.celery import app
from working_groups import reminders
from working_groups.models import ReportReminder
from working_groups.tasks import send_report_reminders

from .conftest import open_cycle


def test_focal_points_are_reminded_once_per_stage(alice, bob, carol, dave, plans, group1, ecuador):
    bob.preferred_language = "en"
    bob.save()
    cycle = open_cycle(groups=[group1], by=alice, due_in_days=5)
    assert send_report_reminders.delay().get() == 2  # Bob (Ecuador) and Carol (Barbados)
    assert sorted(m.to[0] for m in mail.outbox) == ["bob@ecuador.test", "carol@barbados.test"]
    to_bob = next(m for m in mail.outbox if m.to == ["bob@ecuador.test"])
    assert to_bob.subject == "Progress reports due soon on the Alliance Portal"
    report = cycle.reports.get(country=ecuador)
    assert f"/reporting/reports/{report.pk}/edit/" in to_bob.body
    # Dave's appointment has ended: nothing for him. Running again sends nothing new.
    assert "dave@ecuador.test" not in [m.to[0] for m in mail.outbox]
    assert reminders.report_reminders_send() == 0
    assert len(mail.outbox) == 2
    # Once overdue, one more reminder each.
    later = cycle.due_on + datetime.timedelta(days=1)
    assert reminders.report_reminders_send(on=later) == 2
    assert mail.outbox[-1].subject.startswith(("Overdue", "Informes de avance vencidos"))
    assert reminders.report_reminders_send(on=later) == 0
    assert ReportReminder.objects.count() == 4


def test_no_reminder_for_submitted_reports_or_far_due_dates(
    alice, bob, carol, plans, group1, ecuador
):
    open_cycle(groups=[group1], by=alice, due_in_days=30, name="Far")
    assert reminders.report_reminders_send() == 0
    soon = open_cycle(groups=[group1], by=alice, due_in_days=2, name="Soon")
    report = soon.reports.get(country=ecuador)
    report.first_submitted_on = report.cycle.opens_on
    report.state = "submitted"
    report.save()
    assert reminders.report_reminders_send() == 1
    assert [m.to for m in mail.outbox] == [["carol@barbados.test"]]


def test_a_failed_send_releases_the_claim(alice, bob, plans, group1, settings):
    open_cycle(groups=[group1], by=alice, due_in_days=2)
    settings.MAILERS = {"default": {"BACKEND": "tests.working_groups.test_reminders.BrokenMail"}}
    with pytest.raises(OSError, match="SMTP server down"):
        reminders.report_reminders_send()
    assert not ReportReminder.objects.exists()


class BrokenMail:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise OSError("SMTP server down")


def test_reminders_run_daily_from_celery_beat():
    entry = settings.CELERY_BEAT_SCHEDULE["report-reminders"]
    assert entry["task"] == "working_groups.tasks.send_report_reminders"
    assert entry["task"] in app.tasks
