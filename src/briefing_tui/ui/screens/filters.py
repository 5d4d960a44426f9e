"""Filter keys of the main screen: unread only, sort, search, feed/tag and figures pickers.

Each changes the screen's `ListFilters` and re-queries the list (keeping the cursor on the
same article when it is still listed).  The pickers get their data from the Library in a
worker and return the choice; they never read the store themselves.
"""

from __future__ import annotations

from dataclasses import replace

from textual import work
from textual.widgets import Input

from briefing_tui.ui.state import ListFilters


class FilterActions:
    """Mixed into MainScreen (which provides filters, headlines, library and reload)."""

    def set_filters(self, filters: ListFilters) -> None:
        self.filters = filters
        self.reload()

    def action_unread_only(self) -> None:
        self.set_filters(replace(self.filters, unread_only=not self.filters.unread_only))
        self.notify("Unread only" if self.filters.unread_only else "All articles", timeout=2)

    def action_cycle_sort(self) -> None:
        self.set_filters(self.filters.next_sort())

    def action_search(self) -> None:
        search = self.query_one("#search", Input)
        search.display = True
        search.value = self.filters.search
        search.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        # a plain-named handler: @on is not collected from mixin classes
        if event.input.id != "search":
            return
        text = " ".join(event.value.split())
        event.input.display = bool(text)
        self.headlines.focus()
        self.set_filters(replace(self.filters, search=text))

    def action_clear(self) -> None:
        """Escape: first the search goes, then any other filter (the sort stays)."""
        search = self.query_one("#search", Input)
        search.display = False
        self.headlines.focus()
        if self.filters.search:
            self.set_filters(replace(self.filters, search=""))
        elif self.filters != ListFilters(sort=self.filters.sort):
            self.set_filters(ListFilters(sort=self.filters.sort))

    def action_filter_feed(self) -> None:
        self._pick_feed()

    @work(group="pickers", exit_on_error=False, description="feed picker")
    async def _pick_feed(self) -> None:
        from briefing_tui.ui.screens.pickers import FeedPicker

        feeds, tags = await self.app.io(lambda: (self.library.feeds(), self.library.tags()))
        choice = await self.app.push_screen_wait(FeedPicker(feeds, tags))
        if choice is None:
            return
        kind, value, title = choice
        filters = replace(self.filters, feed_id=None, feed_title="", tag=None)
        if kind == "feed":
            filters = replace(filters, feed_id=int(value), feed_title=title)
        elif kind == "tag":
            filters = replace(filters, tag=value)
        self.set_filters(filters)

    def action_filter_facts(self) -> None:
        self._pick_facts()

    @work(group="pickers", exit_on_error=False, description="figures filter")
    async def _pick_facts(self) -> None:
        from briefing_tui.ui.screens.pickers import FactFilterPicker

        choice = await self.app.push_screen_wait(
            FactFilterPicker(self.filters.fact_category, self.filters.fact_min)
        )
        if choice is not None:
            category, minimum = choice
            self.set_filters(replace(self.filters, fact_category=category, fact_min=minimum))
