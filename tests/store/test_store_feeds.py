"""Subscriptions, tags, fetch bookkeeping, state, badges and retention."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from storehelp import NOW, make_entry

from briefing_tui.errors import DuplicateFeed, StoreError
from briefing_tui.models import FactBadge, HeadlineQuery


def test_add_list_update_remove(store):
    feed = store.add_feed(" https://a.test/rss ", "A", ["world", "World", " ", "eu  west"])
    assert (feed.url, feed.title, feed.tags) == ("https://a.test/rss", "A", ("world", "eu west"))
    with pytest.raises(DuplicateFeed, match="already subscribed"):
        store.add_feed("https://a.test/rss")
    assert isinstance(DuplicateFeed("x"), StoreError)
    other = store.add_feed("https://b.test/rss", tags=["Local"])
    assert store.tags() == ["eu west", "Local", "world"]
    store.update_feed(feed.id, title="A2", site_url="https://a.test/", tags=["x"])
    updated = store.feed(feed.id)
    assert (updated.title, updated.site_url, updated.tags) == ("A2", "https://a.test/", ("x",))
    store.update_feed(feed.id, url="https://a.test/new")
    assert store.feed_by_url("https://a.test/new").id == feed.id
    with pytest.raises(DuplicateFeed):
        store.update_feed(feed.id, url="https://b.test/rss")
    assert store.feed_by_url("https://a.test/rss") is None
    store.upsert_entries(other.id, [make_entry(1)], NOW)
    store.remove_feed(other.id)
    assert [f.id for f in store.feeds()] == [feed.id]
    assert store.conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 0
    assert store.conn.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == 0
    assert store.tags() == ["x"]


def test_fetch_outcomes(store, feed):
    later = NOW + timedelta(minutes=5)
    store.record_failure(feed.id, when=NOW, error="HTTP 503\nfrom server", retry_after=later)
    store.record_failure(feed.id, when=NOW, error="timed out", retry_after=later)
    failed = store.feed(feed.id)
    assert (failed.failures, failed.last_error, failed.retry_after) == (2, "timed out", later)
    assert failed.last_attempt == NOW and failed.last_success is None
    store.record_failure(feed.id, when=NOW, error="a\nb", retry_after=None)
    assert store.feed(feed.id).last_error == "a b"  # always one line
    store.record_success(feed.id, when=later, etag='"abc"', last_modified="Sun, 01 Mar 2026")
    ok = store.feed(feed.id)
    assert (ok.failures, ok.last_error, ok.retry_after, ok.last_success) == (0, None, None, later)
    assert (ok.etag, ok.last_modified) == ('"abc"', "Sun, 01 Mar 2026")
    store.record_not_modified(feed.id, when=later + timedelta(hours=1))
    kept = store.feed(feed.id)
    assert kept.etag == '"abc"' and kept.last_success == later + timedelta(hours=1)


def test_state_round_trip(store):
    assert store.get_state("last_article") is None
    store.set_state("last_article", "12")
    store.set_state("last_article", "13")
    assert store.get_state("last_article") == "13"


def test_badges_replace_and_facts_queue(store, feed):
    ids = store.upsert_entries(feed.id, [make_entry(i) for i in range(3)], NOW).new_ids
    assert [row[0] for row in store.articles_needing_facts(2, limit=2)] == list(ids[:2])
    store.set_badges(ids[0], [FactBadge("deaths", 4, "exact", "four")], 2)
    store.set_badges(ids[0], [FactBadge("injuries", 9, "at_least", "at least 9")], 2)
    (headline,) = store.headlines_by_ids([ids[0]])
    assert headline.badges == (FactBadge("injuries", 9, "at_least", "at least 9"),)
    assert [row[0] for row in store.articles_needing_facts(2)] == list(ids[1:])
    # A new extractor version queues everything again.
    assert len(store.articles_needing_facts(3)) == 3


def test_retention_caps_and_ages_but_never_starred(store, feed):
    old = [make_entry(100 + i, published=NOW - timedelta(days=40 + i)) for i in range(3)]
    fresh = [make_entry(i) for i in range(5)]
    fetched_long_ago = NOW - timedelta(days=60)
    old_ids = store.upsert_entries(feed.id, old, fetched_long_ago).new_ids
    fresh_ids = store.upsert_entries(feed.id, fresh, NOW).new_ids
    store.set_starred([old_ids[2], fresh_ids[4]], True)
    assert store.apply_retention(max_per_feed=0, max_age_days=0, now=NOW) == 0
    assert store.apply_retention(max_per_feed=None, max_age_days=None, now=NOW) == 0
    # Age: the two unstarred old ones go; the starred old one stays.
    assert store.apply_retention(max_per_feed=None, max_age_days=30, now=NOW) == 2
    # Cap 2: keep the two newest unstarred (fresh 0 and 1), delete fresh 2 and 3.
    assert store.apply_retention(max_per_feed=2, max_age_days=None, now=NOW) == 2
    left = set(store.headline_ids(HeadlineQuery()))
    assert left == {fresh_ids[0], fresh_ids[1], fresh_ids[4], old_ids[2]}
    assert store.conn.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == 4
    assert store.apply_retention(max_per_feed=1, max_age_days=10**9, now=NOW) == 1


def test_retired_articles_do_not_come_back(store, feed):
    entries = [make_entry(i) for i in range(6)]
    ids = store.upsert_entries(feed.id, entries, NOW).new_ids
    assert store.apply_retention(max_per_feed=2, max_age_days=None, now=NOW) == 4
    # The feed still lists all six: the four deleted ones are not new again.
    again = store.upsert_entries(feed.id, entries, NOW + timedelta(hours=1))
    assert again.new_ids == () and again.updated_ids == ()
    assert store.feed(feed.id).article_count == 2
    # While the feed keeps sending them, their tombstones stay fresh.
    later = NOW + timedelta(days=40)
    store.upsert_entries(feed.id, entries[4:], later)
    store.apply_retention(max_per_feed=2, max_age_days=None, now=later)
    # Entries 2 and 3 were not seen for 40 days: forgotten, so they could return.
    back = store.upsert_entries(feed.id, entries, later).new_ids
    assert len(back) == 2 and set(back).isdisjoint(ids[4:])
    assert store.article(back[0]).guid in ("g2", "g3")


def test_search_index_queue_stays_consistent(store, feed):
    ids = store.upsert_entries(feed.id, [make_entry(i) for i in range(20)], NOW).new_ids
    assert store.search_pending() == 20  # indexing is deferred off the write path...
    assert store.index_search(batch=7) == 20  # ...and drained in batches
    assert store.search_pending() == 0
    # Changes to indexed rows and to rows still queued, then deletes of both kinds.
    store.upsert_entries(feed.id, [make_entry(3, body="changed words")], NOW)
    assert store.headline_ids(HeadlineQuery(search="changed")) == [ids[3]]
    store.upsert_entries(feed.id, [make_entry(3, body="edited again")], NOW)
    newer = [make_entry(i, published=NOW + timedelta(hours=i)) for i in range(20, 30)]
    more = store.upsert_entries(feed.id, newer, NOW).new_ids
    store.upsert_entries(feed.id, [replace(newer[5], title="queued then changed")], NOW)
    assert store.search_pending() == 11
    # Keep the 10 newest: deletes indexed rows and the changed (re-queued) ids[3].
    assert store.apply_retention(max_per_feed=10, max_age_days=None, now=NOW) == 20
    # A search drains the queue first, so it never misses a new article.
    assert store.headline_ids(HeadlineQuery(search="queued")) == [more[5]]
    assert store.search_pending() == 0
    # FTS5 compares its index with the articles table and raises if they disagree.
    store.conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
    assert len(store.headline_ids(HeadlineQuery(search="headline"))) == 9
    assert store.headline_ids(HeadlineQuery(search="edited")) == []  # deleted with its row
