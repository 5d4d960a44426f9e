"""The one object the UI and the CLI hold: reading, triage, refresh and facts.

It owns the store as one SQLite connection per thread (a connection must not be used by
two threads at once, and Textual runs thread workers on a pool), opened lazily on first
use in each thread.  Connections of threads that have ended are closed the next time a
thread opens one, and `close()` closes them all.  Widgets never see SQL or HTTP: they get
model objects from here.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from briefing_tui.errors import DuplicateFeed
from briefing_tui.models import Article, FactSummary, Feed, Headline, HeadlineQuery
from briefing_tui.services.settings import Settings
from briefing_tui.store import Store


class Library:
    def __init__(self, db_path: Path, settings: Settings) -> None:
        self.db_path = Path(db_path)
        self.settings = settings
        self._local = threading.local()
        self._lock = threading.Lock()
        self._generation = 0
        self._open: dict[int, tuple[threading.Thread, Store]] = {}
        _ = self.store  # open now, so a damaged or too-new file is reported at start-up

    @property
    def store(self) -> Store:
        """This thread's Store (for services such as the fact index)."""
        mine = getattr(self._local, "store", None)
        if mine is not None and mine[0] == self._generation:
            return mine[1]
        store = Store(self.db_path)
        thread = threading.current_thread()
        with self._lock:
            stale = [k for k, (t, _) in self._open.items() if not t.is_alive()]
            for key in stale:
                self._open.pop(key)[1].close()
            self._open[id(store)] = (thread, store)
            self._local.store = (self._generation, store)
        return store

    def close(self) -> None:
        """Close every thread's connection; a later call opens new ones."""
        with self._lock:
            self._generation += 1
            for _thread, store in self._open.values():
                store.close()
            self._open.clear()

    # subscriptions
    def feeds(self) -> list[Feed]:
        return self.store.feeds()

    def feed(self, feed_id: int) -> Feed | None:
        return self.store.feed(feed_id)

    def feed_by_url(self, url: str) -> Feed | None:
        return self.store.feed_by_url(url)

    def tags(self) -> list[str]:
        return self.store.tags()

    def add_feed(self, url: str, title: str = "", tags: Sequence[str] = ()) -> Feed:
        """Subscribe; raises DuplicateFeed (a StoreError) when the URL is already there."""
        return self.store.add_feed(url, title, tags)

    def remove_feed(self, url_or_id: str) -> Feed | None:
        """Unsubscribe by URL or numeric id; returns the removed feed, None if not found."""
        text = str(url_or_id).strip()
        feed = self.store.feed_by_url(text)
        if feed is None and text.isdigit():
            feed = self.store.feed(int(text))
        if feed is not None:
            self.store.remove_feed(feed.id)
        return feed

    def update_feed(
        self,
        feed_id: int,
        *,
        url: str | None = None,
        title: str | None = None,
        site_url: str | None = None,
        tags: Sequence[str] | None = None,
    ) -> None:
        self.store.update_feed(feed_id, url=url, title=title, site_url=site_url, tags=tags)

    def ensure_sample(self) -> bool:
        """Subscribe to the bundled sample feeds on a new home (no feeds, never offered
        before, settings allow it); True when it did.  Offered once: a user who removes the
        sample and has nothing else subscribed does not get it back."""
        if not self.settings.general.sample_when_empty or self.store.feeds():
            return False
        if self.store.get_state("sample_offered"):
            return False
        self.store.set_state("sample_offered", "1")
        from briefing_tui.sample import SAMPLE_FEEDS

        for sample in SAMPLE_FEEDS:
            try:
                self.store.add_feed(sample.url, sample.title, sample.tags)
            except DuplicateFeed:
                pass  # another process added it at the same moment
        return True

    # reading
    def headline_ids(self, query: HeadlineQuery) -> list[int]:
        return self.store.headline_ids(query)

    def headlines(self, query: HeadlineQuery) -> list[Headline]:
        return self.store.headlines(query)

    def headlines_by_ids(self, ids: Sequence[int]) -> list[Headline]:
        return self.store.headlines_by_ids(ids)

    def article(self, article_id: int) -> Article | None:
        return self.store.article(article_id)

    def facts(self, article: Article) -> FactSummary:
        """The sidebar's figures, from the body only (as the stored badges are)."""
        from briefing_tui.facts import extract_facts, summarize

        return summarize(extract_facts(article.body))

    def unread_count(self) -> int:
        return self.store.unread_count()

    # triage
    def set_read(self, ids: Sequence[int], read: bool) -> None:
        self.store.set_read(ids, read)

    def set_starred(self, ids: Sequence[int], starred: bool) -> None:
        self.store.set_starred(ids, starred)

    def set_dismissed(self, ids: Sequence[int], dismissed: bool) -> None:
        self.store.set_dismissed(ids, dismissed)

    # persistent UI state
    def get_state(self, key: str) -> str | None:
        return self.store.get_state(key)

    def set_state(self, key: str, value: str) -> None:
        self.store.set_state(key, value)

    # refresh (blocking: call from a thread worker)
    def refresh(
        self,
        feed_ids: Sequence[int] | None = None,
        *,
        force: bool = False,
        on_progress: Callable[[object], None] | None = None,
        should_stop: Callable[[], bool] = lambda: False,
    ) -> object:
        """Fetch, parse, store and apply retention (services.refresh, which also records
        `last_refresh`); returns its RefreshReport.  The fact and search indexes are
        separate passes: `index_facts`, `index_search`."""
        from briefing_tui.services.refresh import refresh_blocking

        return refresh_blocking(
            self.db_path,
            self.settings,
            feed_ids=feed_ids,
            force=force,
            on_progress=on_progress,
            should_stop=should_stop,
        )

    def index_facts(self) -> int:
        """Extract the headline badges of new and changed articles (on both cores for a big
        backlog); returns how many.  Run it after a refresh and before listing badges."""
        from briefing_tui.services.factindex import index_facts

        return index_facts(self.store)

    def index_all(self, should_stop: Callable[[], bool] = lambda: False) -> tuple[int, int]:
        """Both passes after a fetch: (fact badges, search rows) indexed.  With a big
        backlog the search index is filled while the workers extract the first badges.
        `should_stop` ends the fact pass early (see factindex.index_facts)."""
        from briefing_tui.services.factindex import index_facts

        search: list[int] = []
        facts = index_facts(
            self.store,
            meanwhile=lambda: search.append(self.index_search()),
            should_stop=should_stop,
        )
        return facts, search[0] if search else self.index_search()

    def facts_pending(self) -> bool:
        """Whether some article still waits for the fact index pass."""
        from briefing_tui.services.factindex import facts_pending

        return facts_pending(self.store)

    def index_search(self) -> int:
        """Add new/changed articles to the full-text index (a search also does it first);
        call after a refresh so the first search is not the one that waits."""
        return self.store.index_search()

    def last_refresh(self) -> str | None:
        """ISO 8601 time of the last completed refresh (set by services.refresh), or None."""
        return self.store.get_state("last_refresh")

    def apply_retention(self, now: datetime | None = None) -> int:
        """Apply the [retention] settings (0 = keep everything); returns articles deleted."""
        retention = self.settings.retention
        return self.store.apply_retention(
            max_per_feed=retention.max_articles_per_feed or None,
            max_age_days=retention.max_age_days or None,
            now=now or datetime.now(UTC),
        )
