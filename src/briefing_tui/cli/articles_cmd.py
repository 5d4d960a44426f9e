"""Reading commands: `articles` (list / search), `show` (one article), and bare `briefing`.

Bare `briefing` opens the Textual reader on a terminal; when stdin or stdout is not a
terminal (a pipe, cron, CI) it prints the newest cached headlines instead, so a script never
hangs on a full-screen app (on a new home it first loads the bundled sample, offline, as the
reader does).  Plain output passes feed text through the sanitizer once more
before printing, so nothing a feed sent can drive the terminal even if the store were bypassed.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from briefing_tui.cli.context import (
    Context,
    badge_text,
    find_feed,
    is_terminal,
    iso,
    note,
    print_json,
    short_date,
)
from briefing_tui.errors import BriefingError
from briefing_tui.models import (
    Article,
    CategorySummary,
    Fact,
    FactBadge,
    FactSummary,
    Headline,
    HeadlineQuery,
)
from briefing_tui.sanitize import clean_line, clean_text, display_url

HEADLESS_LIMIT = 50
"""Headlines printed by a bare `briefing` that is not attached to a terminal."""
TERMINAL_PAGE = 200
"""Rows `articles` draws as a table on a terminal without --limit (pipes get every row)."""


def add_parsers(subs: argparse._SubParsersAction, parents: list[argparse.ArgumentParser]) -> None:
    p = subs.add_parser("articles", parents=parents, help="list cached articles, newest first")
    p.add_argument("--unread", action="store_true", help="only unread articles")
    p.add_argument("--starred", action="store_true", help="only starred articles")
    p.add_argument(
        "--feed", metavar="F", action="append", help="feed id, URL or title (repeatable)"
    )
    p.add_argument("--tag", metavar="T", help="only feeds with this tag")
    p.add_argument("--search", metavar="QUERY", help="full-text search, best matches first")
    p.add_argument("--limit", metavar="N", type=_positive, help="at most N articles")
    p.add_argument("--json", action="store_true", help="a JSON array of article objects")
    p.set_defaults(handler=run_articles, parser=p)

    p = subs.add_parser("show", parents=parents, help="print one article")
    p.add_argument("id", metavar="ID", type=_positive, help="article id (see `briefing articles`)")
    p.add_argument("--json", action="store_true", help="a JSON array holding the article object")
    p.set_defaults(handler=run_show, parser=p)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 1 <= value <= _MAX_INT:
        raise argparse.ArgumentTypeError(f"must be between 1 and {_MAX_INT}: {text!r}")
    return value


_MAX_INT = 2**63 - 1
"""SQLite's largest integer: a bigger id or limit cannot exist and would overflow the query."""


# --------------------------------------------------------------------------- articles


def run_articles(ctx: Context, args: argparse.Namespace) -> int:
    lib = ctx.library()
    lib.index_facts()  # badges of what `briefing fetch` stored since the last pass
    feeds = lib.feeds()
    feed_ids = tuple(find_feed(feeds, spec).id for spec in args.feed or ())
    query = HeadlineQuery(
        unread_only=args.unread,
        starred_only=args.starred,
        feed_ids=feed_ids,
        tag=args.tag,
        search=args.search,
        limit=args.limit,
    )
    ids = lib.headline_ids(query)
    if args.json:
        headlines = lib.headlines_by_ids(ids)
        print_json(_headline_json(h, lib.article(h.id)) for h in headlines)
        return 0
    if args.limit is None and is_terminal() and len(ids) > TERMINAL_PAGE:
        note(f"showing {TERMINAL_PAGE} of {len(ids)} articles (--limit N for more, or --json)")
        ids = ids[:TERMINAL_PAGE]
    print_headlines(lib.headlines_by_ids(ids))
    return 0


def print_headlines(headlines: list[Headline]) -> None:
    if is_terminal():
        from briefing_tui.cli.tables import headlines_table, print_rich

        print_rich(headlines_table(headlines) if headlines else "No articles.")
        return
    for h in headlines:
        flags = ("*" if h.starred else "") + ("" if h.read else "N")
        row = [
            str(h.id),
            flags,
            iso(h.published) or "",
            clean_line(h.feed_title),
            clean_line(h.title),
        ]
        print("\t".join(row))


