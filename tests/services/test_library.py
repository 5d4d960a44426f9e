"""The Library on a real SQLite file: threads, subscriptions, sample, facts, refresh."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from briefing_tui.errors import DuplicateFeed, StoreCorrupt
from briefing_tui.facts import extract_facts, summarize
from briefing_tui.models import HeadlineQuery, ParsedEntry
from briefing_tui.sample import SAMPLE_FEEDS
from briefing_tui.services.library import Library
from briefing_tui.services.settings import GeneralSettings, RetentionSettings, Settings

NOW = datetime(2026, 3, 1, tzinfo=UTC)
BODY = (
    "At least 18 people were killed and 40 injured when floodwaters swept through the "
    "valley on Tuesday, officials said. Police arrested 12 looters overnight."
)


@pytest.fixture
def library(tmp_path):
    lib = Library(tmp_path / "briefing.db", Settings())
    yield lib
    lib.close()


def _seed(library, n=5):
    feed = library.add_feed("https://a.test/rss", "A", ["world"])
    entries = [
        ParsedEntry(guid=f"g{i}", link=f"https://a.test/{i}", title=f"Story {i}", body=BODY)
        for i in range(n)
    ]
    return feed, library.store.upsert_entries(feed.id, entries, NOW).new_ids


def test_subscriptions(library):
    feed = library.add_feed("https://a.test/rss", "A", ["world"])
    with pytest.raises(DuplicateFeed):
        library.add_feed("https://a.test/rss")
    library.update_feed(feed.id, title="A!", tags=["world", "eu"])
    assert library.feed_by_url("https://a.test/rss").title == "A!"
    assert library.tags() == ["eu", "world"]
    other = library.add_feed("https://b.test/rss")
    assert library.remove_feed(str(other.id)).url == "https://b.test/rss"
    assert library.remove_feed("https://a.test/rss").id == feed.id
    assert library.remove_feed("https://a.test/rss") is None
    assert library.remove_feed("12345") is None
    assert library.feeds() == []


def test_reading_triage_and_state(library):
    feed, ids = _seed(library)
    assert library.unread_count() == 5
    library.set_read(ids[:2], True)
    library.set_starred([ids[0]], True)
    library.set_dismissed([ids[4]], True)
    assert library.unread_count() == 2
    visible = library.headline_ids(HeadlineQuery())
    assert ids[4] not in visible and len(visible) == 4
    assert [h.id for h in library.headlines_by_ids(visible[:2])] == visible[:2]
    assert library.article(ids[0]).starred
    library.set_state("last_article", str(ids[0]))
    assert library.get_state("last_article") == str(ids[0])
    assert library.last_refresh() is None


def test_facts_come_from_the_body(library):
    _feed, ids = _seed(library, 1)
    article = library.article(ids[0])
    assert library.facts(article) == summarize(extract_facts(BODY))


def test_used_from_several_threads(library):
    _feed, ids = _seed(library, 50)
    stores, errors = set(), []

    def work(offset):
        try:
            for i in range(offset, 50, 4):
                library.set_read([ids[i]], True)
                library.set_starred([ids[i]], True)
                assert library.headlines_by_ids([ids[i]])[0].read
                library.headline_ids(HeadlineQuery(unread_only=True))
            stores.add(id(library.store))
        except Exception as exc:  # collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(stores) == 4 and id(library.store) not in stores  # one connection per thread
    assert library.unread_count() == 0
    assert len(library.headline_ids(HeadlineQuery(starred_only=True))) == 50


def test_connections_of_finished_threads_are_closed(library):
    seen = []
    for _ in range(3):
        t = threading.Thread(target=lambda: seen.append(library.store))
        t.start()
        t.join()
    assert all(s._conn is None for s in seen[:-1])  # closed when the next thread opened
    library.close()
    assert seen[-1]._conn is None
    assert library.feeds() == []  # usable again after close(): reopens lazily


def test_ensure_sample_only_when_empty_and_allowed(tmp_path):
    off = Settings(general=replace(GeneralSettings(), sample_when_empty=False))
    with_off = Library(tmp_path / "off.db", off)
    assert with_off.ensure_sample() is False and with_off.feeds() == []
    with_off.close()
    lib = Library(tmp_path / "on.db", Settings())
    assert lib.ensure_sample() is True
    assert {f.url for f in lib.feeds()} == {s.url for s in SAMPLE_FEEDS}
    assert lib.ensure_sample() is False  # already has feeds
    for feed in lib.feeds():
        lib.remove_feed(str(feed.id))
    assert lib.ensure_sample() is False  # removed on purpose: not offered again
    assert lib.feeds() == []
    lib.close()


def test_refresh_loads_the_sample_offline(tmp_path):
    lib = Library(tmp_path / "briefing.db", Settings())
    lib.ensure_sample()
    report = lib.refresh()
    assert report.new_total >= 15
    assert lib.unread_count() == report.new_total
    assert lib.last_refresh() is not None
    lib.close()


def test_retention_from_settings(tmp_path):
    settings = Settings(retention=RetentionSettings(max_articles_per_feed=2))
    lib = Library(tmp_path / "briefing.db", settings)
    _feed, ids = _seed(lib, 5)
    lib.set_starred([ids[0]], True)
    assert lib.apply_retention(NOW) == 2  # 4 unstarred, keep 2; the starred one stays
    assert ids[0] in lib.headline_ids(HeadlineQuery())
    lib.close()


def test_damaged_file_is_reported_at_construction(tmp_path):
    path = tmp_path / "briefing.db"
    path.write_bytes(b"garbage" * 100)
    with pytest.raises(StoreCorrupt):
        Library(path, Settings())
    assert list(tmp_path.glob("briefing.db.corrupt-*"))


def test_state_persists_across_restarts(tmp_path):
    first = Library(tmp_path / "briefing.db", Settings())
    _feed, ids = _seed(first, 3)
    first.set_read([ids[0]], True)
    first.set_starred([ids[1]], True)
    first.set_dismissed([ids[2]], True)
    first.set_state("last_article", str(ids[1]))
    first.close()
    again = Library(tmp_path / "briefing.db", Settings())
    a, b, c = (again.article(i) for i in ids)
    assert (a.read, b.starred, c.dismissed) == (True, True, True)
    assert again.get_state("last_article") == str(ids[1])
    assert again.index_search() == 3 and again.headline_ids(HeadlineQuery(search="floodwaters"))
    again.close()
