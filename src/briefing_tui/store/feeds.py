"""Subscriptions: the feed rows, their tags and what the last fetch left behind.

Tags live in their own table (ordered by `pos`, so an OPML round trip keeps the user's
order) because the list filters by tag and `tags()` lists every distinct one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from briefing_tui.errors import DuplicateFeed
from briefing_tui.models import Feed
from briefing_tui.sanitize import MAX_TITLE, MAX_URL
from briefing_tui.store.rows import (
    FEED_COLUMNS,
    FEED_TITLE_SQL,
    MAX_SHORT,
    feed_from_row,
    fit,
)

MAX_TAG = 100


def clean_tags(tags: Sequence[str]) -> list[str]:
    out: list[str] = []
    for tag in tags:
        tag = " ".join(fit(tag, MAX_TAG).split())
        if tag and tag.casefold() not in {t.casefold() for t in out}:
            out.append(tag)
    return out


def add(conn: sqlite3.Connection, url: str, title: str, tags: Sequence[str]) -> int:
    url = fit(url.strip(), MAX_URL)
    try:
        cur = conn.execute(
            "INSERT INTO feeds (url, title) VALUES (?, ?)", (url, fit(title, MAX_TITLE))
        )
    except sqlite3.IntegrityError as exc:
        raise DuplicateFeed(f"already subscribed to {url}") from exc
    feed_id = int(cur.lastrowid)
    set_tags(conn, feed_id, tags)
    return feed_id


def set_tags(conn: sqlite3.Connection, feed_id: int, tags: Sequence[str]) -> None:
    conn.execute("DELETE FROM feed_tags WHERE feed_id = ?", (feed_id,))
    conn.executemany(
        "INSERT INTO feed_tags (feed_id, tag, pos) VALUES (?, ?, ?)",
        [(feed_id, tag, pos) for pos, tag in enumerate(clean_tags(tags))],
    )


def update(
    conn: sqlite3.Connection,
    feed_id: int,
    *,
    url: str | None,
    title: str | None,
    site_url: str | None,
    tags: Sequence[str] | None,
) -> None:
    values = {}
    if url is not None:
        values["url"] = fit(url.strip(), MAX_URL)
    if title is not None:
        values["title"] = fit(title, MAX_TITLE)
    if site_url is not None:
        values["site_url"] = fit(site_url, MAX_URL)
    if values:
        assignments = ", ".join(f"{column} = :{column}" for column in values)
        try:
            conn.execute(
                f"UPDATE feeds SET {assignments} WHERE id = :id", {**values, "id": feed_id}
            )
        except sqlite3.IntegrityError as exc:
            raise DuplicateFeed(f"already subscribed to {values.get('url', '')}") from exc
    if tags is not None:
        set_tags(conn, feed_id, tags)


def _tags_by_feed(conn: sqlite3.Connection) -> dict[int, tuple[str, ...]]:
    out: dict[int, list[str]] = {}
    for feed_id, tag in conn.execute("SELECT feed_id, tag FROM feed_tags ORDER BY feed_id, pos"):
        out.setdefault(feed_id, []).append(tag)
    return {k: tuple(v) for k, v in out.items()}


def select(conn: sqlite3.Connection, where: str = "", params: Sequence = ()) -> list[Feed]:
    """Feeds with their counts (unread excludes dismissed), sorted by display title."""
    # Per-feed counts as correlated range scans of the articles_by_feed index: looking up
    # one feed costs that feed's rows, not a GROUP BY over the whole cache.
    sql = (
        f"SELECT {FEED_COLUMNS},"
        " (SELECT count(*) FROM articles a WHERE a.feed_id = f.id),"
        " (SELECT count(*) FROM articles a WHERE a.feed_id = f.id"
        "  AND a.read = 0 AND a.dismissed = 0)"
        " FROM feeds f"
    )
    if where:
        sql += f" WHERE {where}"
    sql += f" ORDER BY {FEED_TITLE_SQL} COLLATE NOCASE, f.id"
    tags = _tags_by_feed(conn)
    return [
        feed_from_row(row[:11], tags.get(row[0], ()), row[11], row[12])
        for row in conn.execute(sql, tuple(params))
    ]


def all_tags(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute("SELECT DISTINCT tag FROM feed_tags ORDER BY tag COLLATE NOCASE")
    seen: dict[str, str] = {}
    for (tag,) in rows:
        seen.setdefault(tag.casefold(), tag)
    return list(seen.values())


def record(
    conn: sqlite3.Connection,
    feed_id: int,
    *,
    when: int | None,
    success: bool,
    error: str | None = None,
    retry_after: int | None = None,
    validators: tuple[str | None, str | None] | None = None,
) -> None:
    """Store the outcome of one fetch: a success resets the failure count and backoff."""
    if success:
        conn.execute(
            "UPDATE feeds SET last_attempt = ?, last_success = ?, last_error = NULL,"
            " failures = 0, retry_after = NULL WHERE id = ?",
            (when, when, feed_id),
        )
        if validators is not None:
            etag, modified = (fit(v, MAX_SHORT) or None for v in validators)
            conn.execute(
                "UPDATE feeds SET etag = ?, last_modified = ? WHERE id = ?",
                (etag, modified, feed_id),
            )
        return
    conn.execute(
        "UPDATE feeds SET last_attempt = ?, last_error = ?, failures = failures + 1,"
        " retry_after = ? WHERE id = ?",
        (when, " ".join(fit(error, MAX_SHORT).split()) or "unknown error", retry_after, feed_id),
    )
