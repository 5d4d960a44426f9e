"""The feeds view: every subscription with its counts, last error and backoff.

This is where a failing feed shows up (never as a crash or a stack of dialogs).  From here
`r` forces a refresh of the highlighted feed (ignoring its backoff), `R` of all feeds, and
enter shows only that feed in the list.  Error text came from servers: it is shown as plain
`Text` after the store's sanitising.
"""

from __future__ import annotations

from datetime import UTC, datetime

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option
from textual.worker import Worker

from briefing_tui.models import Feed
from briefing_tui.ui.render import relative_time, safe
from briefing_tui.ui.widgets.pick_list import PickList


def feed_prompt(feed: Feed, now: datetime) -> Text:
    text = Text()
    text.append("⚠ " if feed.last_error else "  ", style="bold")
    text.append(safe(feed.display_title), style="bold")
    text.append(f"  {feed.unread_count:,} unread / {feed.article_count:,}", style="dim")
    if feed.tags:
        text.append("  " + safe(" ".join(f"#{t}" for t in feed.tags)), style="dim")
    text.append(f"\n    {safe(feed.url)}", style="dim")
    if feed.last_success is not None:
        age = relative_time(feed.last_success, now)
        text.append(f"\n    last success {'just now' if age == 'now' else age + ' ago'}")
    else:
        text.append("\n    never fetched successfully")
    if feed.last_error:
        text.append(f"\n    error ({feed.failures}x): ", style="bold")
        text.append(safe(feed.last_error))
    if feed.retry_after is not None and _aware(feed.retry_after) > now:
        text.append(
            f"\n    backing off until {_aware(feed.retry_after):%Y-%m-%d %H:%M} UTC"
            " (r forces a fetch)"
        )
    return text


def _aware(when: datetime) -> datetime:
    return when if when.tzinfo else when.replace(tzinfo=UTC)


class FeedsScreen(ModalScreen[tuple[int, str] | None]):
    BINDINGS = [
        Binding("escape,e,q", "dismiss(None)", "Close", id="feeds-close"),
        Binding(
            "r",
            "refresh_feed",
            "Refresh feed",
            id="feeds-refresh-one",
            tooltip="Fetch this feed now, ignoring its backoff",
        ),
        Binding(
            "R",
            "refresh_all",
            "Refresh all",
            id="feeds-refresh-all",
            tooltip="Fetch every feed now, ignoring backoff",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.feeds: list[Feed] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="picker wide"):
            yield Label(
                "Feeds — enter: show only this feed · r: refresh it now · "
                "R: refresh all · escape: close",
                id="feeds-title",
            )
            yield PickList(Option(Text("Loading…"), disabled=True), markup=False, id="feed-list")

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        self.app.on_worker_state_changed(event)

    def on_mount(self) -> None:
        self.load()

    @work(exclusive=True, group="feeds", exit_on_error=False, description="load feeds")
    async def load(self) -> None:
        feeds = await self.app.io(self.app.library.feeds)
        # Failing feeds first: "N feeds failed — press e" must not send the user scrolling
        # through hundreds of healthy ones (the sort keeps the title order within each part).
        self.feeds = sorted(feeds, key=lambda feed: not feed.last_error)
        now = self.app.clock()
        failing = sum(1 for f in self.feeds if f.last_error)
        options: list[Option | None] = []
        for feed in self.feeds:
            if options:
                options.append(None)
            options.append(Option(feed_prompt(feed, now), id=str(feed.id)))
        if not options:
            options = [Option(Text("No feeds. Add one with: briefing add URL"), disabled=True)]
        listing = self.query_one("#feed-list", OptionList)
        keep = self._highlighted_id()  # a reload after a refresh keeps the user's place
        listing.set_options(options)
        if not self.feeds:
            listing.highlighted = None
        elif any(feed.id == keep for feed in self.feeds):
            listing.highlighted = listing.get_option_index(str(keep))
        else:
            listing.highlighted = 0
        listing.border_title = f"{len(self.feeds)} feeds, {failing} failing"
        listing.focus()

    def _highlighted_id(self) -> int | None:
        option = self.query_one("#feed-list", OptionList).highlighted_option
        return int(option.id) if option is not None and option.id else None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        for feed in self.feeds:
            if str(feed.id) == event.option.id:
                self.dismiss((feed.id, feed.display_title))

    def action_refresh_feed(self) -> None:
        if (feed_id := self._highlighted_id()) is not None:
            if self.app.main_screen.action_refresh(force=True, feed_ids=[feed_id]):
                self.notify("Refreshing this feed…", timeout=2)

    def action_refresh_all(self) -> None:
        if self.app.main_screen.action_refresh(force=True):
            self.notify("Refreshing all feeds…", timeout=2)
