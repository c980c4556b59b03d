"""Site search asks every registered source and survives a broken one."""

import pytest

from core import sitesearch
from core.sitesearch import SearchHit


@pytest.fixture
def registry(monkeypatch):
    monkeypatch.setattr(sitesearch, "_SOURCES", {})
    return sitesearch


def test_groups_come_in_registration_order_capped_at_the_limit(registry):
    registry.register_source(
        "news", "News", lambda q, language, limit: ([SearchHit(f"N{i}", "/n") for i in range(9)], 9)
    )
    registry.register_source(
        "pages",
        "Pages",
        lambda q, language, limit: ([SearchHit("P", "/p")], 1),
        lambda q: "/p?q=" + q,
    )
    groups = registry.search("youth", language="es", limit=3)
    assert [(g.kind, len(g.hits), g.total) for g in groups] == [("news", 3, 9), ("pages", 1, 1)]
    assert groups[1].more_url == "/p?q=youth"


def test_a_broken_source_is_left_out_and_logged(registry, caplog):
    def broken(q, language, limit):
        raise RuntimeError("down")

    registry.register_source("broken", "Broken", broken)
    registry.register_source("ok", "Ok", lambda q, language, limit: ([SearchHit("x", "/x")], 1))
    assert [g.kind for g in registry.search("x", language="en")] == ["ok"]
    assert "site search source broken failed" in caplog.text
