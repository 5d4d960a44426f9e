"""Store fixtures: a real SQLite file in tmp_path (no mocks)."""

from __future__ import annotations

import pytest

from briefing_tui.store import Store


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "briefing.db")
    yield s
    s.close()


@pytest.fixture
def feed(store):
    return store.add_feed("https://example.test/feed.xml", "Example", ["news"])
