"""Subscription commands: add, remove, feeds, import, export.

Parsing and writing of OPML / newsboat `urls` files lives in services/opml.py; this module
only reads the file, asks the library to subscribe, and reports what happened.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing_tui.cli.context import (
    Context,
    error_summary,
    find_feed,
    is_terminal,
    iso,
    plural,
    print_json,
    warn,
)
from briefing_tui.errors import UsageError
from briefing_tui.models import Feed
from briefing_tui.sanitize import clean_line

if TYPE_CHECKING:
    from briefing_tui.services.library import Library

MAX_WARNINGS = 20
"""Skipped-entry warnings printed by `import`; the rest are counted, not listed."""


def add_parsers(subs: argparse._SubParsersAction, parents: list[argparse.ArgumentParser]) -> None:
    p = subs.add_parser("add", parents=parents, help="subscribe to a feed URL")
    p.add_argument("url", metavar="URL", help="http:// or https:// address of the feed")
    p.add_argument("--title", metavar="T", help="your own title for the feed")
    p.add_argument(
        "--tag", metavar="T", action="append", default=[], help="tag the feed (repeatable)"
    )
    p.set_defaults(handler=run_add, parser=p)

    p = subs.add_parser("remove", parents=parents, help="unsubscribe (articles are deleted)")
    p.add_argument("feed", metavar="URL|ID", help="the feed's URL, id or title")
    p.set_defaults(handler=run_remove, parser=p)

    p = subs.add_parser("feeds", parents=parents, help="list subscriptions")
    p.add_argument("--json", action="store_true", help="a JSON array of feed objects")
    p.set_defaults(handler=run_feeds, parser=p)

    p = subs.add_parser(
        "import", parents=parents, help="subscribe to the feeds of an OPML or newsboat urls file"
    )
    p.add_argument("file", metavar="FILE", help="OPML, or newsboat's urls file; '-' for stdin")
    p.set_defaults(handler=run_import, parser=p)

    p = subs.add_parser("export", parents=parents, help="write subscriptions as OPML to stdout")
    p.set_defaults(handler=run_export, parser=p)


# --------------------------------------------------------------------------- add / remove


def run_add(ctx: Context, args: argparse.Namespace) -> int:
    from briefing_tui.services.opml import normalize_feed_url

    try:
        url = normalize_feed_url(args.url)
    except ValueError as exc:
        raise UsageError(f"not a feed URL: {clean_line(args.url, 200)!r}: {exc}") from None
    title = clean_line(args.title or "")
    tags = _tags(args.tag)
    lib = ctx.library()
    existing = lib.feed_by_url(url)
    if existing is not None:
        if _merge_tags(lib, existing, tags):
            print(f"already subscribed: {_label(existing)} (id {existing.id}); tags added")
        else:
            print(f"already subscribed: {_label(existing)} (id {existing.id})")
        return 0
    feed = lib.add_feed(url, title, tags)
    print(f"added {_label(feed)} (id {feed.id}); run `briefing fetch` to load it")
    return 0


def run_remove(ctx: Context, args: argparse.Namespace) -> int:
    lib = ctx.library()
    feed = find_feed(lib.feeds(), args.feed)
    lib.remove_feed(str(feed.id))
    print(f"removed {_label(feed)} (id {feed.id}) and {plural(feed.article_count, 'article')}")
    return 0


def _tags(raw: list[str]) -> tuple[str, ...]:
    tags = (clean_line(tag) for tag in raw)
    return tuple(dict.fromkeys(tag for tag in tags if tag))


def _merge_tags(lib: Library, feed: Feed, tags: tuple[str, ...]) -> bool:
    """Add `tags` the feed lacks; True if it had to."""
    if not set(tags) - set(feed.tags):
        return False
    lib.update_feed(feed.id, tags=tuple(dict.fromkeys((*feed.tags, *tags))))
    return True


def _label(feed: Feed) -> str:
    return clean_line(feed.display_title, 200)


# --------------------------------------------------------------------------- feeds


def feed_json(feed: Feed) -> dict[str, Any]:
    return {
        "id": feed.id,
        "title": feed.title,
        "url": feed.url,
        "site_url": feed.site_url,
        "tags": list(feed.tags),
        "articles": feed.article_count,
        "unread": feed.unread_count,
        "last_attempt": iso(feed.last_attempt),
        "last_success": iso(feed.last_success),
        "last_error": feed.last_error,
        "failures": feed.failures,
        "retry_after": iso(feed.retry_after),
    }


def run_feeds(ctx: Context, args: argparse.Namespace) -> int:
    feeds = ctx.library().feeds()
    if args.json:
        print_json(feed_json(f) for f in feeds)
    elif is_terminal():
        from briefing_tui.cli.tables import feeds_table, print_rich

        print_rich(feeds_table(feeds) if feeds else _NO_FEEDS)
    else:
        for feed in feeds:
            print("\t".join(_plain_feed_row(feed)))
    return 0


_NO_FEEDS = "No subscriptions. `briefing add URL`, `briefing import FILE`, or `briefing fetch`."


def _plain_feed_row(feed: Feed) -> list[str]:
    return [
        str(feed.id),
        clean_line(feed.title),
        feed.url,
        ",".join(clean_line(t) for t in feed.tags),
        str(feed.article_count),
        str(feed.unread_count),
        iso(feed.last_success) or "",
        error_summary(feed),
    ]


# --------------------------------------------------------------------------- import / export


def run_import(ctx: Context, args: argparse.Namespace) -> int:
    from briefing_tui.services.opml import parse_subscriptions

    data = _read_input(args.file)
    try:
        result = parse_subscriptions(data)
    except UsageError as exc:
        raise UsageError(f"{args.file}: {exc}") from None
    for message in result.warnings[:MAX_WARNINGS]:
        warn(f"{args.file}: {message}")
    if len(result.warnings) > MAX_WARNINGS:
        warn(f"{args.file}: ... and {len(result.warnings) - MAX_WARNINGS} more lines skipped")
    lib = ctx.library()
    known = {f.url: f for f in lib.feeds()}
    added = 0
    for sub in result.subscriptions:
        feed = known.get(sub.url)
        if feed is None:
            lib.add_feed(sub.url, sub.title, sub.tags)
            added += 1
        else:
            _merge_tags(lib, feed, sub.tags)
    kind = "OPML" if result.format == "opml" else "newsboat urls"
    already = len(result.subscriptions) - added
    print(f"imported {plural(added, 'feed')} from {kind} file ({already} already subscribed)")
    return 0


def _read_input(name: str) -> bytes:
    from briefing_tui.services.opml import MAX_IMPORT_BYTES

    try:
        if name == "-":
            return sys.stdin.buffer.read(MAX_IMPORT_BYTES + 1)
        with Path(name).open("rb") as fh:
            return fh.read(MAX_IMPORT_BYTES + 1)
    except FileNotFoundError:
        raise UsageError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise UsageError(f"{name}: is a directory") from None
    except OSError as exc:
        raise UsageError(f"{name}: cannot read ({exc.strerror})") from None


def run_export(ctx: Context, args: argparse.Namespace) -> int:
    from briefing_tui.sample import is_sample_url
    from briefing_tui.services.opml import Subscription, write_opml

    feeds = ctx.library().feeds()
    # The bundled sample has no real address: another reader could not fetch it.
    subs = [Subscription(f.url, f.title, f.tags) for f in feeds if not is_sample_url(f.url)]
    sys.stdout.write(write_opml(subs))
    return 0
