"""Opening the file: pragmas, migrations from v1, newer files, damaged files, bad folders."""

from __future__ import annotations

import os
import sqlite3

import pytest
from storehelp import NOW, make_entry

from briefing_tui.errors import StoreCorrupt, StoreError, StoreTooNew
from briefing_tui.models import HeadlineQuery
from briefing_tui.store import Store
from briefing_tui.store.schema import MIGRATIONS, SCHEMA_VERSION


def test_new_file_is_configured(tmp_path):
    path = tmp_path / "sub" / "dir" / "briefing.db"
    with Store(path) as store:
        conn = store.conn
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert path.exists()


def _make_v1(path):
    """A version-1 file as the first release wrote it, with some user data in it."""
    conn = sqlite3.connect(path, isolation_level=None)
    for statement in MIGRATIONS[0]:
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    conn.execute("INSERT INTO feeds (id, url, title) VALUES (1, 'https://old.test/rss', 'Old')")
    conn.execute("INSERT INTO feed_tags (feed_id, tag, pos) VALUES (1, 'legacy', 0)")
    conn.execute(
        "INSERT INTO articles (id, feed_id, key, content_hash, guid, link, title, body,"
        " published, fetched_at, read, starred)"
        " VALUES (7, 1, x'00', x'00', 'old-1', 'https://old.test/1', 'Quake shakes coast',"
        " 'A strong quake shook the coast.', 1700000000, 1700000100, 1, 1)"
    )
    conn.execute("INSERT INTO state (key, value) VALUES ('last_article', '7')")
    conn.close()


def test_migrates_v1_file_keeping_data(tmp_path):
    path = tmp_path / "briefing.db"
    _make_v1(path)
    with Store(path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        article = store.article(7)
        assert article is not None
        assert (article.title, article.read, article.starred) == ("Quake shakes coast", 1, 1)
        assert article.changed_at is None  # column added by v2, empty for old rows
        assert store.get_state("last_article") == "7"
        assert [f.tags for f in store.feeds()] == [("legacy",)]
        # FTS built by v1 triggers still answers; v2's fact index works on old rows.
        assert store.headline_ids(HeadlineQuery(search="quake")) == [7]
        assert [row[0] for row in store.articles_needing_facts(1)] == [7]
        store.set_badges(7, [], 1)
        assert store.articles_needing_facts(1) == []


def test_newer_file_is_refused_and_untouched(tmp_path):
    path = tmp_path / "briefing.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE future (x)")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreTooNew, match="newer briefing-tui"):
        Store(path)
    assert path.read_bytes() == before
    assert not (tmp_path / "briefing.db-wal").exists()


