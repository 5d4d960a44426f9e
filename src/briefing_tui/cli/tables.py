"""Rich tables for terminal output (imported only when stdout is a terminal).

Feed text goes into cells as `Text` objects, never as markup strings: a title such as
`[link=https://evil.invalid]` or an unbalanced `[/bold]` is shown literally (SECURITY.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.console import Console, RenderableType
from rich.table import Table
from rich.text import Text

from briefing_tui.cli.context import badge_text, error_summary, short_date
from briefing_tui.models import Feed, Headline

if TYPE_CHECKING:
    from briefing_tui.services.refresh import FeedOutcome


def print_rich(renderable: RenderableType | str) -> None:
    console = Console(highlight=False, emoji=False)
    if isinstance(renderable, str):
        console.print(Text(renderable))
    else:
        console.print(renderable)


def feeds_table(feeds: Sequence[Feed]) -> Table:
    table = Table(box=None, pad_edge=False, header_style="bold")
    for name, justify in (("id", "right"), ("feed", "left"), ("tags", "left")):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    table.add_column("articles", justify="right")
    table.add_column("unread", justify="right")
    table.add_column("last success")
    table.add_column("last error", style="red", overflow="fold")
    for feed in feeds:
        title = Text(feed.display_title)
        if feed.title:
            title.append("\n" + feed.url, style="dim")
        table.add_row(
            str(feed.id),
            title,
            Text(", ".join(feed.tags)),
            str(feed.article_count),
            str(feed.unread_count),
            short_date(feed.last_success) or "never",
            Text(error_summary(feed)),
        )
    return table


def headlines_table(headlines: Sequence[Headline]) -> Table:
    table = Table(box=None, pad_edge=False, header_style="bold")
    table.add_column("id", justify="right", style="dim")
    table.add_column("", width=1)
    table.add_column("date", no_wrap=True)
    table.add_column("feed", max_width=20, no_wrap=True, overflow="ellipsis")
    table.add_column("title", ratio=1)
    table.add_column("facts", style="yellow")
    for h in headlines:
        mark = "★" if h.starred else ("●" if not h.read else " ")
        title = Text(h.title or "(untitled)", style="" if h.read else "bold")
        table.add_row(
            str(h.id),
            mark,
            short_date(h.published),
            Text(h.feed_title),
            title,
            Text(badge_text(h.badges)),
        )
    return table


def fetch_table(outcomes: Sequence[FeedOutcome]) -> Table:
    """Summary after `briefing fetch`: one row per feed, failures with their one-line reason."""
    table = Table(box=None, pad_edge=False, header_style="bold")
    table.add_column("feed", overflow="fold")
    table.add_column("new", justify="right")
    table.add_column("updated", justify="right")
    table.add_column("status", overflow="fold")
    for o in outcomes:
        status = Text(o.status.replace("_", " "), style="red" if o.status == "failed" else "")
        if o.error:
            status.append(f": {o.error}")
        if o.note:
            status.append(f" ({o.note})", style="cyan")
        table.add_row(Text(o.title or o.url), str(o.new), str(o.updated), status)
    return table
