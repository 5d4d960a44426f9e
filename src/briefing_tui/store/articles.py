"""Writing a feed's entries: deduplicate, insert what is new, update what changed.

Identity of an entry within its feed: its guid, else its link, else a hash of title and
body (the key is hashed, so its length and content never matter).  Known key, different
title/link/body: the text is updated, read/starred/dismissed are left alone, `changed_at`
records when, and the fact badges are marked stale so they are recomputed.  Known key,
same text: nothing is written.  All of it runs in the caller's single transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from briefing_tui.models import ParsedEntry, UpsertResult
from briefing_tui.sanitize import MAX_BODY, MAX_TITLE, MAX_URL
from briefing_tui.store.rows import MAX_SHORT, digest, fit, to_ts

_CHUNK = 500


def entry_key(entry: ParsedEntry) -> bytes:
    if entry.guid:
        return digest("g", entry.guid)
    if entry.link:
        return digest("l", entry.link)
    return digest("h", entry.title or "", entry.body or "")


def _row(entry: ParsedEntry) -> dict:
    title = fit(entry.title, MAX_TITLE)
    link = fit(entry.link, MAX_URL)
    body = fit(entry.body, MAX_BODY)
    return {
        "guid": fit(entry.guid, MAX_URL),
        "link": link,
        "title": title,
        "author": fit(entry.author, MAX_SHORT),
        "published": to_ts(entry.published),
        "body": body,
        "content_hash": digest(title, link, body),
    }


def upsert(
    conn: sqlite3.Connection, feed_id: int, entries: Sequence[ParsedEntry], now: int
) -> UpsertResult:
    """Apply `entries` to feed `feed_id` (inside an open write transaction)."""
    if conn.execute("SELECT 1 FROM feeds WHERE id = ?", (feed_id,)).fetchone() is None:
        return UpsertResult()  # the feed was removed while it was being refreshed
    batch: dict[bytes, ParsedEntry] = {}
    for entry in entries:
        batch.setdefault(entry_key(entry), entry)  # a feed listing an item twice: first wins
    known = _known(conn, feed_id, list(batch))
    _skip_retired(conn, feed_id, batch, now)
    new_ids: list[int] = []
    updated_ids: list[int] = []
    for key, entry in batch.items():
        row = _row(entry)
        if key not in known:
            new_ids.append(_insert(conn, feed_id, key, row, now))
            continue
        article_id, content_hash = known[key]
        if content_hash != row["content_hash"]:
            _update(conn, article_id, row, now)
            updated_ids.append(article_id)
    return UpsertResult(tuple(new_ids), tuple(updated_ids))


def _known(conn: sqlite3.Connection, feed_id: int, keys: list[bytes]) -> dict:
    known: dict[bytes, tuple[int, bytes]] = {}
    for start in range(0, len(keys), _CHUNK):
        chunk = keys[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        for key, article_id, content_hash in conn.execute(
            f"SELECT key, id, content_hash FROM articles WHERE feed_id = ? AND key IN ({marks})",
            (feed_id, *chunk),
        ):
            known[key] = (article_id, content_hash)
    return known


def _skip_retired(conn: sqlite3.Connection, feed_id: int, batch: dict, now: int) -> None:
    """Drop entries that retention deleted before from `batch`, noting they were seen."""
    keys = list(batch)
    for start in range(0, len(keys), _CHUNK):
        chunk = keys[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        retired = conn.execute(
            f"UPDATE retired SET seen_at = ? WHERE feed_id = ? AND key IN ({marks}) RETURNING key",
            (now, feed_id, *chunk),
        ).fetchall()
        for (key,) in retired:
            batch.pop(key, None)


def _insert(conn: sqlite3.Connection, feed_id: int, key: bytes, row: dict, now: int) -> int:
    cur = conn.execute(
        "INSERT INTO articles (feed_id, key, content_hash, guid, link, title, author,"
        " published, fetched_at, body)"
        " VALUES (:feed_id, :key, :content_hash, :guid, :link, :title, :author,"
        " :published, :now, :body)",
        {**row, "feed_id": feed_id, "key": key, "now": now},
    )
    return int(cur.lastrowid)


def _update(conn: sqlite3.Connection, article_id: int, row: dict, now: int) -> None:
    conn.execute(
        "UPDATE articles SET content_hash = :content_hash, guid = :guid, link = :link,"
        " title = :title, author = :author, published = COALESCE(:published, published),"
        " body = :body, changed_at = :now, facts_version = -1"
        " WHERE id = :id",
        {**row, "id": article_id, "now": now},
    )


TOMBSTONE_DAYS = 30
"""A retired key not sent by its feed for this long is forgotten."""


def retire(
    conn: sqlite3.Connection, *, max_per_feed: int | None, cutoff: int | None, now: int
) -> int:
    """Delete unstarred articles beyond the per-feed cap or older than `cutoff`, keeping
    their keys (see schema v4) so the feed cannot resend them as new."""
    doomed = []
    if cutoff is not None:
        doomed.append(
            ("starred = 0 AND fetched_at < ? AND COALESCE(published, fetched_at) < ?",
             (cutoff, cutoff))
        )  # fmt: skip
    if max_per_feed:
        doomed.append(
            (
                "id IN (SELECT id FROM (SELECT id, row_number() OVER ("
                " PARTITION BY feed_id ORDER BY published DESC, id DESC) AS n"
                " FROM articles WHERE starred = 0) WHERE n > ?)",
                (int(max_per_feed),),
            )
        )
    removed = 0
    for where, params in doomed:
        conn.execute(
            "INSERT OR REPLACE INTO retired (feed_id, key, seen_at)"
            f" SELECT feed_id, key, ? FROM articles WHERE {where}",
            (now, *params),
        )
        removed += conn.execute(f"DELETE FROM articles WHERE {where}", params).rowcount
    conn.execute("DELETE FROM retired WHERE seen_at < ?", (now - TOMBSTONE_DAYS * 86400,))
    return removed
