"""Work queues: what each person has to do, gathered from every app, most urgent first.

Dashboards are work queues. An app that gives people something to do registers a *source* from
its ``AppConfig.ready()``::

    from core.workqueue import register_source
    register_source("working_groups.reports", reports_to_fill)

A source is a callable ``source(user, today) -> Iterable[WorkItem]`` that runs a fixed number of
queries whatever the data size (it is called on every dashboard view). ``work_queue()`` asks every
source, keeps going when one fails (logged), and sorts: overdue first, then by due date, then
items without a date.
"""

import datetime
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class WorkItem:
    """One thing to do: what (``title``), where to act (``url``, with ``action`` the verb on its
    link), by when (``due_on``), and the queue section it belongs to (for headings)."""

    section: str
    title: str
    url: str
    action: str
    due_on: datetime.date | None = None
    detail: str = ""
    kind: str = ""

    def days_left(self, today: datetime.date) -> int | None:
        return None if self.due_on is None else (self.due_on - today).days

    def is_overdue(self, today: datetime.date) -> bool:
        return self.due_on is not None and self.due_on < today


Source = Callable[[object, datetime.date], Iterable[WorkItem]]
_SOURCES: dict[str, Source] = {}


def register_source(name: str, source: Source) -> None:
    """Register (or replace, by name) a source of work items. Safe to call twice."""
    _SOURCES[name] = source


def registered_sources() -> dict[str, Source]:
    return dict(_SOURCES)


def _sort_key(item: WorkItem):
    return (item.due_on is None, item.due_on or datetime.date.max, item.section, item.title)


def work_queue(user, today: datetime.date) -> list[WorkItem]:
    """Everything the person has to do, most urgent first. A failing source is logged and left
    out; the others still answer."""
    items: list[WorkItem] = []
    for name, source in _SOURCES.items():
        try:
            items.extend(source(user, today))
        except Exception:  # noqa: BLE001 - one app's bug must not empty everyone's dashboard
            logger.exception("work queue source %s failed", name)
    return sorted(items, key=_sort_key)
