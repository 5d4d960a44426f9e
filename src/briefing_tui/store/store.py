"""The article cache: one SQLite file holding the user's subscriptions, articles and state.

Store(path) opens (creating if needed) the file in WAL mode with a busy timeout, foreign
keys on and the schema migrated (see connection.py for what happens to damaged or newer
files).  A Store is one connection: use it from one thread at a time; `Store.open(path)`
is cheap, so each worker opens its own (services.library keeps one per thread).

Every write is one short `BEGIN IMMEDIATE` transaction: the write lock is taken up front
(so two processes queue on the busy timeout instead of failing with "database is
locked"), and a crash at any point leaves either the whole call applied or none of it.
Writers never touch another writer's columns: refreshing text never resets read, starred
or dismissed set by the UI meanwhile.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from contextlib import AbstractContextManager
from datetime import datetime, timedelta
from pathlib import Path

from briefing_tui.errors import StoreError
from briefing_tui.models import (
    Article,
    FactBadge,
    Feed,
    Headline,
    HeadlineQuery,
    ParsedEntry,
    UpsertResult,
)
from briefing_tui.store import articles, feeds, search
from briefing_tui.store.badges import badges_for, needing_facts, replace_badges
from briefing_tui.store.connection import open_connection
from briefing_tui.store.guard import guarded, write_transaction
from briefing_tui.store.queries import NoMatch, headline_select, ids_json
from briefing_tui.store.rows import (
    ARTICLE_COLUMNS,
    HEADLINE_COLUMNS,
    MAX_SHORT,
    article_from_row,
    fit,
    headline_from_row,
    to_ts,
)


@guarded
class Store:
    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._conn: sqlite3.Connection | None = open_connection(self.path)

    @classmethod
    def open(cls, path: Path | str) -> Store:
        return cls(path)

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            raise StoreError(f"database {self.path} is closed")
        return self._conn

    def _write(self) -> AbstractContextManager[sqlite3.Connection]:
        return write_transaction(self.conn)

    # feeds
    def add_feed(self, url: str, title: str = "", tags: Sequence[str] = ()) -> Feed:
        """Subscribe; raises DuplicateFeed when the URL is already there."""
        with self._write() as conn:
            feed_id = feeds.add(conn, url, title, tags)
        feed = self.feed(feed_id)
        assert feed is not None
        return feed

    def remove_feed(self, feed_id: int) -> None:
        with self._write() as conn:
            conn.execute("DELETE FROM feeds WHERE id = ?", (feed_id,))

    def feeds(self) -> list[Feed]:
        return feeds.select(self.conn)

    def feed(self, feed_id: int) -> Feed | None:
        found = feeds.select(self.conn, "f.id = ?", (feed_id,))
        return found[0] if found else None

    def feed_by_url(self, url: str) -> Feed | None:
        found = feeds.select(self.conn, "f.url = ?", (url.strip(),))
        return found[0] if found else None

    def tags(self) -> list[str]:
        """Every distinct tag, case-insensitively sorted."""
        return feeds.all_tags(self.conn)

    def update_feed(
        self,
        feed_id: int,
        *,
        url: str | None = None,
        title: str | None = None,
        site_url: str | None = None,
        tags: Sequence[str] | None = None,
    ) -> None:
        """Change what is given; a new URL taken by another feed raises DuplicateFeed."""
        with self._write() as conn:
            feeds.update(conn, feed_id, url=url, title=title, site_url=site_url, tags=tags)

    def record_success(
        self, feed_id: int, *, when: datetime, etag: str | None, last_modified: str | None
    ) -> None:
        with self._write() as conn:
            feeds.record(
                conn, feed_id, when=to_ts(when), success=True, validators=(etag, last_modified)
            )

    def record_not_modified(self, feed_id: int, *, when: datetime) -> None:
        with self._write() as conn:
            feeds.record(conn, feed_id, when=to_ts(when), success=True)

    def record_failure(
        self, feed_id: int, *, when: datetime, error: str, retry_after: datetime | None
    ) -> None:
        with self._write() as conn:
            feeds.record(
                conn,
                feed_id,
                when=to_ts(when),
                success=False,
                error=error,
                retry_after=to_ts(retry_after),
            )

    # articles
    def upsert_entries(
        self, feed_id: int, entries: Sequence[ParsedEntry], now: datetime
    ) -> UpsertResult:
        """Insert new entries, update changed ones (state kept), in one transaction."""
        with self._write() as conn:
            return articles.upsert(conn, feed_id, entries, to_ts(now) or 0)

    def headline_ids(self, query: HeadlineQuery) -> list[int]:
        try:
            sql, params = headline_select(query)
        except NoMatch:
            return []
        if query.search and search.has_pending(self.conn):
            self.index_search()
        return [row[0] for row in self.conn.execute(sql, params)]

    def headlines(self, query: HeadlineQuery) -> list[Headline]:
        return self.headlines_by_ids(self.headline_ids(query))

    def headlines_by_ids(self, ids: Sequence[int]) -> list[Headline]:
        """Headlines in the order of `ids` (unknown ids skipped), badges filled in."""
        if not ids:
            return []
        param = ids_json(ids)
        rows = self.conn.execute(
            f"SELECT {HEADLINE_COLUMNS} FROM articles a JOIN feeds f ON f.id = a.feed_id"
            " WHERE a.id IN (SELECT value FROM json_each(?))",
            (param,),
        ).fetchall()
        badges = badges_for(self.conn, param)
        by_id = {row[0]: headline_from_row(row, badges.get(row[0], ())) for row in rows}
        return [by_id[i] for i in ids if i in by_id]

    def article(self, article_id: int) -> Article | None:
        row = self.conn.execute(
            f"SELECT {ARTICLE_COLUMNS} FROM articles a JOIN feeds f ON f.id = a.feed_id"
            " WHERE a.id = ?",
            (article_id,),
        ).fetchone()
        return article_from_row(row) if row else None

    def _set_flag(self, column: str, ids: Sequence[int], value: bool) -> None:
        assert column in ("read", "starred", "dismissed")
        if not ids:
            return
        with self._write() as conn:
            # Rows already in that state are skipped: each changed row costs three index
            # updates, which matters for "mark all visible read" over a big list.
            conn.execute(
                f"UPDATE articles SET {column} = :v"
                f" WHERE id IN (SELECT value FROM json_each(:ids)) AND {column} != :v",
                {"v": int(bool(value)), "ids": ids_json(ids)},
            )

    def set_read(self, ids: Sequence[int], read: bool) -> None:
        self._set_flag("read", ids, read)

    def set_starred(self, ids: Sequence[int], starred: bool) -> None:
        self._set_flag("starred", ids, starred)

    def set_dismissed(self, ids: Sequence[int], dismissed: bool) -> None:
        self._set_flag("dismissed", ids, dismissed)

    def unread_count(self) -> int:
        """Articles neither read nor dismissed."""
        row = self.conn.execute(
            "SELECT count(*) FROM articles WHERE read = 0 AND dismissed = 0"
        ).fetchone()
        return int(row[0])

    # facts
    def set_badges(self, article_id: int, badges: Sequence[FactBadge], version: int) -> None:
        """Replace the article's badges and mark it indexed by extractor `version`."""
        with self._write() as conn:
            replace_badges(conn, article_id, badges, version)

    def set_badges_many(
        self, items: Sequence[tuple[int, Sequence[FactBadge]]], version: int
    ) -> None:
        """`set_badges` for many articles in one transaction (much cheaper per article)."""
        with self._write() as conn:
            for article_id, badges in items:
                replace_badges(conn, article_id, badges, version)

    def articles_needing_facts(self, version: int, limit: int = 500) -> list[tuple[int, str, str]]:
        """(id, title, body) of articles not yet indexed by extractor `version`."""
        return needing_facts(self.conn, version, limit)

    # search index
    def index_search(self, batch: int = search.BATCH) -> int:
        """Add queued new/changed articles to the full-text index; returns how many.

        Run it after a refresh (off the fetch path); a search runs it first if needed."""
        done = 0
        while True:
            with self._write() as conn:
                count = search.index_batch(conn, batch)
            done += count
            if count < batch:
                return done

    def search_pending(self) -> int:
        """Articles not yet in the full-text index."""
        return search.pending_count(self.conn)

    # misc
    def get_state(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM state WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_state(self, key: str, value: str) -> None:
        with self._write() as conn:
            conn.execute(
                "INSERT INTO state (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (fit(key, MAX_SHORT), fit(value, 100_000)),
            )

    def apply_retention(
        self, *, max_per_feed: int | None, max_age_days: int | None, now: datetime
    ) -> int:
        """Delete unstarred articles beyond `max_per_feed` newest per feed and/or first
        fetched and published more than `max_age_days` ago.  0/None keeps everything.
        Starred articles are never deleted (and do not count toward the cap).  Deleted
        articles are remembered, so the feed re-sending them does not add them again."""
        try:
            cutoff = to_ts(now - timedelta(days=max_age_days)) if max_age_days else None
        except OverflowError:
            cutoff = None  # older than the calendar: nothing qualifies
        if not max_per_feed and cutoff is None:
            return 0
        with self._write() as conn:
            return articles.retire(
                conn, max_per_feed=max_per_feed or None, cutoff=cutoff, now=to_ts(now) or 0
            )

    def integrity_check(self) -> bool:
        """Full `PRAGMA integrity_check` (slow on a big cache: seconds per GB)."""
        rows = self.conn.execute("PRAGMA integrity_check").fetchall()
        return rows == [("ok",)]
