"""What each app reminds people of, announced from its ``AppConfig.ready()``::

    from notifications.registry import register_source
    register_source(self.label, reminders.due)

A source is a function ``due(now)`` returning the :class:`Candidate` messages due at ``now``.
The sweep (:mod:`notifications.sweep`) asks every registered source, in the order they were
registered (the order of ``INSTALLED_APPS``); no module is looked up by name."""

import datetime
import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings

from members.models import User

logger = logging.getLogger(__name__)


@dataclass
class Rendered:
    subject: str
    body: str
    url: str = ""
    ics: str = ""


@dataclass
class Candidate:
    """A message that is due. ``render`` runs only if it has not been recorded before, inside the
    recipient's language and time zone."""

    recipient: User
    kind: str
    topic: str
    key: str
    render: Callable[[User], Rendered]


Source = Callable[[datetime.datetime], list[Candidate]]

_SOURCES: dict[str, Source] = {}


def register_source(name: str, due: Source) -> None:
    """Add a source of reminders (registering the same name again replaces it)."""
    _SOURCES[name] = due


def registered_sources() -> dict[str, Source]:
    """The registered sources by name, in the order they were registered."""
    return dict(_SOURCES)


def due(now: datetime.datetime) -> list[Candidate]:
    """Every registered source's candidates. A source that fails is logged and skipped: one
    app's failure never stops the others' reminders."""
    candidates: list[Candidate] = []
    for name, source in list(_SOURCES.items()):
        try:
            candidates += source(now)
        except Exception:  # noqa: BLE001 - one source's failure never stops the others
            logger.exception("%s could not list what is due", name)
    return candidates


def absolute_url(path: str) -> str:
    """A link for a message: the portal's address and the path."""
    return settings.ALLIANCE_BASE_URL.rstrip("/") + path
