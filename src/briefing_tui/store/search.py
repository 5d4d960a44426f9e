"""Filling the full-text index from the queue that inserts and updates leave behind.

Schema v3 queues new and changed articles in `fts_pending` instead of indexing them inside
the refresh transaction (FTS5 costs about 10x a plain insert).  `index_pending` drains the
queue in batches, one short transaction each, so a refresh writing at the same moment only
waits for one batch.  A search drains the queue first, so results are never stale.
"""

from __future__ import annotations

import sqlite3

BATCH = 2_000


def has_pending(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT EXISTS (SELECT 1 FROM fts_pending)").fetchone()[0] == 1


def pending_count(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM fts_pending").fetchone()[0])


def index_batch(conn: sqlite3.Connection, batch: int = BATCH) -> int:
    """Inside a write transaction: index up to `batch` queued articles; returns how many."""
    row = conn.execute(
        "SELECT max(id), count(*) FROM (SELECT id FROM fts_pending ORDER BY id LIMIT ?)",
        (batch,),
    ).fetchone()
    last, count = row
    if not count:
        return 0
    conn.execute(
        "INSERT INTO articles_fts (rowid, title, body)"
        " SELECT a.id, a.title, a.body FROM fts_pending p JOIN articles a ON a.id = p.id"
        " WHERE p.id <= ?",
        (last,),
    )
    conn.execute("DELETE FROM fts_pending WHERE id <= ?", (last,))
    return int(count)
