"""`briefing fetch`: refresh all or some feeds and report what each one brought.

A failing feed is a row in the report, not a failed command: the exit status is 0 whenever the
refresh ran, and non-zero only when nothing could run (the store is unusable, which surfaces
as a StoreError from the library).  A new home with no subscriptions first loads the bundled
sample briefing (offline), so the very first run has something to show.
"""

from __future__ import annotations

import argparse
import re
from typing import TYPE_CHECKING, Any

from briefing_tui.cli.context import Context, find_feed, is_terminal, note, plural, print_json
from briefing_tui.sanitize import clean_line

if TYPE_CHECKING:
    from briefing_tui.services.library import Library
    from briefing_tui.services.refresh import FeedOutcome, RefreshProgress, RefreshReport


def add_parsers(subs: argparse._SubParsersAction, parents: list[argparse.ArgumentParser]) -> None:
    p = subs.add_parser("fetch", parents=parents, help="refresh feeds (all, or the ones named)")
    p.add_argument("feeds", metavar="FEED", nargs="*", help="feed id, URL or title")
    p.add_argument(
        "--force", action="store_true", help="ignore backoff after failures and fetch now"
    )
    p.add_argument("--json", action="store_true", help="a JSON array, one object per feed")
    p.set_defaults(handler=run_fetch, parser=p)

    p = subs.add_parser(
        "index",
        parents=parents,
        help="build the fact badges and search index of what fetch stored",
        description="Extract the fact badges and fill the search index for articles stored "
        "since the last pass.  The reader and `briefing articles` do this themselves when they "
        "need it; run it after a scheduled fetch (`briefing fetch && briefing index`) so they "
        "never wait for it.",
    )
    p.add_argument("--json", action="store_true", help="a JSON array, one object per index")
    p.set_defaults(handler=run_index, parser=p)


def run_fetch(ctx: Context, args: argparse.Namespace) -> int:
    lib = ctx.library()
    if not args.feeds and lib.ensure_sample():
        note("no subscriptions yet: loading the bundled sample briefing (offline)")
    feeds = lib.feeds()
    feed_ids = [find_feed(feeds, spec).id for spec in args.feeds] or None
    if is_terminal() and not args.json:
        report = _refresh_with_progress(lib, feed_ids, args.force)
    else:
        report = lib.refresh(feed_ids, force=args.force)
    outcomes = list(report.outcomes)
    if args.json:
        print_json(outcome_json(o) for o in outcomes)
        return 0
    outcomes.sort(key=reading_order)
    if is_terminal():
        from briefing_tui.cli.tables import fetch_table, print_rich

        print_rich(fetch_table(outcomes))
        print_rich(summary_line(outcomes))
    else:
        for o in outcomes:
            print("\t".join(_plain_row(o)))
        print(summary_line(outcomes))
    return 0


def reading_order(outcome: FeedOutcome) -> tuple:
    """Failures first (they need the reader's attention), then titles in natural order:
    'Feed 2' before 'Feed 10', case ignored."""
    parts = re.split(r"(\d+)", (outcome.title or outcome.url).casefold())
    natural = tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in parts if p)
    return (outcome.status != "failed", natural)


def run_index(ctx: Context, args: argparse.Namespace) -> int:
    lib = ctx.library()
    facts, search = lib.index_all()
    done = {"facts": facts, "search": search}
    if args.json:
        print_json({"index": name, "articles": count} for name, count in done.items())
    else:
        print(
            f"fact badges: {plural(done['facts'], 'article')}; "
            f"search index: {plural(done['search'], 'article')}"
        )
    return 0


def _refresh_with_progress(lib: Library, feed_ids: list[int] | None, force: bool) -> RefreshReport:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    columns = (
        TextColumn("fetching"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.description}"),
    )
    with Progress(*columns, transient=True) as progress:
        task = progress.add_task("", total=None)

        def on_progress(event: RefreshProgress) -> None:
            title = clean_line(event.feed_title, 60)
            progress.update(task, completed=event.done, total=event.total, description=title)

        return lib.refresh(feed_ids, force=force, on_progress=on_progress)


def outcome_json(o: FeedOutcome) -> dict[str, Any]:
    return {
        "feed_id": o.feed_id,
        "title": o.title,
        "url": o.url,
        "status": o.status,
        "new": o.new,
        "updated": o.updated,
        "error": o.error,
        "note": o.note,
    }


def _plain_row(o: FeedOutcome) -> list[str]:
    detail = o.error or o.note or ""
    return [
        str(o.feed_id),
        o.status,
        str(o.new),
        str(o.updated),
        clean_line(o.title or o.url),
        clean_line(detail),
    ]


def summary_line(outcomes: list[FeedOutcome]) -> str:
    failed = sum(1 for o in outcomes if o.status == "failed")
    new = sum(o.new for o in outcomes)
    updated = sum(o.updated for o in outcomes)
    text = f"{plural(len(outcomes), 'feed')}: {new} new, {updated} updated"
    return text + (f", {failed} failed" if failed else "")