def _headline_json(h: Headline, article: Article | None) -> dict[str, Any]:
    return {
        "id": h.id,
        "feed_id": h.feed_id,
        "feed": h.feed_title,
        "title": h.title,
        "link": h.link,
        "guid": article.guid if article else None,
        "author": article.author if article else "",
        "published": iso(h.published),
        "read": h.read,
        "starred": h.starred,
        "dismissed": h.dismissed,
        "facts": [_badge_json(b) for b in h.badges],
    }


def _badge_json(badge: FactBadge | Fact) -> dict[str, Any]:
    return {
        "category": badge.category,
        "value": badge.value,
        "approx": badge.approx,
        "raw": badge.raw,
    }


# --------------------------------------------------------------------------- show


def run_show(ctx: Context, args: argparse.Namespace) -> int:
    lib = ctx.library()
    article = lib.article(args.id)
    if article is None:
        raise BriefingError(f"no article with id {args.id} (see `briefing articles`)")
    summary = lib.facts(article)
    if args.json:
        print_json([_article_json(article, summary)])
    else:
        sys.stdout.write(render_article(article, summary, width=_width()))
    return 0


def _width() -> int | None:
    if not is_terminal():
        return None
    import shutil

    return max(40, min(shutil.get_terminal_size().columns, 100))


def _article_json(article: Article, summary: FactSummary) -> dict[str, Any]:
    return {
        "id": article.id,
        "feed_id": article.feed_id,
        "feed": article.feed_title,
        "title": article.title,
        "link": article.link,
        "guid": article.guid,
        "author": article.author,
        "published": iso(article.published),
        "fetched": iso(article.fetched_at),
        "changed": iso(article.changed_at),
        "read": article.read,
        "starred": article.starred,
        "dismissed": article.dismissed,
        "body": article.body,
        "facts": [_category_json(c) for c in summary.categories],
    }


def _category_json(category: CategorySummary) -> dict[str, Any]:
    head = category.headline
    return {
        **_badge_json(head),
        "who": head.who,
        "sentence": head.sentence,
        "mentions": [
            {
                "value": m.value,
                "approx": m.approx,
                "raw": m.raw,
                "who": m.who,
                "sentence": m.sentence,
            }
            for m in category.mentions
        ],
    }


def render_article(article: Article, summary: FactSummary, width: int | None = None) -> str:
    """Readable plain text: title, byline, link, facts summary, then the body."""
    byline = [clean_line(article.feed_title), clean_line(article.author)]
    byline.append(short_date(article.published))
    lines = [clean_line(article.title) or "(untitled)", " · ".join(p for p in byline if p)]
    if article.link:
        lines.append(display_url(article.link))  # decoded host with its ASCII form
    if summary.categories:
        lines += ["", "Facts: " + badge_text(summary.badges())]
        lines += [
            f"  {c.category}: {clean_line(c.headline.sentence, 300)}" for c in summary.categories
        ]
    lines += ["", _wrap(clean_text(article.body), width) or "(no text)"]
    return "\n".join(lines) + "\n"


def _wrap(body: str, width: int | None) -> str:
    if width is None:
        return body
    import textwrap

    def fill(line: str) -> str:  # never split a word or a URL: it must stay copyable
        return textwrap.fill(line, width, break_long_words=False, break_on_hyphens=False)

    return "\n".join(fill(line) if line else "" for line in body.split("\n"))


# --------------------------------------------------------------------------- bare `briefing`


def run_default(ctx: Context, args: argparse.Namespace) -> int:
    lib = ctx.library()
    if sys.stdin.isatty() and sys.stdout.isatty():
        try:
            from briefing_tui.ui.app import BriefingApp
        except ModuleNotFoundError as exc:
            if not (exc.name or "").startswith("briefing_tui.ui"):
                raise
            raise BriefingError("the reader is not installed in this build") from None
        BriefingApp(library=lib, settings=ctx.settings).run()
        return 0
    if lib.ensure_sample():  # a new home: the same offline first run the reader gives
        note("no subscriptions yet: loaded the bundled sample briefing (offline)")
        lib.refresh()
    ids = lib.headline_ids(HeadlineQuery(limit=HEADLESS_LIMIT))
    if not ids:
        print(
            "No articles yet: `briefing add URL` or `briefing import FILE`, then `briefing fetch`."
        )
        return 0
    print_headlines(lib.headlines_by_ids(ids))
    return 0
