"""What a refresh writes for one feed, run on the refresh's database thread.

Split from refresh.py, which schedules the work: these functions only see a Store and the
results of fetching and parsing, so each feed's writes read top to bottom in one place.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from briefing_tui.facts import EXTRACTOR_VERSION
from briefing_tui.feeds.fetch import FetchResult
from briefing_tui.models import FactBadge, Feed, ParsedFeed
from briefing_tui.sanitize import MAX_BODY
from briefing_tui.store import Store
from briefing_tui.store.articles import entry_key
from briefing_tui.store.rows import fit


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
    badges: Sequence[tuple[FactBadge, ...]] | None = None,
) -> tuple[int, int, str, str | None]:
    """One feed's writes: URL move, metadata, entries, validators, badges extracted while
    parsing (`badges`, one per entry, when given).

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
    if badges is not None and len(badges) == len(parsed.entries):
        store_badges(store, parsed, badges, upserted.new_ids, upserted.updated_ids)
    return len(upserted.new_ids), len(upserted.updated_ids), url, note


def store_badges(
    store: Store,
    parsed: ParsedFeed,
    badges: Sequence[tuple[FactBadge, ...]],
    new_ids: Sequence[int],
    updated_ids: Sequence[int],
) -> None:
    """Badges of a first fetch, when every entry was inserted.

    The upsert inserts the first entry of each key in order; when the number of inserts equals
    the number of distinct keys (nothing known, nothing retired), new_ids[i] is the i-th
    distinct entry.  Otherwise, or for a body the store had to cut, the articles keep
    facts_version unset and `index_facts` extracts them from the stored text as before."""
    first: dict[bytes, int] = {}
    for i, entry in enumerate(parsed.entries):
        first.setdefault(entry_key(entry), i)
    if updated_ids or len(new_ids) != len(first):
        return
    items = []
    for article_id, i in zip(new_ids, first.values(), strict=True):
        body = parsed.entries[i].body
        if fit(body, MAX_BODY) == body:
            items.append((article_id, badges[i]))
    store.set_badges_many(items, EXTRACTOR_VERSION)
