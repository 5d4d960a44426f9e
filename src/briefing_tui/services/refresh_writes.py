"""What a refresh writes for one feed, run on the refresh's database thread.

Split from refresh.py, which schedules the work: these functions only see a Store and the
results of fetching and parsing, so each feed's writes read top to bottom in one place.
"""

from __future__ import annotations

from datetime import datetime

from briefing_tui.feeds.fetch import FetchResult
from briefing_tui.models import Feed, ParsedFeed
from briefing_tui.store import Store


def store_not_modified(store: Store, feed: Feed, new_url: str | None, when: datetime) -> str | None:
    _url, note = _move(store, feed, new_url)
    store.record_not_modified(feed.id, when=when)
    return note


def _move(store: Store, feed: Feed, new_url: str | None) -> tuple[str, str | None]:
    """Follow a permanent redirect or a discovered feed: (the URL now stored, a note)."""
    if not new_url or new_url == feed.url:
        return feed.url, None
    if store.feed_by_url(new_url) is not None:
        return feed.url, f"moved to {new_url}, which is already subscribed; kept the old URL"
    store.update_feed(feed.id, url=new_url)
    return new_url, f"moved permanently; subscription updated to {new_url}"


def store_feed(
    store: Store,
    feed: Feed,
    parsed: ParsedFeed,
    result: FetchResult,
    new_url: str | None,
    when: datetime,
) -> tuple[int, int, str, str | None]:
    """One feed's writes: URL move, metadata, entries, validators.

    Returns (new, updated, the feed's URL now, a note about the move)."""
    url, note = _move(store, feed, new_url)
    changes = {}
    if parsed.title and not feed.title:
        changes["title"] = parsed.title
    if parsed.site_url and parsed.site_url != feed.site_url:
        changes["site_url"] = parsed.site_url
    if changes:
        store.update_feed(feed.id, **changes)
    upserted = store.upsert_entries(feed.id, parsed.entries, when)
    store.record_success(feed.id, when=when, etag=result.etag, last_modified=result.last_modified)
    return len(upserted.new_ids), len(upserted.updated_ids), url, note
