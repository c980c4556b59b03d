"""Site-wide search: each app that has public content registers a search source.

From its ``AppConfig.ready()`` an app calls ``register_source(kind, label, source)``, where
``source(query, *, language, limit) -> (hits, total)`` searches that app's PUBLIC content only
(what an anonymous visitor may read), in a fixed number of queries, and returns at most ``limit``
hits, best first, with the total it found (or a lower bound, with ``approximate`` set on the
group). ``/search/`` shows the groups in the order they were registered.
"""

import datetime
import logging
from collections.abc import Callable
from dataclasses import dataclass, field

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class SearchHit:
    title: str
    url: str
    summary: str = ""
    date: datetime.date | None = None
    # The language the title and summary are written in, when it may differ from the page's
    # (the page then marks them with their own lang attribute).
    language: str = ""


@dataclass
class SearchGroup:
    kind: str
    label: str
    hits: list[SearchHit] = field(default_factory=list)
    total: int = 0
    approximate: bool = False
    more_url: str = ""


Source = Callable[..., tuple[list[SearchHit], int]]
_SOURCES: dict[str, tuple[object, Source, Callable[[str], str] | None]] = {}


def register_source(kind: str, label, source: Source, more_url=None) -> None:
    """``label`` is shown as the group's heading (a lazy translation); ``more_url(query)`` links
    to the app's own search for the rest of the results."""
    _SOURCES[kind] = (label, source, more_url)


def search(query: str, *, language: str, limit: int = 5) -> list[SearchGroup]:
    groups = []
    for kind, (label, source, more_url) in _SOURCES.items():
        try:
            hits, total = source(query, language=language, limit=limit)
        except Exception:  # noqa: BLE001 - one source failing must not break the search page
            logger.exception("site search source %s failed", kind)
            continue
        groups.append(
            SearchGroup(
                kind=kind,
                label=str(label),
                hits=list(hits)[:limit],
                total=total,
                more_url=more_url(query) if more_url else "",
            )
        )
    return groups
