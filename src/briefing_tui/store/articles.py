"""Writing a feed's entries: deduplicate, insert what is new, update what changed.

Identity of an entry within its feed: its guid, else its link, else a hash of title and
body (the key is hashed, so its length and content never matter).  Known key, different
title/link/body: the text is updated, read/starred/dismissed are left alone, `changed_at`
records when, and the fact badges are marked stale so they are recomputed.  Known key,
same text: nothing is written.  All of it runs in the caller's single transaction.

Badges extracted before storing (a first fetch extracts them in the parse worker) are
written with the insert: the row gets its facts_version and severity as it is created,
instead of a second pass that rewrote every new row (body included) in its own transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from briefing_tui.models import FactBadge, ParsedEntry, UpsertResult
from briefing_tui.sanitize import MAX_BODY, MAX_TITLE, MAX_URL
from briefing_tui.store.badges import insert_badges
from briefing_tui.store.queries import severity_score
from briefing_tui.store.rows import MAX_SHORT, digest, fit, to_ts

Badges = Sequence[tuple[FactBadge, ...]]
NO_FACTS = -1
"""facts_version of an article whose badges are not extracted yet."""

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
    conn: sqlite3.Connection,
    feed_id: int,
    entries: Sequence[ParsedEntry],
    now: int,
    badges: Badges | None = None,
    facts_version: int = NO_FACTS,
) -> UpsertResult:
    """Apply `entries` to feed `feed_id` (inside an open write transaction).

    `badges`, when given, holds each entry's badges (same order) extracted by extractor
    `facts_version` from exactly `entry.body`; a new article whose body the store has to
    cut gets none (its stored text differs), and the fact index extracts it later."""
    if conn.execute("SELECT 1 FROM feeds WHERE id = ?", (feed_id,)).fetchone() is None:
        return UpsertResult()  # the feed was removed while it was being refreshed
    if badges is not None and len(badges) != len(entries):
        badges = None
    batch: dict[bytes, tuple[int, ParsedEntry]] = {}
    for i, entry in enumerate(entries):
        batch.setdefault(entry_key(entry), (i, entry))  # an item listed twice: first wins
    known = _known(conn, feed_id, list(batch))
    _skip_retired(conn, feed_id, batch, now)
    new_ids: list[int] = []
    updated_ids: list[int] = []
    for key, (i, entry) in batch.items():
        row = _row(entry)
        if key not in known:
            found = None
            if badges is not None and row["body"] == entry.body:
                found = badges[i]
            new_ids.append(_insert(conn, feed_id, key, row, now, found, facts_version))
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


def _insert(
    conn: sqlite3.Connection,
    feed_id: int,
    key: bytes,
    row: dict,
    now: int,
    badges: tuple[FactBadge, ...] | None,
    facts_version: int,
) -> int:
    indexed = badges is not None
    cur = conn.execute(
        "INSERT INTO articles (feed_id, key, content_hash, guid, link, title, author,"
        " published, fetched_at, body, facts_version, severity)"
        " VALUES (:feed_id, :key, :content_hash, :guid, :link, :title, :author,"
        " :published, :now, :body, :facts_version, :severity)",
        {
            **row,
            "feed_id": feed_id,
            "key": key,
            "now": now,
            "facts_version": int(facts_version) if indexed else NO_FACTS,
            "severity": severity_score(badges) if badges else None,
        },
    )
    article_id = int(cur.lastrowid)
    if badges:
        insert_badges(conn, article_id, badges)
    return article_id


def _update(conn: sqlite3.Connection, article_id: int, row: dict, now: int) -> None:
    conn.execute(
        "UPDATE articles SET content_hash = :content_hash, guid = :guid, link = :link,"
        " title = :title, author = :author, published = COALESCE(:published, published),"
        " body = :body, changed_at = :now, facts_version = -1"  # NO_FACTS
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
