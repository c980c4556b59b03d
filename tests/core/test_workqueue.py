"""The work queue gathers every registered source, most urgent first, and survives a broken one."""

import datetime

import pytest

from core import workqueue
from core.workqueue import WorkItem

D = datetime.date


@pytest.fixture
def sources(monkeypatch):
    monkeypatch.setattr(workqueue, "_SOURCES", {})
    return workqueue


def test_items_come_overdue_first_then_by_due_date_then_undated(sources):
    sources.register_source(
        "a",
        lambda user, today: [
            WorkItem("Reports", "Later", "/l", "Fill in", D(2026, 12, 20)),
            WorkItem("Reports", "No date", "/n", "Read"),
        ],
    )
    sources.register_source(
        "b", lambda user, today: [WorkItem("Meetings", "Overdue", "/o", "Answer", D(2026, 11, 1))]
    )
    queue = sources.work_queue(None, D(2026, 12, 1))
    assert [item.title for item in queue] == ["Overdue", "Later", "No date"]
    assert queue[0].is_overdue(D(2026, 12, 1)) and queue[1].days_left(D(2026, 12, 1)) == 19


def test_a_broken_source_is_logged_and_the_others_still_answer(sources, caplog):
    def broken(user, today):
        raise RuntimeError("bug in one app")

    sources.register_source("broken", broken)
    sources.register_source("ok", lambda user, today: [WorkItem("S", "Still here", "/x", "Go")])
    assert [i.title for i in sources.work_queue(None, D(2026, 12, 1))] == ["Still here"]
    assert "work queue source broken failed" in caplog.text


def test_registering_twice_keeps_one_source(sources):
    source = lambda user, today: [WorkItem("S", "Once", "/x", "Go")]  # noqa: E731
    sources.register_source("same", source)
    sources.register_source("same", source)
    assert len(sources.work_queue(None, D(2026, 12, 1))) == 1