@pytest.mark.parametrize(
    "content",
    [b"this is not a database at all\n" * 100, b"SQLite format 3\x00" + b"\xff" * 4000],
    ids=["text", "bad-pages"],
)
def test_damaged_file_is_moved_aside_with_its_bytes(tmp_path, content):
    path = tmp_path / "briefing.db"
    path.write_bytes(content)
    with pytest.raises(StoreCorrupt) as raised:
        Store(path)
    message = str(raised.value)
    assert "\n" not in message
    kept = list(tmp_path.glob("briefing.db.corrupt-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == content
    assert str(kept[0]) in message
    # The next start gets a fresh, working cache.
    with Store(path) as store:
        assert store.feeds() == []


def test_empty_file_is_a_new_database(tmp_path):
    path = tmp_path / "briefing.db"
    path.write_bytes(b"")
    with Store(path) as store:
        assert store.unread_count() == 0


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores directory permissions")
def test_unwritable_folder_is_a_clear_error(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(StoreError, match="ro"):
            Store(folder / "briefing.db")
    finally:
        folder.chmod(0o700)


def test_folder_that_is_a_file_is_a_clear_error(tmp_path):
    blocker = tmp_path / "data"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError, match="cannot create data folder"):
        Store(blocker / "briefing.db")


def test_read_only_database_file_is_a_clear_error(tmp_path):
    path = tmp_path / "briefing.db"
    Store(path).close()
    for name in ("briefing.db-wal", "briefing.db-shm"):
        (tmp_path / name).unlink(missing_ok=True)
    path.chmod(0o400)
    try:
        if os.geteuid() == 0:
            pytest.skip("root can write read-only files")
        with pytest.raises(StoreError, match="cannot use database"):
            store = Store(path)
            store.set_state("k", "v")
    finally:
        path.chmod(0o600)


def test_closed_store_raises_store_error(tmp_path):
    store = Store(tmp_path / "briefing.db")
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.feeds()


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="needs Linux /proc")
def test_unwritable_location_even_for_root():
    # /proc refuses new files for every user, root included.
    with pytest.raises(StoreError, match="cannot use database /proc/self/briefing.db"):
        Store("/proc/self/briefing.db")
    with pytest.raises(StoreError, match="cannot create data folder"):
        Store("/proc/self/no-such-dir/briefing.db")


def test_damage_found_while_running_is_checked_and_moved_aside_on_next_open(tmp_path):
    path = tmp_path / "briefing.db"
    with Store(path) as store:
        feed = store.add_feed("https://a.test/rss")
        store.upsert_entries(feed.id, [make_entry(i, body="x " * 2000) for i in range(50)], NOW)
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) > 10 * page
    half = len(data) // page // 2 * page
    data[half:] = b"\xa5" * (len(data) - half)  # the article pages written last
    path.write_bytes(bytes(data))
    store = Store(path)  # header and schema are intact: opening is cheap and succeeds
    with pytest.raises(StoreCorrupt, match="restart briefing") as raised:
        store.articles_needing_facts(1, limit=100)  # reads every body
    assert "\n" not in str(raised.value)
    store.close()
    with pytest.raises(StoreCorrupt, match="integrity check"):
        Store(path)  # the marker made this open check the whole file
    kept = list(tmp_path.glob("briefing.db.corrupt-*"))
    assert [k.read_bytes() for k in kept if not k.name.endswith(("-wal", "-shm"))] == [data]
    with Store(path) as fresh:
        assert fresh.feeds() == []
    assert not (tmp_path / "briefing.db.check").exists()


def test_failed_write_is_a_store_error_not_sqlite(tmp_path):
    store = Store(tmp_path / "briefing.db")
    store.conn.execute("PRAGMA query_only = ON")  # stands in for a read-only file system
    with pytest.raises(StoreError, match="cannot use database"):
        store.set_state("k", "v")
    store.conn.execute("PRAGMA query_only = OFF")
    store.set_state("k", "v")
    assert store.get_state("k") == "v"
    store.close()


def test_failing_migration_leaves_the_file_in_place(tmp_path):
    path = tmp_path / "briefing.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE unrelated (x)")
    conn.execute("PRAGMA user_version = 1")  # claims v1 but lacks its tables
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="cannot use database") as raised:
        Store(path)
    assert not isinstance(raised.value, StoreCorrupt)
    assert path.exists() and not list(tmp_path.glob("*.corrupt-*"))
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1  # step rolled back whole
    conn.close()


def test_a_full_disk_is_a_store_error_and_keeps_what_was_stored(tmp_path):
    store = Store(tmp_path / "briefing.db")
    feed = store.add_feed("https://full.example/rss")
    store.upsert_entries(feed.id, [make_entry(n) for n in range(5)], NOW)
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count = {pages + 2}")  # stands in for a full disk
    big = [make_entry(n, body="x" * 50_000) for n in range(100, 140)]
    with pytest.raises(StoreError) as caught:
        store.upsert_entries(feed.id, big, NOW)
    assert not isinstance(caught.value, StoreCorrupt)
    assert "\n" not in str(caught.value)
    assert len(store.headline_ids(HeadlineQuery())) == 5  # the failed batch left nothing half-done
    assert store.integrity_check()
    store.close()
    with Store(tmp_path / "briefing.db") as again:  # the file was not moved aside
        assert len(again.headline_ids(HeadlineQuery())) == 5
