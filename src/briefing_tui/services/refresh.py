"""Refresh: the one place where fetch -> parse -> sanitize -> store are chained.

Layout of the work (PERFORMANCE.md: feedparser alone needs ~2.9 s of CPU for 10k items, more
than newsboat's whole cold reload, so parsing must use both cores and stay off the loop):
- the event loop only does HTTP (one shared client, see feeds/fetch.py);
- parsing (with HTML -> text and the sanitizer) runs in 2 worker processes for larger
  refreshes (feeds/workers.py; threads for a handful of feeds);
- SQLite runs on ONE dedicated thread that owns its own Store (connections are thread-confined),
  one short transaction per feed, so storing overlaps with fetching and parsing.
The indexes derived from the stored text (search, fact badges) are built after the refresh by
their own passes (store.index_search, services/factindex.py), which the reader runs.
Every per-feed failure becomes a FeedOutcome and a stored error; nothing a server sends can
stop the other feeds.  Failing feeds back off (see `backoff_seconds`); `force` ignores it.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from briefing_tui.feeds.backoff import retry_at
from briefing_tui.feeds.discover import Discovered, follow_advertised
from briefing_tui.feeds.fetch import Fetcher
from briefing_tui.feeds.parse import ParseFailure
from briefing_tui.feeds.workers import WorkerPool
from briefing_tui.models import Feed
from briefing_tui.sanitize import clean_line
from briefing_tui.services.refresh_writes import store_feed, store_not_modified
from briefing_tui.services.settings import Settings
from briefing_tui.store import Store

Status = Literal["updated", "not_modified", "failed", "skipped"]
PROCESS_POOL_MIN_FEEDS = 24
"""Below this, parsing in threads beats starting 2 worker processes (~0.3-0.6 s to spawn and
import; 24 feeds x 50 items is ~0.8 s of parsing on one core)."""


@dataclass(frozen=True)
class FeedOutcome:
    feed_id: int
    title: str
    url: str
    status: Status
    new: int = 0
    updated: int = 0
    error: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class RefreshReport:
    outcomes: tuple[FeedOutcome, ...]
    started: datetime
    finished: datetime

    @property
    def new_total(self) -> int:
        return sum(o.new for o in self.outcomes)

    @property
    def updated_total(self) -> int:
        return sum(o.updated for o in self.outcomes)

    @property
    def failed(self) -> tuple[FeedOutcome, ...]:
        return tuple(o for o in self.outcomes if o.status == "failed")


@dataclass(frozen=True)
class RefreshProgress:
    done: int
    total: int
    feed_title: str


def refresh_blocking(db_path: Path, settings: Settings, **kwargs: Any) -> RefreshReport:
    """`refresh_feeds` for synchronous callers (a thread worker, the CLI)."""
    return asyncio.run(refresh_feeds(db_path, settings, **kwargs))


async def refresh_feeds(
    db_path: Path,
    settings: Settings,
    *,
    feed_ids: Sequence[int] | None = None,
    force: bool = False,
    on_progress: Callable[[RefreshProgress], None] | None = None,
    now: Callable[[], datetime] | None = None,
    parse_processes: bool | None = None,
    should_stop: Callable[[], bool] = lambda: False,
) -> RefreshReport:
    """Refresh the given feeds (default: all) and return what happened to each.

    `on_progress` is called on the event loop's thread after each feed.  `parse_processes`
    forces (True) or forbids (False) the process pool; by default it is used from
    PROCESS_POOL_MIN_FEEDS feeds on.  `should_stop` is asked before each feed starts: once it
    says yes (the app is quitting) the feeds not started yet are skipped, the ones in flight
    finish and are stored, and `last_refresh` is left as it was.  Raises only when the store
    itself cannot be used.
    """
    clock = now or (lambda: datetime.now(UTC))
    run = _Run(db_path, settings, force, clock, on_progress, should_stop)
    started = clock()
    try:
        feeds = await run.db(lambda s: s.feeds())
        if feed_ids is not None:
            wanted = set(feed_ids)
            feeds = [f for f in feeds if f.id in wanted]
        use_pool = parse_processes
        if use_pool is None:
            use_pool = len(feeds) >= PROCESS_POOL_MIN_FEEDS and (os.cpu_count() or 1) > 1
        run.pool.processes = use_pool
        if use_pool and any(f.etag is None and f.last_modified is None for f in feeds):
            run.pool.start()  # feeds never fetched will need parsing: start workers early
        outcomes = await run.all(feeds)
        if not should_stop():
            await run.db(lambda s: _finish(s, settings, clock()))
    finally:
        await run.close()
    return RefreshReport(tuple(outcomes), started, clock())


def _finish(store: Store, settings: Settings, when: datetime) -> None:
    store.set_state("last_refresh", when.isoformat())
    keep = settings.retention
    if keep.max_articles_per_feed or keep.max_age_days:
        store.apply_retention(
            max_per_feed=keep.max_articles_per_feed or None,
            max_age_days=keep.max_age_days or None,
            now=when,
        )


@dataclass
class _Run:
    db_path: Path
    settings: Settings
    force: bool
    clock: Callable[[], datetime]
    on_progress: Callable[[RefreshProgress], None] | None
    should_stop: Callable[[], bool] = lambda: False
    _db_exec: ThreadPoolExecutor = field(init=False)
    pool: WorkerPool = field(init=False)
    _store: Store | None = field(init=False, default=None)
    _done: int = field(init=False, default=0)

    def __post_init__(self) -> None:
        self._db_exec = ThreadPoolExecutor(1, thread_name_prefix="briefing-store")
        self.pool = WorkerPool(False, self.settings.fetch.max_bytes)

    async def db(self, fn: Callable[[Store], Any]) -> Any:
        """Run fn(store) on the store thread (the Store is created there, on first use)."""

        def call() -> Any:
            if self._store is None:
                self._store = Store(self.db_path)
            return fn(self._store)

        return await asyncio.get_running_loop().run_in_executor(self._db_exec, call)

    async def close(self) -> None:
        self.pool.close()

        def close_store() -> None:
            if self._store is not None:
                self._store.close()

        try:
            await asyncio.get_running_loop().run_in_executor(self._db_exec, close_store)
        finally:
            self._db_exec.shutdown(wait=True)

    async def all(self, feeds: list[Feed]) -> list[FeedOutcome]:
        limit = asyncio.Semaphore(max(4, self.settings.fetch.concurrency * 2))
        async with Fetcher(self.settings.fetch) as fetcher:

            async def one(feed: Feed) -> FeedOutcome:
                async with limit:
                    if self.should_stop():
                        return _outcome(feed, "skipped", note="refresh stopped")
                    outcome = await _refresh_one(self, fetcher, feed)
                self._progress(len(feeds), feed)
                return outcome

            return list(await asyncio.gather(*(one(f) for f in feeds)))

    def _progress(self, total: int, feed: Feed) -> None:
        self._done += 1
        if self.on_progress is not None:
            try:
                self.on_progress(RefreshProgress(self._done, total, feed.display_title))
            except Exception:  # a broken progress display must not stop the refresh
                self.on_progress = None


# ---- one feed ---------------------------------------------------------------------------------


async def _refresh_one(run: _Run, fetcher: Fetcher, feed: Feed) -> FeedOutcome:
    when = run.clock()
    if not run.force and feed.retry_after is not None and feed.retry_after > when:
        until = feed.retry_after.astimezone(UTC).strftime("%Y-%m-%d %H:%M")
        note = f"backing off after {feed.failures} failures until {until} UTC (force to retry)"
        return _outcome(feed, "skipped", note=note)
    try:
        return await _fetch_parse_store(run, fetcher, feed, when)
    except Exception as exc:  # the store or a bug: still only this feed's failure
        return await _fail(run, feed, when, f"{type(exc).__name__}: {exc}", None)


async def _fetch_parse_store(
    run: _Run, fetcher: Fetcher, feed: Feed, when: datetime
) -> FeedOutcome:
    result = await fetcher.fetch(feed.url, etag=feed.etag, last_modified=feed.last_modified)
    if result.status == "failed":
        return await _fail(run, feed, when, result.error or "failed", result.retry_after)
    if result.status == "not_modified":
        note = await run.db(lambda s: store_not_modified(s, feed, result.permanent_url, when))
        return _outcome(feed, "not_modified", note=note)
    parsed = await run.pool.parse(result)
    new_url, note = result.permanent_url, None
    if isinstance(parsed, ParseFailure) and parsed.looks_like_html:
        found = await follow_advertised(fetcher, result, run.pool.parse)
        if isinstance(found, Discovered):
            parsed, result, new_url = found.feed, found.fetched, found.url
            note = f"the page is not a feed; subscribed to the feed it advertises: {new_url}"
        else:
            parsed = found
    if isinstance(parsed, ParseFailure):
        return await _fail(run, feed, when, parsed.reason, None)
    new, updated, url, move_note = await run.db(
        lambda s: store_feed(s, feed, parsed, result, new_url, when)
    )
    note = (move_note if url == feed.url else note or move_note) or parsed.warning
    title = feed.title or parsed.title or url
    return FeedOutcome(feed.id, title, url, "updated", new, updated, None, note)


async def _fail(
    run: _Run, feed: Feed, when: datetime, reason: str, server_wait: float | None
) -> FeedOutcome:
    error = clean_line(reason, 300) or "failed"
    retry = retry_at(when, feed.failures + 1, server_wait)
    note = None
    try:
        await run.db(lambda s: s.record_failure(feed.id, when=when, error=error, retry_after=retry))
    except Exception as exc:  # the store is failing too: say so, but keep going
        note = clean_line(f"could not record the failure: {exc}", 200)
    if retry is not None and note is None:
        note = f"next automatic try after {retry.astimezone(UTC):%Y-%m-%d %H:%M} UTC"
    return _outcome(feed, "failed", error=error, note=note)


def _outcome(feed: Feed, status: Status, **kwargs: Any) -> FeedOutcome:
    return FeedOutcome(feed.id, feed.display_title, feed.url, status, **kwargs)
