"""Writing entries: dedupe keys, updates that keep state, hostile sizes and dates."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from storehelp import NOW, make_entry

from briefing_tui.models import FactBadge, HeadlineQuery, ParsedEntry
from briefing_tui.sanitize import MAX_BODY, MAX_TITLE


def _count(store):
    return store.conn.execute("SELECT count(*) FROM articles").fetchone()[0]


def test_new_entries_are_inserted_and_resent_ones_ignored(store, feed):
    entries = [make_entry(i) for i in range(3)]
    first = store.upsert_entries(feed.id, entries, NOW)
    assert len(first.new_ids) == 3 and first.updated_ids == ()
    again = store.upsert_entries(feed.id, entries, NOW + timedelta(hours=1))
    assert again.new_ids == () and again.updated_ids == ()
    assert _count(store) == 3
    stored = store.article(first.new_ids[0])
    assert (stored.guid, stored.title, stored.fetched_at) == ("g0", "Headline 0", NOW)
    assert stored.changed_at is None


def test_dedupe_by_guid_then_link_then_content(store, feed):
    by_guid = [make_entry(1), make_entry(1, link="https://elsewhere.test/moved")]
    by_link = [make_entry(2, guid=""), make_entry(2, guid="", title="Headline 2")]
    by_hash = [
        make_entry(3, guid="", link="", title="Same", body="Same body"),
        make_entry(3, guid="", link="", title="Same", body="Same body"),
        make_entry(4, guid="", link="", title="Same", body="Other body"),
    ]
    result = store.upsert_entries(feed.id, by_guid + by_link + by_hash, NOW)
    assert len(result.new_ids) == 4  # g1, link 2, hash(Same/Same body), hash(Same/Other)
    # The guid is the identity: the same guid with a new link is an update, not a new row.
    moved = store.upsert_entries(feed.id, [make_entry(1, link="https://new.test/1")], NOW)
    assert moved.new_ids == () and len(moved.updated_ids) == 1
    assert store.article(moved.updated_ids[0]).link == "https://new.test/1"
    # Keys are per feed: the same guid in another feed is another article.
    other = store.add_feed("https://other.test/feed")
    assert len(store.upsert_entries(other.id, [make_entry(1)], NOW).new_ids) == 1


def test_update_keeps_state_sets_changed_at_and_resets_facts(store, feed):
    (article_id,) = store.upsert_entries(feed.id, [make_entry(1)], NOW).new_ids
    store.set_read([article_id], True)
    store.set_starred([article_id], True)
    store.set_dismissed([article_id], True)
    store.set_badges(article_id, [FactBadge("deaths", 3, "exact", "three")], version=5)
    assert store.articles_needing_facts(5) == []
    later = NOW + timedelta(hours=2)
    changed = make_entry(1, title="Headline 1 (updated)", body="Death toll rises to 12.")
    result = store.upsert_entries(feed.id, [changed], later)
    assert result.updated_ids == (article_id,) and result.new_ids == ()
    article = store.article(article_id)
    assert article.title == "Headline 1 (updated)" and article.body == "Death toll rises to 12."
    assert (article.read, article.starred, article.dismissed) == (True, True, True)
    assert article.changed_at == later and article.fetched_at == NOW
    assert store.articles_needing_facts(5) == [(article_id, changed.title, changed.body)]
    # The search index follows the new text and forgets the old.
    assert store.headline_ids(HeadlineQuery(search="toll", include_dismissed=True)) == [article_id]
    assert store.headline_ids(HeadlineQuery(search="Body", include_dismissed=True)) == []


def test_huge_and_hostile_fields_are_capped_and_harmless(store, feed):
    huge_guid = "x" * 1_000_000
    hostile = ParsedEntry(
        guid=huge_guid + "\x00tail",
        link="https://example.test/\x00nul",
        title="T" * (MAX_TITLE * 5) + "\x00",
        body="B" * (MAX_BODY * 2),
        author="lone surrogate \ud800 here",
    )
    (article_id,) = store.upsert_entries(feed.id, [hostile], NOW).new_ids
    article = store.article(article_id)
    assert len(article.title) == MAX_TITLE and len(article.body) == MAX_BODY
    assert "\x00" not in article.guid + article.link + article.title
    assert len(article.guid) <= 4096 and "\ud800" not in article.author
    # A guid that differs only after the stored cap is still another article (full hash).
    other = ParsedEntry(guid=huge_guid + "\x00other", link="", title="t2")
    assert len(store.upsert_entries(feed.id, [other], NOW).new_ids) == 1
    assert len(store.upsert_entries(feed.id, [hostile], NOW).new_ids) == 0


def test_sql_looking_text_is_just_text(store, feed):
    title = "'); DROP TABLE articles; -- %_\\"
    (article_id,) = store.upsert_entries(feed.id, [make_entry(1, title=title)], NOW).new_ids
    assert store.article(article_id).title == title
    assert _count(store) == 1


def test_dates_any_year_and_missing_sort_deterministically(store, feed):
    entries = [
        make_entry(1, published=None),
        make_entry(2, published=datetime(1, 1, 1, tzinfo=UTC)),
        make_entry(3, published=datetime(9999, 12, 31, 23, 59, tzinfo=UTC)),
        make_entry(4, published=datetime(2026, 1, 1)),  # naive: taken as UTC
        make_entry(5, published=None),
    ]
    ids = store.upsert_entries(feed.id, entries, NOW).new_ids
    order = store.headline_ids(HeadlineQuery())
    # Newest first, undated last, ties (both undated) by id descending.
    assert order == [ids[2], ids[3], ids[1], ids[4], ids[0]]
    assert store.article(ids[1]).published == datetime(1, 1, 1, tzinfo=UTC)
    assert store.article(ids[3]).published == datetime(2026, 1, 1, tzinfo=UTC)
    assert store.headline_ids(HeadlineQuery()) == order


def test_upsert_into_removed_feed_is_a_no_op(store, feed):
    store.remove_feed(feed.id)
    assert store.upsert_entries(feed.id, [make_entry(1)], NOW).new_ids == ()
    assert _count(store) == 0


def test_large_batch_in_one_call(store, feed):
    entries = [make_entry(i) for i in range(1_500)]  # more keys than one IN () chunk
    assert len(store.upsert_entries(feed.id, entries, NOW).new_ids) == 1_500
    assert store.upsert_entries(feed.id, entries, NOW).new_ids == ()
    assert store.feeds()[0].article_count == 1_500
