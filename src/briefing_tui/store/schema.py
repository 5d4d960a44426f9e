"""The database layout and how an older file becomes the current one.

The schema version lives in `PRAGMA user_version`.  MIGRATIONS[n] turns a version-n file
into version n+1; each entry is a list of single statements (not a script, so the whole
step runs inside one BEGIN IMMEDIATE transaction and a crash leaves the old version).
Released steps are frozen: never edit one, append a new step instead.  Tests build a
version-1 file from MIGRATIONS[0] alone and check that opening it keeps the data.

Times are unix seconds (UTC) in INTEGER columns; NULL means unknown.  SQLite orders NULL
below every number, so `published DESC` puts undated articles last without extra work.
"""

from __future__ import annotations

import sqlite3

V1: list[str] = [
    """CREATE TABLE feeds (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL DEFAULT '',
        site_url TEXT NOT NULL DEFAULT '',
        etag TEXT,
        last_modified TEXT,
        last_attempt INTEGER,
        last_success INTEGER,
        last_error TEXT,
        failures INTEGER NOT NULL DEFAULT 0,
        retry_after INTEGER
    )""",
    """CREATE TABLE feed_tags (
        feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
        tag TEXT NOT NULL,
        pos INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (feed_id, tag)
    ) WITHOUT ROWID""",
    "CREATE INDEX feed_tags_tag ON feed_tags(tag COLLATE NOCASE)",
    # `key` is a 16-byte hash of the guid (else link, else content): a 1 MB guid or one
    # with NUL characters costs the unique index nothing.  `content_hash` tells an
    # updated article from a re-sent one without reading the body back.
    """CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
        key BLOB NOT NULL,
        content_hash BLOB NOT NULL,
        guid TEXT NOT NULL DEFAULT '',
        link TEXT NOT NULL DEFAULT '',
        title TEXT NOT NULL DEFAULT '',
        author TEXT NOT NULL DEFAULT '',
        published INTEGER,
        fetched_at INTEGER NOT NULL,
        read INTEGER NOT NULL DEFAULT 0,
        starred INTEGER NOT NULL DEFAULT 0,
        dismissed INTEGER NOT NULL DEFAULT 0,
        body TEXT NOT NULL DEFAULT '',
        UNIQUE (feed_id, key)
    )""",
    # Covering indexes: list queries never touch the table rows, which hold the bodies.
    """CREATE INDEX articles_newest
        ON articles(published, id, feed_id, read, starred, dismissed)""",
    """CREATE INDEX articles_by_feed
        ON articles(feed_id, published, id, read, starred, dismissed)""",
    "CREATE TABLE state (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    """CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, body, content='articles', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2'
    )""",
    """CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
    END""",
    """CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, body)
            VALUES ('delete', old.id, old.title, old.body);
    END""",
    """CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, body)
            VALUES ('delete', old.id, old.title, old.body);
        INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
    END""",
]

# v2: the fact index (badges per article, a severity score to sort on, the extractor
# version that produced them) and `changed_at`, when a known article got new content.
V2: list[str] = [
    "ALTER TABLE articles ADD COLUMN changed_at INTEGER",
    "ALTER TABLE articles ADD COLUMN facts_version INTEGER NOT NULL DEFAULT -1",
    "ALTER TABLE articles ADD COLUMN severity INTEGER",
    """CREATE TABLE badges (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        category TEXT NOT NULL,
        value INTEGER NOT NULL,
        approx TEXT NOT NULL,
        raw TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (article_id, category)
    ) WITHOUT ROWID""",
    "CREATE INDEX badges_by_value ON badges(category, value, article_id)",
    """CREATE INDEX articles_severity
        ON articles(severity, published, id, feed_id, read, starred, dismissed)""",
    "CREATE INDEX articles_facts_version ON articles(facts_version, id)",
]

# v3: the search index is filled after the refresh, not during it.  FTS5 costs about 10x a
# plain insert (PERFORMANCE.md), which is too much for the fetch path, so new and changed
# articles are queued in `fts_pending` and `Store.index_search()` indexes the queue (a search
# catches up first, so results are never stale).  A queued row is not in the index, so the
# triggers only remove from the index what was actually put there.
_UNINDEX_OLD = """INSERT INTO articles_fts(articles_fts, rowid, title, body)
        SELECT 'delete', old.id, old.title, old.body
        WHERE NOT EXISTS (SELECT 1 FROM fts_pending WHERE id = old.id);"""
V3: list[str] = [
    "CREATE TABLE fts_pending (id INTEGER PRIMARY KEY)",
    "DROP TRIGGER articles_fts_insert",
    "DROP TRIGGER articles_fts_update",
    "DROP TRIGGER articles_fts_delete",
    """CREATE TRIGGER articles_fts_queue AFTER INSERT ON articles BEGIN
        INSERT OR IGNORE INTO fts_pending(id) VALUES (new.id);
    END""",
    f"""CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body ON articles BEGIN
        {_UNINDEX_OLD}
        INSERT OR IGNORE INTO fts_pending(id) VALUES (new.id);
    END""",
    f"""CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        {_UNINDEX_OLD}
        DELETE FROM fts_pending WHERE id = old.id;
    END""",
]

# v4: keys of articles deleted by retention, so a feed that still lists them does not bring
# them back as new and unread on every refresh.  `seen_at` moves while the feed still sends
# the item; a tombstone unseen for a while (the item left the feed) is pruned.
V4: list[str] = [
    """CREATE TABLE retired (
        feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
        key BLOB NOT NULL,
        seen_at INTEGER NOT NULL,
        PRIMARY KEY (feed_id, key)
    ) WITHOUT ROWID""",
    "CREATE INDEX retired_seen ON retired(seen_at)",
]

MIGRATIONS: list[list[str]] = [V1, V2, V3, V4]
SCHEMA_VERSION = len(MIGRATIONS)


def user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, target: int = SCHEMA_VERSION) -> int:
    """Bring the file up to `target`, one committed step at a time; returns the old version.

    Each step re-reads the version inside its write lock, so two processes opening the same
    old file at once do not both run it.
    """
    start = user_version(conn)
    if start >= target:
        return start  # the common case: no write lock taken just to open
    while True:
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = user_version(conn)
            if version >= target:
                conn.execute("COMMIT")
                return start
            for statement in MIGRATIONS[version]:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {version + 1:d}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
