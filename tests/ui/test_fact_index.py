"""Articles stored without badges (a cron `briefing fetch`, a new extractor version) get
them from the app's background fact index pass at start-up, and the list shows them."""

from __future__ import annotations

import pytest

from briefing_tui.services.library import Library
from briefing_tui.services.settings import Settings

from .conftest import NOW, SIZE, entry, make_app, settle

KILLED = "At least 18 people were killed when the bridge collapsed, officials said."
ARRESTED = "Police arrested 12 protesters outside the ministry on Sunday."


@pytest.fixture
def plain(tmp_path):
    lib = Library(tmp_path / "briefing.db", Settings())
    yield lib
    lib.close()


async def test_start_up_indexes_what_a_fetch_stored_and_the_list_shows_it(plain):
    library = plain
    feed = library.add_feed("https://cron.example/rss", "Cron Desk")
    library.store.upsert_entries(
        feed.id,
        [entry("k", "Bridge collapse", 2, KILLED), entry("a", "Ministry protest", 1, ARRESTED)],
        NOW,
    )
    assert library.facts_pending()
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        listed = app.main_screen.headlines
        badges = {
            listed.headline(i).title: [(b.category, b.value) for b in listed.headline(i).badges]
            for i in listed.ids
            if listed.headline(i) is not None
        }
        assert badges == {
            "Bridge collapse": [("deaths", 18)],
            "Ministry protest": [("arrests", 12)],
        }
        assert app.main_screen.status.progress == ""
    assert not library.facts_pending()


async def test_nothing_pending_means_no_pass(plain, monkeypatch):
    library = plain
    feed = library.add_feed("https://cron.example/rss", "Cron Desk")
    library.store.upsert_entries(feed.id, [entry("k", "Bridge collapse", 2, KILLED)], NOW)
    assert library.index_facts() == 1
    calls = []
    monkeypatch.setattr(type(library), "index_all", lambda self: calls.append(1) or (0, 0))
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
    assert calls == []
