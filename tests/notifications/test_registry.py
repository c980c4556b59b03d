"""Each app says what it reminds people of by registering a source from its AppConfig.ready();
the sweep asks every registered source, and one that fails never stops the others."""

import logging
from pathlib import Path

from django.core import mail

from notifications import registry, sweep
from notifications.tasks import deliver_notification

from .test_meeting_reminders import _meeting

ROOT = Path(__file__).resolve().parents[2]


def test_each_app_registers_its_reminders_in_the_order_apps_are_installed():
    assert list(registry.registered_sources()) == ["working_groups", "governance", "knowledge"]


def test_no_module_of_ours_is_found_by_name():
    for path in (ROOT / "notifications").rglob("*.py"):
        assert "import_module" not in path.read_text(encoding="utf-8"), path


def test_a_source_that_fails_does_not_stop_the_others_reminders(alice, bob, monkeypatch, caplog):
    def broken(now):
        raise RuntimeError("the reports table is locked")

    monkeypatch.setattr(registry, "_SOURCES", {"broken": broken, **registry._SOURCES})
    _meeting(alice, title="Prison intelligence exchange")

    with caplog.at_level(logging.ERROR, logger="notifications.registry"):
        for notification_id in sweep.sweep():
            deliver_notification.apply(args=[notification_id])

    assert [m.subject for m in mail.outbox if m.to == ["bob@ecuador.test"]] == [
        "Reminder: Prison intelligence exchange"
    ]
    [record] = caplog.records
    assert record.getMessage() == "broken could not list what is due"
    assert "the reports table is locked" in record.exc_text


def test_a_source_registered_again_replaces_the_first(monkeypatch):
    monkeypatch.setattr(registry, "_SOURCES", {})
    registry.register_source("knowledge", lambda now: [])
    registry.register_source("knowledge", lambda now: ["replaced"])
    assert list(registry.registered_sources()) == ["knowledge"]
    assert registry.due(None) == ["replaced"]
